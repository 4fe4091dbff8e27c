// Package migrationlockdefault shows that migration-lock is off unless a
// rules.toml enables it.
package migrationlockdefault

import "database/sql"

func createIndex(db *sql.DB) error {
	_, err := db.Exec("CREATE INDEX users_email ON users (email)")
	return err
}
