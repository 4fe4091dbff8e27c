// Package errors is a stub of github.com/pkg/errors: an errors package
// that mirrors the standard library's Is.
package errors

import stderrors "errors"

// Is reports whether any error in err's chain matches target.
func Is(err, target error) bool { return stderrors.Is(err, target) }
