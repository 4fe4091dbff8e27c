// Package concurrency holds the rules for what multiplies per request or
// per loop iteration: goroutines (goroutine-unbounded) and connection pools
// of any client, database/sql, HTTP transports, redis and gRPC alike
// (pool-per-request). Both read the same request scope and loop shapes
// (calls.go, goroutine_loops.go). A rule about one API's own settings sits
// with that API's family: sql-pool-unbounded is in sqlcheck.
package concurrency

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the concurrency and pool family.
func Rules() []*rule.Rule {
	return []*rule.Rule{
		GoroutineUnbounded(),
		PoolPerRequest(),
	}
}
