// Package sqlcheck holds the rules for SQL: connection pool limits, query
// smells, rows handling and blocking migrations.
//
// The text rules read the SQL that reaches database/sql, sqlx and pgx by
// constant value and tokenize it (sqltoken.go), so that they never look
// inside comments, string literals, quoted identifiers or dollar-quoted
// bodies.
package sqlcheck

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the SQL family.
func Rules() []*rule.Rule {
	return []*rule.Rule{SQLPoolUnbounded(), SelectStar(), LikeWildcard(), InLoop(), RowsClose(), RowsErr(), MigrationLock()}
}
