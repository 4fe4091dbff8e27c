// Package foreignoff tests honor_nolint = false: //nolint silences nothing.
package foreignoff

func f() {
	panic("a") //nolint // want `\[test-panic\] panic called`
}
