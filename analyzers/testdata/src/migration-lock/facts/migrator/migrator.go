// Package migrator runs the steps the schema package lists.
package migrator

import (
	"database/sql"

	"migration-lock/facts/schema"
)

func up(db *sql.DB) error {
	for _, m := range schema.Steps {
		if _, err := db.Exec(m.Up); err != nil { // want `\[migration-lock\] CREATE INDEX without CONCURRENTLY`
			return err
		}
	}
	for _, m := range schema.SafeSteps {
		if _, err := db.Exec(m.Up); err != nil {
			return err
		}
	}
	return nil
}
