// Package require is a minimal stub of github.com/stretchr/testify/require.
package require

// TestingT is the subset of *testing.T that require uses.
type TestingT interface {
	Errorf(format string, args ...interface{})
	FailNow()
}

func NoError(t TestingT, err error, msgAndArgs ...interface{}) {}
