package httpclient

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// errorQuiet are the safe forms of a send, whatever its results.
var errorQuiet = []rule.QuietForm[sendResults]{resultsHandedOn, sendTestHarness}

// errorReadQuiet is the safe form of an error kept in a variable; the
// candidate says whether some path reads it before it is assigned again.
var errorReadQuiet = []rule.QuietForm[bool]{
	{
		Name: "error-read",
		Doc: "An error read (compared, returned, passed on, wrapped, logged) in the statement that first uses the " +
			"response, or earlier (`if err != nil`, `return resp, err`, `if resp, err := c.Do(req); err == nil`), with " +
			"uses of the response before it guarded by a nil check (`if resp != nil { defer resp.Body.Close() }`, also " +
			"inside a deferred closure, or the right side of `resp != nil && resp.Body != nil`), passed to a function of " +
			"the package that compares that parameter with nil and uses it only under the comparison, or stored in a struct " +
			"field that every method of its type nil-checks before dereferencing it, and read on at least one path before err is assigned again; an err of an " +
			"enclosing function, a named result, or an err a closure reads (a deferred func that logs it).",
		Applies: func(read bool) bool { return read },
	},
}
