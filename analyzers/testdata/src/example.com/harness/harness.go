// Package harness is a test-support package for the fixtures of the
// test-harness quiet form: its Suite holds a *testing.T, so a function
// that uses one is test code although its file does not import testing.
package harness

import "testing"

// Suite is the state a test hands to helpers.
type Suite struct {
	T *testing.T
}
