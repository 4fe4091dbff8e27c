package sqlcheck

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// migrationLockQuiet are the safe forms of a DDL statement of a kind that
// can lock a table (CREATE INDEX, ALTER TABLE ... ADD or ALTER COLUMN), a
// candidate of migration-lock.
var migrationLockQuiet = []rule.QuietForm[lockFinding]{
	{
		Name: "new-table",
		Doc: "A statement about a table that the same SQL text creates (CREATE TABLE t ...; CREATE INDEX ... ON t): " +
			"the table is empty and nobody waits on it.",
		Applies: func(f lockFinding) bool { return f.newTable },
	},
	{
		Name:    "index-concurrently",
		Doc:     "CREATE INDEX CONCURRENTLY, which builds the index without blocking writes.",
		Applies: func(f lockFinding) bool { return f.concurrently },
	},
	{
		Name: "not-valid",
		Doc: "ADD CONSTRAINT ... FOREIGN KEY or CHECK with NOT VALID: existing rows are not scanned under the lock; " +
			"a later VALIDATE CONSTRAINT lets writes through.",
		Applies: func(f lockFinding) bool { return f.notValid },
	},
	{
		Name:    "using-index",
		Doc:     "ADD ... PRIMARY KEY or UNIQUE USING INDEX: the index was built beforehand (CONCURRENTLY), nothing is built under the lock.",
		Applies: func(f lockFinding) bool { return f.usingIndex },
	},
	{
		Name: "stable-default",
		Doc: "ADD COLUMN with a constant DEFAULT or a stable function (now(), current_timestamp): PostgreSQL 11 and " +
			"later store the value once, without rewriting the table.",
		Applies: func(f lockFinding) bool { return f.stableDefault },
	},
}
