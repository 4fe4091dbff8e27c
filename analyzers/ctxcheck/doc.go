// Package ctxcheck holds the rules for context propagation: cancellation and deadlines
// that stop at a call.
package ctxcheck

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the context propagation family.
func Rules() []*rule.Rule { return nil }
