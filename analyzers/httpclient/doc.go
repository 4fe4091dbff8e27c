// Package httpclient holds the rules for outbound HTTP calls: timeouts,
// error and status checks, and closing response bodies.
package httpclient

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the HTTP client family, in the order a request meets
// them: sent with a timeout, error checked, status checked, body closed.
func Rules() []*rule.Rule {
	return []*rule.Rule{Timeout(), Error(), Status(), BodyClose()}
}
