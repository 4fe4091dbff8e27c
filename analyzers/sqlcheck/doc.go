// Package sqlcheck holds the rules for SQL: query smells, rows handling and
// blocking migrations.
package sqlcheck

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the SQL family.
func Rules() []*rule.Rule {
	return []*rule.Rule{RowsClose(), RowsErr()}
}
