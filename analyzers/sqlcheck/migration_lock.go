package sqlcheck

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// MigrationLock returns the migration-lock rule.
func MigrationLock() *rule.Rule {
	return &rule.Rule{
		ID:       "migration-lock",
		Severity: config.SeverityWarning,
		Enabled:  false, // its precision on real migrations is unproven: opt in per repository
		Imports:  sqlImports,
		Requires: sqlRequires,
		Doc: rule.Doc{
			Title: "report PostgreSQL migrations run from Go that lock tables while they work",
			Why: "An ALTER TABLE on a table of hundreds of millions of rows can take an exclusive lock and rewrite " +
				"the table: every query on it queues behind the migration, the queue holds every pool connection, " +
				"and everything downstream stops until it finishes. Several common DDL statements take such locks for the " +
				"time of a full table scan or rewrite, which is instant on a developer's database and an outage " +
				"in production.",
			Bad:  "db.ExecContext(ctx, \"CREATE INDEX users_email ON users (email)\")",
			Good: "db.ExecContext(ctx, \"CREATE INDEX CONCURRENTLY users_email ON users (email)\")",
			Scope: "Off by default; enable it with [rules.migration-lock] enabled = true. Reads the constant SQL " +
				"text passed to Exec, ExecContext and MustExec of database/sql, sqlx and pgx (as sql-select-star " +
				"does) and reports CREATE [UNIQUE] INDEX without CONCURRENTLY, ALTER TABLE ... ALTER COLUMN ... " +
				"[SET DATA] TYPE, ADD COLUMN with a volatile DEFAULT (random(), gen_random_uuid(), " +
				"uuid_generate_v4(), clock_timestamp(), nextval()...), a serial type or a GENERATED ... STORED " +
				"expression, ADD CONSTRAINT ... FOREIGN KEY or CHECK without NOT VALID, and ADD ... PRIMARY KEY " +
				"or UNIQUE without USING INDEX. Text inside SQL comments and string literals is not read as " +
				"a statement. .sql migration files are out " +
				"of reach: go/analysis only sees Go files (and OtherFiles, which go list fills with non-Go " +
				"source such as .c and .s files, not .sql); check those with a SQL linter such as squawk. The " +
				"analysis cannot see table sizes: on a small table the lock is harmless; silence the finding " +
				"with //prodlint:ignore migration-lock and say so.",
			Fix: "Adds CONCURRENTLY to a CREATE INDEX that is the only statement of a string literal run through " +
				"a sql.DB, sql.Conn or pgx (not a transaction: CONCURRENTLY cannot run inside one).",
		},
		Quiet: rule.Declare(rule.Forms(migrationLockQuiet)),
		Run:   runMigrationLock,
	}
}

func runMigrationLock(p *rule.Pass) error {
	for _, sc := range sqlCalls(p) {
		if sc.kind != sinkExec {
			continue
		}
		sts := sc.statements()
		for _, f := range migrationLocks(sts) {
			if rule.Quiet(p, sc.query, migrationLockQuiet, f) {
				continue
			}
			var fixes []analysis.SuggestedFix
			if f.concurrentlyAt > 0 && len(sts) == 1 && !sc.inTx {
				fixes = concurrentlyFix(sc, f.concurrentlyAt)
			}
			p.Report(sc.query, f.what+" "+f.why+"; "+f.do, fixes...)
		}
	}
	return nil
}

// concurrentlyFix inserts " CONCURRENTLY" after INDEX in the literal that
// holds the query, when its source bytes are the query's bytes (no escape
// sequences).
func concurrentlyFix(sc *sqlCall, at int) []analysis.SuggestedFix {
	lit := sc.text.Lit
	if lit == nil || strings.ContainsAny(lit.Value, "\\\r") {
		return nil
	}
	return []analysis.SuggestedFix{fix.New("Create the index CONCURRENTLY",
		fix.Insert(lit.Pos()+1+token.Pos(at), " CONCURRENTLY"))}
}
