package sqlrowserr

import (
	"database/sql"
	"encoding/json"
	"net/http"
)

// bestEffortHandler drops every error, as a best-effort function does, but
// it answers a request: a result cut short mid-read is served as the whole
// list, with a 200.
func bestEffortHandler(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rows, err := db.QueryContext(r.Context(), "SELECT name FROM users")
		if err != nil {
			return
		}
		defer rows.Close()
		var names []string
		for rows.Next() { // want `\[sql-rows-err\] this rows.Next\(\) loop has no rows.Err\(\) check`
			var n string
			if rows.Scan(&n) != nil {
				return
			}
			names = append(names, n)
		}
		json.NewEncoder(w).Encode(names)
	}
}

// bestEffortWriter is a helper that writes its answer to the
// ResponseWriter it is given: the same partial list served as success.
func bestEffortWriter(w http.ResponseWriter, db *sql.DB) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() { // want `\[sql-rows-err\] this rows.Next\(\) loop has no rows.Err\(\) check`
		var n string
		if rows.Scan(&n) != nil {
			return
		}
		w.Write([]byte(n + "\n"))
	}
}

// Twin: the same best-effort loop with no request to answer (it fills a
// map it is given) stays quiet.
func bestEffortFill(db *sql.DB, to map[string]bool) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if rows.Scan(&n) != nil {
			return
		}
		to[n] = true
	}
}
