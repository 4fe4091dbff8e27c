// Package foreigndirectives tests that golangci-lint's //nolint and gosec's
// #nosec silence the prodlint rules that report the same check.
package foreigndirectives

func blanket() {
	panic("a") //nolint
	panic("b") //nolint:all // the whole line is accepted
	panic("c") //nolint:prodlint
	//nolint:all
	panic("d")
}

// A //nolint above a statement covers the whole statement.
func statement(ok bool) {
	//nolint
	if !ok {
		panic("e")
	}
	if ok {
		panic("f") // want `\[test-panic\] panic called`
	}
}

// A //nolint in a function's doc comment covers the function.
//
//nolint:all
func documented() {
	panic("g")
}

// Directives for other linters, or for gosec checks prodlint does not
// share, silence nothing.
func unrelated() {
	panic("h") //nolint:errcheck // want `\[test-panic\] panic called`
	panic("i") // #nosec G304 -- reads a file // want `\[test-panic\] panic called`
	panic("j") //nolintlint // want `\[test-panic\] panic called`
	panic("k") // want `\[test-panic\] panic called`
	//nolint
	_ = 1
	panic("l") // want `\[test-panic\] panic called`
}
