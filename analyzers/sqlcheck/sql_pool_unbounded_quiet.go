package sqlcheck

import (
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// poolOpen is a call that opens a *sql.DB, a candidate of
// sql-pool-unbounded.
type poolOpen struct {
	flow *dbFlow
	open inspector.Cursor
	fate fate // where the value ends up
}

// poolQuiet are the safe forms of an opened pool.
var poolQuiet = []rule.QuietForm[poolOpen]{
	{
		Name: "pool-limited",
		Doc: "SetMaxOpenConns called anywhere in the package on a holder of the value: the variable it is assigned to, " +
			"a struct field of the package it is stored in (an embedded *sql.DB too), a parameter of a function of the " +
			"package it is passed to, or the result of an unexported function that returns it.",
		Applies: func(c poolOpen) bool { return c.fate == configured },
	},
	{
		Name: "pool-leaves-package",
		Doc: "A value that leaves the package's sight: returned from an exported function of a library (the caller " +
			"may configure it), passed to another package (sqlx.NewDb, an ORM), stored in a map, slice or another " +
			"package's struct.",
		Applies: func(c poolOpen) bool { return c.fate == escaped },
	},
	{
		Name: "pool-confined",
		Doc: "A pool confined to the function that opens it: a local variable used only as the receiver of its own " +
			"methods (never passed, stored, returned, captured by a function literal or queried in a go statement) and " +
			"closed there, such as an admin connection that creates a database: one goroutine's sequential queries " +
			"cannot grow the pool.",
		Applies: func(c poolOpen) bool { return c.flow.confined(c.open) },
	},
}
