// Package sqlselectstar holds SELECT * queries, each beside a twin that
// lists its columns or uses * where it is harmless.
package sqlselectstar

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
)

const usersTable = "users"

const selectAllUsers = "SELECT * FROM " + usersTable

const selectUserColumns = "SELECT id, name, email FROM " + usersTable

type user struct{ ID, Name string }

func literal(ctx context.Context, db *sql.DB, id int) *sql.Row {
	return db.QueryRowContext(ctx, "SELECT * FROM users WHERE id = $1", id) // want `\[sql-select-star\] SELECT \* fetches every column of the table`
}

func literalColumns(ctx context.Context, db *sql.DB, id int) *sql.Row {
	return db.QueryRowContext(ctx, "SELECT id, name, email FROM users WHERE id = $1", id)
}

func constant(db *sql.DB) (*sql.Rows, error) {
	return db.Query(selectAllUsers) // want `\[sql-select-star\] SELECT \*`
}

func constantColumns(db *sql.DB) (*sql.Rows, error) {
	return db.Query(selectUserColumns)
}

func sprintf(db *sql.DB, table string) (*sql.Rows, error) {
	return db.Query(fmt.Sprintf("SELECT DISTINCT * FROM %s ORDER BY 1", table)) // want `\[sql-select-star\] SELECT \*`
}

func sprintfColumns(db *sql.DB, table string) (*sql.Rows, error) {
	return db.Query(fmt.Sprintf("SELECT id, count(*) FROM %s GROUP BY id", table))
}

func localVariable(db *sql.DB) (*sql.Rows, error) {
	q := `
		SELECT *
		FROM users
		WHERE active`
	return db.Query(q) // want `\[sql-select-star\] SELECT \*`
}

func localVariableReassigned(db *sql.DB, admin bool) (*sql.Rows, error) {
	q := "SELECT * FROM users"
	if admin {
		q = "SELECT id FROM admins"
	}
	return db.Query(q) // reassigned: the text is not known
}

func cte(db *sql.DB) (*sql.Rows, error) {
	return db.Query("WITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '1 day') SELECT * FROM recent") // want `\[sql-select-star\] SELECT \*`
}

func cteColumns(db *sql.DB) (*sql.Rows, error) {
	return db.Query("WITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '1 day') SELECT id, total FROM recent")
}

func union(db *sql.DB) (*sql.Rows, error) {
	return db.Query("SELECT id, name FROM users UNION ALL SELECT * FROM admins") // want `\[sql-select-star\] SELECT \*`
}

func quietStarOutsideSelectList(db *sql.DB, id int) *sql.Row {
	return db.QueryRow("SELECT EXISTS (SELECT * FROM users WHERE id = $1)", id)
}

func countStar(db *sql.DB) *sql.Row {
	return db.QueryRow("SELECT count(*) FROM users")
}

func quietQualifiedStar(db *sql.DB) (*sql.Rows, error) {
	return db.Query("SELECT u.*, o.total FROM users u JOIN orders o ON o.user_id = u.id")
}

func starInComment(db *sql.DB) (*sql.Rows, error) {
	return db.Query("-- was: SELECT * FROM users\nSELECT id FROM users /* not SELECT * */")
}

func starInString(db *sql.DB) (*sql.Rows, error) {
	return db.Query("SELECT id FROM audit WHERE query = 'SELECT * FROM users'")
}

func starInDollarQuote(db *sql.DB) (sql.Result, error) {
	return db.Exec("CREATE FUNCTION f() RETURNS void AS $$ SELECT * FROM users $$ LANGUAGE sql")
}

func insertSelect(db *sql.DB) (sql.Result, error) {
	return db.Exec("INSERT INTO users_archive SELECT * FROM users WHERE deleted")
}

func returning(db *sql.DB) (*sql.Rows, error) {
	return db.Query("UPDATE users SET active = false WHERE id = $1 RETURNING *", 1)
}

func multiplication(db *sql.DB) (*sql.Rows, error) {
	return db.Query("SELECT price * quantity FROM lines")
}

func sqlxSelect(db *sqlx.DB) ([]user, error) {
	var users []user
	err := db.Select(&users, "select * from users") // want `\[sql-select-star\] SELECT \*`
	return users, err
}

func sqlxSelectColumns(db *sqlx.DB) ([]user, error) {
	var users []user
	err := db.Select(&users, "select id, name from users")
	return users, err
}

func pgxQuery(ctx context.Context, pool *pgxpool.Pool) error {
	rows, err := pool.Query(ctx, "SELECT * FROM users") // want `\[sql-select-star\] SELECT \*`
	if err != nil {
		return err
	}
	rows.Close()
	return nil
}

func notAQuery() string {
	return "SELECT * FROM users" // never reaches a query API
}

// Safe: the star expands to the columns the CTE lists itself.
func quietFromFixedCte(db *sql.DB) (*sql.Rows, error) {
	return db.Query("WITH a AS (SELECT 1 AS v), b (w) AS (SELECT 2) SELECT * FROM a, b")
}

// Reported twin: a table joins the fixed CTE.
func cteFixedJoinTable(db *sql.DB) (*sql.Rows, error) {
	return db.Query("WITH a AS (SELECT 1 AS v) SELECT * FROM a JOIN users u ON u.id = a.v") // want `\[sql-select-star\] SELECT \*`
}
