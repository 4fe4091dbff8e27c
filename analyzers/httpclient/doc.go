// Package httpclient holds the rules for outbound HTTP calls: timeouts,
// error and status checks, and closing response bodies.
package httpclient

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the HTTP client family.
func Rules() []*rule.Rule { return nil }
