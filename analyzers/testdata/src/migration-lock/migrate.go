// Package migrationlock holds PostgreSQL migrations run from Go that lock
// tables while they work, each beside a twin that does not.
package migrationlock

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

func createIndex(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, "CREATE INDEX users_email ON users (email)") // want `\[migration-lock\] CREATE INDEX without CONCURRENTLY holds a SHARE lock`
	return err
}

func quietIndexConcurrently(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, "CREATE INDEX CONCURRENTLY users_email ON users (email)")
	return err
}

func createUniqueIndexRaw(db *sql.DB) error {
	_, err := db.Exec(`CREATE UNIQUE INDEX IF NOT EXISTS users_login ON users (login)`) // want `\[migration-lock\] CREATE INDEX without CONCURRENTLY`
	return err
}

func createIndexInTx(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "CREATE INDEX orders_user ON orders (user_id)") // want `\[migration-lock\] CREATE INDEX without CONCURRENTLY`
	return err
}

func quietNewTable(db *sql.DB) error {
	_, err := db.Exec(`
		CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, user_id bigint, at timestamptz);
		CREATE INDEX events_user ON events (user_id);
		ALTER TABLE events ADD CONSTRAINT events_user_fk FOREIGN KEY (user_id) REFERENCES users (id);`)
	return err
}

func alterType(ctx context.Context, pool *pgxpool.Pool) error {
	_, err := pool.Exec(ctx, "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2)") // want `\[migration-lock\] ALTER COLUMN ... TYPE rewrites the whole table`
	return err
}

func alterDefault(ctx context.Context, pool *pgxpool.Pool) error {
	_, err := pool.Exec(ctx, "ALTER TABLE orders ALTER COLUMN type SET DEFAULT 'web'")
	return err
}

func addColumnVolatile(db *sql.DB) error {
	_, err := db.Exec("ALTER TABLE users ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid()") // want `\[migration-lock\] ADD COLUMN with a volatile DEFAULT gen_random_uuid\(\) rewrites`
	return err
}

func quietStableDefault(db *sql.DB) error {
	_, err := db.Exec("ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()")
	return err
}

func addColumnSerial(db *sql.DB) error {
	_, err := db.Exec("ALTER TABLE users ADD COLUMN seq bigserial") // want `\[migration-lock\] ADD COLUMN ... BIGSERIAL rewrites`
	return err
}

func addColumnPlain(db *sql.DB) error {
	_, err := db.Exec("ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text")
	return err
}

func addForeignKey(db *sql.DB) error {
	_, err := db.Exec("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)") // want `\[migration-lock\] ADD CONSTRAINT ... FOREIGN without NOT VALID`
	return err
}

func quietNotValid(db *sql.DB) error {
	if _, err := db.Exec("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID"); err != nil {
		return err
	}
	_, err := db.Exec("ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk")
	return err
}

func addCheckAndUnique(db *sql.DB) error {
	_, err := db.Exec("ALTER TABLE orders ADD CHECK (total >= 0), ADD UNIQUE (ref)") // want `\[migration-lock\] ADD CONSTRAINT ... CHECK without NOT VALID` `\[migration-lock\] ADD CONSTRAINT ... UNIQUE without USING INDEX`
	return err
}

func quietUsingIndex(db *sql.DB) error {
	_, err := db.Exec("ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE USING INDEX orders_ref_idx")
	return err
}

func commentedOut(db *sql.DB) error {
	_, err := db.Exec("-- CREATE INDEX users_email ON users (email)\nSELECT 1")
	return err
}

func queryNotExec(db *sql.DB) (*sql.Rows, error) {
	return db.Query("SELECT 'CREATE INDEX x ON y (z)'")
}
