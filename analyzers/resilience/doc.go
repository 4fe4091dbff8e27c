// Package resilience holds the rules for retry loops: backoff and bounds.
package resilience

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the resilience family.
func Rules() []*rule.Rule {
	return []*rule.Rule{RetryNoBackoff(), RetryUnbounded()}
}
