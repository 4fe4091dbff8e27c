// Package schema lists the migrations of the facts fixture; the migrator
// package runs them.
package schema

// Migration is one schema step.
type Migration struct {
	Version int
	Up      string
}

// Steps are run in order.
var Steps = []Migration{
	{Version: 1, Up: "CREATE TABLE audit (id bigint PRIMARY KEY, at timestamptz)"},
	{Version: 2, Up: "CREATE INDEX users_email ON users (email)"},
}

// SafeSteps is the twin: its index is built concurrently.
var SafeSteps = []Migration{
	{1, "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint)"},
	{2, "CREATE INDEX CONCURRENTLY orders_user ON orders (user_id)"},
}
