// Package sqllikewildcard holds LIKE patterns with a leading wildcard,
// each beside a prefix-match twin.
package sqllikewildcard

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jmoiron/sqlx"
)

func concatInSQL(ctx context.Context, db *sql.DB, q string) (*sql.Rows, error) {
	return db.QueryContext(ctx, "SELECT id, name FROM users WHERE name LIKE '%' || $1 || '%'", q) // want `\[sql-like-wildcard\] LIKE pattern starts with a % wildcard`
}

func prefixInSQL(ctx context.Context, db *sql.DB, q string) (*sql.Rows, error) {
	return db.QueryContext(ctx, "SELECT id, name FROM users WHERE name LIKE $1 || '%'", q)
}

func literalPattern(db *sql.DB) (*sql.Rows, error) {
	return db.Query("SELECT id FROM users WHERE email ILIKE '%@example.com'") // want `\[sql-like-wildcard\] ILIKE pattern starts with a % wildcard`
}

func quietPrefixLiteral(db *sql.DB) (*sql.Rows, error) {
	return db.Query("SELECT id FROM users WHERE email LIKE 'admin%'")
}

func concatFunction(db *sql.DB, q string) (*sql.Rows, error) {
	return db.Query("SELECT id FROM users WHERE name LIKE CONCAT('%', ?, '%')", q) // want `\[sql-like-wildcard\] LIKE pattern starts`
}

func concatFunctionPrefix(db *sql.DB, q string) (*sql.Rows, error) {
	return db.Query("SELECT id FROM users WHERE name LIKE CONCAT(?, '%')", q)
}

func percentInGo(db *sql.DB, q string) (*sql.Rows, error) {
	return db.Query("SELECT id FROM users WHERE active AND name LIKE $1", "%"+q+"%") // want `\[sql-like-wildcard\] this argument starts with a % wildcard and is the pattern of a LIKE`
}

func quietBoundArgument(db *sql.DB, q string) (*sql.Rows, error) {
	return db.Query("SELECT id FROM users WHERE active AND name LIKE $1", q+"%")
}

func sprintfInGo(db *sql.DB, tenant int, q string) (*sql.Rows, error) {
	return db.Query("SELECT id FROM users WHERE tenant = ? AND name LIKE ?", tenant, fmt.Sprintf("%%%s%%", q)) // want `\[sql-like-wildcard\] this argument starts with a % wildcard`
}

func sprintfPrefixInGo(db *sql.DB, tenant int, q string) (*sql.Rows, error) {
	return db.Query("SELECT id FROM users WHERE tenant = ? AND name LIKE ?", tenant, fmt.Sprintf("%s%%", q))
}

func likeInComment(db *sql.DB, q string) (*sql.Rows, error) {
	return db.Query("SELECT id FROM users WHERE name = $1 -- was: name LIKE '%' || $1", q)
}

func likeInString(db *sql.DB) (sql.Result, error) {
	return db.Exec("INSERT INTO notes (body) VALUES ('use name LIKE ''%x'' here')")
}

func sqlxGet(db *sqlx.DB, q string) (int, error) {
	var n int
	err := db.Get(&n, "SELECT count(*) FROM products WHERE title ILIKE '%' || $1", q) // want `\[sql-like-wildcard\] ILIKE pattern starts`
	return n, err
}

func sqlxGetPrefix(db *sqlx.DB, q string) (int, error) {
	var n int
	err := db.Get(&n, "SELECT count(*) FROM products WHERE title ILIKE $1 || '%'", q)
	return n, err
}

// quietCatalogRead searches a setting of the server's own catalog: a view
// of a few hundred rows, whatever the data.
func quietCatalogRead(ctx context.Context, db *sql.DB) (bool, error) {
	var on bool
	err := db.QueryRowContext(ctx, "SELECT count(1) = 1 FROM pg_settings WHERE name = 'rds.extensions' AND setting LIKE '%aurora_stat_utils%'").Scan(&on)
	return on, err
}

// The twin: a user table whose name merely contains pg is still scanned.
func userTableNamedLikeCatalog(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, "SELECT id FROM app_pg_settings WHERE setting LIKE '%aurora%'") // want `\[sql-like-wildcard\] LIKE pattern starts with a % wildcard`
}
