// Package search holds the search statements of the facts fixture.
package search

// Statements are the searches by field.
var Statements = struct{ ByName, ByPrefix string }{
	ByName:   "SELECT id FROM users WHERE name LIKE '%' || $1 || '%'",
	ByPrefix: "SELECT id FROM users WHERE name LIKE $1 || '%'",
}
