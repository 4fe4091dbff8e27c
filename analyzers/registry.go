// Package analyzers is prodlint's library of go/analysis passes. Rules
// returns the description of every rule; New builds a fresh set of
// analyzers from a configuration, so that every driver (the prodlint
// command, go vet -vettool, the golangci-lint plugin, nogo) gets its own
// instances and no state is shared between them.
package analyzers

import (
	"github.com/prodlint/prodlint/analyzers/concurrency"
	"github.com/prodlint/prodlint/analyzers/ctxcheck"
	"github.com/prodlint/prodlint/analyzers/httpclient"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/jwtcheck"
	"github.com/prodlint/prodlint/analyzers/resilience"
	"github.com/prodlint/prodlint/analyzers/secrets"
	"github.com/prodlint/prodlint/analyzers/server"
	"github.com/prodlint/prodlint/analyzers/sqlcheck"
)

// Rules returns every rule, in the order of the documentation: the
// suppression rule, then the families from client to server to data.
func Rules() []*Rule {
	families := [][]*rule.Rule{
		{rule.DirectiveRule()},
		httpclient.Rules(),
		ctxcheck.Rules(),
		secrets.Rules(),
		jwtcheck.Rules(),
		concurrency.Rules(),
		server.Rules(),
		resilience.Rules(),
		sqlcheck.Rules(),
	}
	var all []*Rule
	for _, f := range families {
		for _, r := range f {
			r.Doc.Since = since[r.ID] // from CHANGELOG.md, see since.go
			all = append(all, r)
		}
	}
	return all
}
