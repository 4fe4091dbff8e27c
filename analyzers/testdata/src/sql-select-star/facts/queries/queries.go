// Package queries holds the SQL of the facts fixture in package-level
// values that another package sends.
package queries

// ListUsers is a string variable never assigned again.
var ListUsers = "SELECT * FROM users"

// ListUserNames is its safe twin.
var ListUserNames = "SELECT id, name FROM users"

// Reports is a table of statements a caller ranges over.
var Reports = []string{
	"SELECT * FROM orders WHERE day = $1",
	"SELECT id, total FROM invoices WHERE day = $1",
}

// Narrow is its safe twin: every statement lists its columns.
var Narrow = []string{
	"SELECT id FROM orders WHERE day = $1",
	"SELECT id, total FROM invoices WHERE day = $1",
}

// ByName is a map of statements looked up by key.
var ByName = map[string]string{
	"all":   "SELECT * FROM accounts",
	"names": "SELECT id, name FROM accounts",
}

// Users is a struct value whose fields hold SQL.
var Users = struct {
	Get, List string
}{
	Get:  "SELECT * FROM users WHERE id = $1",
	List: "SELECT id, name FROM users",
}

// Dynamic is assigned again: its text is not known at a call.
var Dynamic = "SELECT * FROM users"

func init() { Dynamic = "SELECT id FROM users" }

// ListAll returns a constant text.
func ListAll() string { return "SELECT * FROM audit" }

// ListSome is its safe twin.
func ListSome() string { return "SELECT id, at FROM audit" }
