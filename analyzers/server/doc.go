// Package server holds the rules for HTTP servers: timeouts, request-body limits,
// graceful shutdown and TLS.
package server

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the server family.
func Rules() []*rule.Rule {
	return []*rule.Rule{Timeout(), RequestBody(), Shutdown(), TLS()}
}
