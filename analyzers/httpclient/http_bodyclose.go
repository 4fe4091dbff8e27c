package httpclient

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// BodyClose returns the http-bodyclose rule.
func BodyClose() *rule.Rule {
	return &rule.Rule{
		ID:       "http-bodyclose",
		Severity: config.SeverityError,
		Enabled:  true,
		Imports:  []string{"net/http"},
		Requires: sendRequires,
		Doc: rule.Doc{
			Title: "report HTTP response bodies that are never closed",
			Why: "Until resp.Body is closed, the response holds its TCP connection (and, over HTTP/2, a stream) and the " +
				"Transport's reader goroutines: the connection cannot go back to the pool, so each call dials a new one. " +
				"Under load the process runs out of file descriptors or ephemeral ports, and the upstream of connection slots. " +
				"This is the health check that exhausted its pool in minutes: it looked at the error and dropped the response.",
			Bad: "resp, err := http.Get(url)\n" +
				"if err != nil {\n\treturn err\n}\n" +
				"return json.NewDecoder(resp.Body).Decode(&v)",
			Good: "resp, err := client.Get(url)\n" +
				"if err != nil {\n\treturn err\n}\n" +
				"defer resp.Body.Close()\n" +
				"return json.NewDecoder(resp.Body).Decode(&v)",
			Quiet: "Reported too: a response discarded with _ or by calling Do/Get as a statement. " +
				"Not seen: a variable reused for two responses counts as closed when one of them is.",
		},
		Quiet: rule.Declare(rule.Forms(bodyCloseQuiet), rule.Forms(bodyCloseVarQuiet)),
		Run:   runBodyClose,
	}
}

func runBodyClose(p *rule.Pass) error {
	for _, sa := range sendsOf(p) {
		c, s := sa.cursor, sa.send
		p.At(c.Node())
		r, ok := resultsOf(p.TypesInfo, c)
		cand := sendResults{p, sa, r, ok}
		if rule.Quiet(p, s.call, bodyCloseQuiet, cand) {
			continue
		}
		api := s.api(p.TypesInfo)
		switch {
		case r.discarded || match.IsBlank(r.resp):
			p.Reportf(s.call, "the response of %s is discarded, so its body is never closed: every call leaks a connection "+
				"until the service runs out of sockets; keep the response and defer resp.Body.Close() once err is nil", api)
		case r.respVar != nil && !rule.Quiet(p, s.call, bodyCloseVarQuiet, cand):
			p.Reportf(s.call, "the body of the response from %s is never closed: every call leaks a connection "+
				"until the service runs out of sockets; defer %s.Body.Close() once err is nil", api, r.respVar.Name())
		}
	}
	return nil
}

// bodyHandled reports whether, somewhere in fn, the body of resp is
// closed, or resp or its body leave the function's view.
func bodyHandled(info *types.Info, fn inspector.Cursor, resp *types.Var) bool {
	if !fn.Valid() {
		return true
	}
	for _, use := range usesOf(info, fn, resp) {
		if escapes(info, use) {
			return true
		}
		sel, field := responseField(info, use)
		if field != "Body" {
			continue
		}
		if access, _ := accessOf(info, sel); access == bodyClosed || escapes(info, sel) {
			return true
		}
	}
	return false
}

// isResult reports whether v is a named result of a function around c: a
// naked return hands it to the caller.
func isResult(info *types.Info, c inspector.Cursor, v *types.Var) bool {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		sig := match.Signature(info, fc.Node())
		if sig == nil {
			continue
		}
		for i := range sig.Results().Len() {
			if sig.Results().At(i) == v {
				return true
			}
		}
	}
	return false
}
