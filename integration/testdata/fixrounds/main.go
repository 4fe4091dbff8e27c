// Command fixrounds holds findings whose fixes touch the same literals and
// statements: one prodlint -fix must apply them all, over several rounds.
package main

import (
	"context"
	"crypto/tls"
	"database/sql"
	"net/http"
)

func handler(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rows, err := db.QueryContext(context.Background(), "SELECT id FROM t")
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		for rows.Next() {
			var id int
			if err := rows.Scan(&id); err != nil {
				return
			}
		}
		req, _ := http.NewRequest("GET", "https://x.internal", nil)
		client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
		}
	}
}

func main() {
	srv := &http.Server{Addr: ":8080", TLSConfig: &tls.Config{InsecureSkipVerify: true}}
	_ = srv.ListenAndServe()
}
