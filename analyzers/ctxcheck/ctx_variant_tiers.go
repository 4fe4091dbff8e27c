package ctxcheck

import (
	"go/types"
	"strings"
)

// VariantOptions are ctx-variant's rules.toml keys: the tiers beyond the
// default, each a kind of API whose context-less calls were, on code the
// rule had not been tuned on, as often a deliberate or harmless choice as
// a mistake.
type VariantOptions struct {
	HTTP       bool `toml:"http" doc:"also report net/http calls built or sent without the ctx (http.NewRequest, http.Get, Post, PostForm): the request is often handed to a helper or client that attaches the ctx, or sent by a client with its own short timeout"`
	Net        bool `toml:"net" doc:"also report net and crypto/tls calls with a Context twin (net.Dial, a TLS Handshake): a loopback dial succeeds or is refused at once, so the twin changes nothing there"`
	Commands   bool `toml:"commands" doc:"also report exec.Command with a ctx in scope: many commands start a child that must outlive the call, or are short local tools whose interruption leaves worse state than finishing"`
	SQLPrepare bool `toml:"sql-prepare" doc:"also report database/sql and sqlx Prepare and Stmt on a pool or connection: the statement then runs with a Context method, which is what holds the connection"`
	OtherAPIs  bool `toml:"other-apis" doc:"also report any other API with a context-taking twin of the same shape (found by types, not a list): its twin often carries only values, or its context is attached later by the caller"`
}

// variantTier is the kind of API a ctx-variant candidate calls.
type variantTier int

const (
	tierSQL        variantTier = iota // database/sql, sqlx: a statement run, a transaction begun, a ping
	tierSQLPrepare                    // database/sql, sqlx: Prepare, Stmt
	tierHTTP                          // net/http
	tierNet                           // net, crypto/tls
	tierCommand                       // os/exec
	tierOther                         // any other API with a twin
)

// tierOf returns the tier of a call of fn (contextless: an HTTP send that
// cannot carry a context at all).
func tierOf(fn *types.Func, contextless bool) variantTier {
	if contextless {
		return tierHTTP
	}
	if fn.Pkg() == nil {
		return tierOther
	}
	switch fn.Pkg().Path() {
	case "database/sql", "github.com/jmoiron/sqlx":
		for _, p := range []string{"Prepare", "Stmt"} {
			if strings.HasPrefix(fn.Name(), p) {
				return tierSQLPrepare
			}
		}
		return tierSQL
	case "net/http":
		return tierHTTP
	case "net", "crypto/tls":
		return tierNet
	case "os/exec":
		return tierCommand
	}
	return tierOther
}

// reported reports whether the options switch the tier on (the default
// tier, a statement run or a transaction begun, always is).
func (o *VariantOptions) reported(t variantTier) bool {
	switch t {
	case tierSQLPrepare:
		return o.SQLPrepare
	case tierHTTP:
		return o.HTTP
	case tierNet:
		return o.Net
	case tierCommand:
		return o.Commands
	case tierOther:
		return o.OtherAPIs
	}
	return true
}
