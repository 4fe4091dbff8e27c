// Package ctxcheck holds the rules for context propagation: cancellation and deadlines
// that stop at a call.
//
// Both rules share one notion of "a ctx in scope": a named context.Context or
// *http.Request parameter of the enclosing function or of a function a closure
// lives in, found by name from the call site so that shadowing is respected.
package ctxcheck

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the context propagation family.
func Rules() []*rule.Rule { return []*rule.Rule{Background(), Variant()} }
