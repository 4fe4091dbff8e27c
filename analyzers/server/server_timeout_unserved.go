package server

import (
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// neverServedQuiet is the safe form of an http.Server literal that no
// code can start.
var neverServedQuiet = []rule.QuietForm[serverLit]{
	{
		Name: "never-served",
		Doc: "An http.Server literal in a local variable whose every use is a call of Shutdown, Close, " +
			"RegisterOnShutdown or SetKeepAlivesEnabled on it: nothing serves it (no Serve or ListenAndServe, and it " +
			"is not passed, returned, stored or reassigned), so it accepts no connection and its timeouts govern " +
			"nothing. The server that does listen (an http.ListenAndServe beside it) is reported on its own.",
		Applies: func(s serverLit) bool { return neverServed(s.p, s.sl) },
	},
}

// neverServed reports whether the local variable holding the literal is
// used only as the receiver of http.Server methods that do not serve.
func neverServed(p *rule.Pass, sl serverLiteral) bool {
	srv, ok := sl.key.(*types.Var)
	if !ok || srv.IsField() || srv.Parent() == nil || srv.Parent() == srv.Pkg().Scope() {
		return false
	}
	uses := p.Index.Uses(srv)
	if len(uses) == 0 {
		return false
	}
	for _, use := range uses {
		if _, ok := serverMethodCall(p.TypesInfo, use, "Shutdown", "Close", "RegisterOnShutdown", "SetKeepAlivesEnabled"); !ok {
			return false
		}
	}
	return true
}
