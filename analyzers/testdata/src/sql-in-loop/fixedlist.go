package sqlinloop

import (
	"context"
	"database/sql"
	"embed"
	"strings"
)

// A loop over a list written in the source or read from files runs a fixed
// number of queries, whatever the size of the data: quiet. Its twins range
// over data (a parameter, a list filled from rows) and are still N+1.

var partitions = []string{"p0", "p1", "p2", "p3"}

func quietFixedList(ctx context.Context, db *sql.DB) (int, error) {
	total := 0
	for _, part := range partitions {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM events WHERE partition = $1", part).Scan(&n); err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

var mutablePartitions = []string{"p0"}

func AddPartition(name string) { mutablePartitions = append(mutablePartitions, name) }

func countPerMutablePartition(ctx context.Context, db *sql.DB) (int, error) {
	total := 0
	for _, part := range mutablePartitions {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM events WHERE partition = $1", part).Scan(&n); err != nil { // want `\[sql-in-loop\] sql.DB.QueryRowContext runs a query for each element of the range over mutablePartitions`
			return 0, err
		}
		total += n
	}
	return total, nil
}

func countPerLiteralShard(ctx context.Context, db *sql.DB) error {
	for _, shard := range [...]int{0, 1, 2} {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM jobs WHERE shard = $1", shard).Scan(&n); err != nil {
			return err
		}
	}
	checks := map[string]string{"users": "active", "orders": "open"}
	for table, state := range checks {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM stats WHERE tbl = $1 AND state = $2", table, state).Scan(&n); err != nil {
			return err
		}
	}
	return nil
}

func countPerGrowingShard(ctx context.Context, db *sql.DB, extra []int) error {
	shards := []int{0, 1}
	shards = append(shards, extra...)
	for _, shard := range shards {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM jobs WHERE shard = $1", shard).Scan(&n); err != nil { // want `\[sql-in-loop\] sql.DB.QueryRowContext runs a query for each element of the range over shards`
			return err
		}
	}
	return nil
}

//go:embed migrations
var migrationFiles embed.FS

func appliedMigrations(ctx context.Context, db *sql.DB) (map[string]bool, error) {
	entries, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	applied := map[string]bool{}
	for _, e := range entries {
		var ok bool
		if err := db.QueryRowContext(ctx, "SELECT true FROM schema_migrations WHERE name = $1", e.Name()).Scan(&ok); err == nil {
			applied[e.Name()] = ok
		}
	}
	return applied, nil
}

//go:embed schema.sql
var schemaChecks string

func runSchemaChecks(ctx context.Context, db *sql.DB) error {
	for _, check := range strings.Split(schemaChecks, ";") {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM checks WHERE body = $1", check).Scan(&n); err != nil {
			return err
		}
	}
	return nil
}

func runRequestedChecks(ctx context.Context, db *sql.DB, requested string) error {
	for _, check := range strings.Split(requested, ",") {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM checks WHERE name = $1", check).Scan(&n); err != nil { // want `\[sql-in-loop\] sql.DB.QueryRowContext runs a query for each element of the range over strings.Split`
			return err
		}
	}
	return nil
}

func auditedTables() []string { return []string{"users", "orders"} }

func requestedTables(r interface{ Tables() []string }) []string { return r.Tables() }

func countAudited(ctx context.Context, db *sql.DB, r interface{ Tables() []string }) error {
	for _, t := range auditedTables() {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM audit WHERE tbl = $1", t).Scan(&n); err != nil {
			return err
		}
	}
	for _, t := range requestedTables(r) {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM audit WHERE tbl = $1", t).Scan(&n); err != nil { // want `\[sql-in-loop\] sql.DB.QueryRowContext runs a query for each element of the range over requestedTables\(r\)`
			return err
		}
	}
	return nil
}
