package sqlinloop

import (
	"context"
	"database/sql"
	"fmt"
)

// A SELECT that calls a function (SELECT fn($1), SELECT * FROM fn($1))
// runs a procedure, which may write: it is not a row lookup. Quiet; its
// twin reads a table per row and is still N+1.

func quietReadsNoTable(ctx context.Context, db *sql.DB, jobs []string) error {
	for _, j := range jobs {
		var id int64
		if err := db.QueryRowContext(ctx, "SELECT * FROM enqueue_job($1)", j).Scan(&id); err != nil {
			return err
		}
		if err := db.QueryRowContext(ctx, "SELECT public.enqueue_job($1)", j).Scan(&id); err != nil {
			return err
		}
	}
	return nil
}

func lookupEach(ctx context.Context, db *sql.DB, jobs []string) error {
	for _, j := range jobs {
		var id int64
		if err := db.QueryRowContext(ctx, "SELECT id FROM public.jobs WHERE name = $1", j).Scan(&id); err != nil { // want `\[sql-in-loop\] sql.DB.QueryRowContext runs a query for each element`
			return err
		}
		var ok bool
		if err := db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM jobs WHERE name = $1)", j).Scan(&ok); err != nil { // want `\[sql-in-loop\] sql.DB.QueryRowContext runs a query for each element`
			return err
		}
	}
	return nil
}

// The function's (or the table's) name computed by the Go code: a call of
// the configured function is quiet, a read of the configured table per
// element is still reported.

func expireEach(ctx context.Context, db *sql.DB, fn string, channels []string) error {
	for _, ch := range channels {
		var n int
		if err := db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM %s($1)", fn), ch).Scan(&n); err != nil {
			return err
		}
	}
	return nil
}

func readEach(ctx context.Context, db *sql.DB, table string, channels []string) error {
	for _, ch := range channels {
		var n int
		if err := db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM %s WHERE channel = $1", table), ch).Scan(&n); err != nil { // want `\[sql-in-loop\] sql.DB.QueryRowContext runs a query for each element`
			return err
		}
	}
	return nil
}
