// Package concurrency holds the rules for unbounded goroutines and connection pools.
package concurrency

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the concurrency and pool family.
func Rules() []*rule.Rule {
	return []*rule.Rule{
		GoroutineUnbounded(),
		PoolPerRequest(),
	}
}
