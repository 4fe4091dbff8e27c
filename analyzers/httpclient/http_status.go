package httpclient

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// Status returns the http-status rule.
func Status() *rule.Rule {
	return &rule.Rule{
		ID:       "http-status",
		Severity: config.SeverityInfo,
		Enabled:  false, // opt-in: on unseen code about half its findings were right, and no narrower form held 90%
		Imports:  []string{"net/http"},
		Requires: sendRequires,
		Doc: rule.Doc{
			Title: "report HTTP response bodies read without a status check",
			Why: "net/http returns a nil error for every response the server sends, 429 and 500 included. Code that " +
				"decodes the body without looking at StatusCode treats a rate-limit or error page as data: the decode " +
				"fails with a confusing syntax error, or worse succeeds into zero values that flow on: a client that " +
				"decodes 429 Too Many Requests answers as results fails exactly when the upstream starts rate limiting.",
			Bad: "resp, err := client.Get(url)\n" +
				"if err != nil {\n\treturn err\n}\n" +
				"defer resp.Body.Close()\n" +
				"return json.NewDecoder(resp.Body).Decode(&v)",
			Good: "resp, err := client.Get(url)\n" +
				"if err != nil {\n\treturn err\n}\n" +
				"defer resp.Body.Close()\n" +
				"if resp.StatusCode != http.StatusOK {\n\treturn fmt.Errorf(\"fetch %s: %s\", url, resp.Status)\n}\n" +
				"return json.NewDecoder(resp.Body).Decode(&v)",
			Scope: "Off by default (enable it in rules.toml to audit a code base's HTTP clients): judged on real code " +
				"it had never seen, 21 of its 44 findings over nine held-out rounds were right, and 31 of 49 on the " +
				"production code of the modules it was tuned on. Its true and false findings have the same types and " +
				"control flow: the same decode into a local struct whose fields are used, the same bytes returned to " +
				"the caller, the same copy into a file. What decides is whether the zero values of an error answer " +
				"fail closed later, in the caller or in the next request they feed (an empty token that the next call " +
				"rejects, an empty list the caller treats as an error), or flow on as real data; no conjunction of the " +
				"facts a function-local check can see (what the body is decoded into, where the value goes, whether " +
				"the decode error is checked, a loop around the call) kept 90% of its findings true and a useful share " +
				"of the true ones. When enabled it reports at severity info (printed, never failing the run; set " +
				"severity = \"error\" to fail it) the reads it knows: io.ReadAll, io.ReadFull, io.Copy (not to " +
				"io.Discard), ioutil.ReadAll, json/xml/gob decoders, csv and bufio readers, resp.Body.Read, also " +
				"through io.LimitReader, io.TeeReader and gzip.NewReader. prodlint does not follow a response into " +
				"the function it is handed to. The forms that look at the decoded value follow a decode into v (&v) " +
				"or into a pointer made just before it (p := &T{} or new(T), no field set, never assigned again). " +
				"Silence one finding with //prodlint:ignore http-status and say why.",
		},
		Quiet: rule.Declare(statusCollected, rule.Forms(statusQuiet)),
		Run:   runStatus,
	}
}

func runStatus(p *rule.Pass) error {
	for _, sa := range sendsOf(p) {
		c, s := sa.cursor, sa.send
		p.At(c.Node())
		r, ok := resultsOf(p.TypesInfo, c)
		if !ok || r.respVar == nil {
			continue
		}
		read, decoded, form := uncheckedRead(p.TypesInfo, match.OutermostFunc(c), r.respVar, reuseWindow(p, c, r.respVar))
		if form != "" {
			rule.Decided(p, c.Node(), form)
		}
		if read == nil || rule.Quiet(p, read, statusQuiet, statusRead{p, sa, read, decoded, r.errVar}) {
			continue
		}
		name := r.respVar.Name()
		verb := "decoded"
		if !decoded {
			verb = "read and decoded" // io.ReadAll, then json.Unmarshal of the bytes
		}
		if decoded || unmarshalTarget(p.TypesInfo, match.OutermostFunc(c), read) != nil {
			p.Reportf(read, "the body of the response from %s is %s but %s.StatusCode is never checked: a 429 or "+
				"500 answer fails the decode with a misleading error, or a JSON error body decodes into zero values "+
				"(empty lists, false flags, empty strings) that are used as the real answer; check StatusCode before "+
				"decoding the body", s.api(p.TypesInfo), verb, name)
			continue
		}
		p.Reportf(read, "the body of the response from %s is read but %s.StatusCode is never checked: a 429 or 500 "+
			"error page is read as if it were data; check StatusCode before using the body", s.api(p.TypesInfo), name)
	}
	return nil
}

// sendWindow is the stretch of source in which a variable assigned by
// several sends holds the response of one of them: from that send to the
// next assignment of the variable. The zero window holds everything.
type sendWindow struct{ from, to token.Pos }

func (w sendWindow) holds(pos token.Pos) bool {
	return (!w.from.IsValid() || pos >= w.from) && (!w.to.IsValid() || pos < w.to)
}

// reuseWindow returns the window of the send at c when its response
// variable v is assigned more than once, each time by a statement of the
// block that holds the send's own statement (res, err = http.Get(a); ...;
// res, err = http.Get(b)), and that block is in no loop. Anywhere else
// (an assignment in a branch, which may or may not replace the response;
// a loop, where a use above the send may read the response of the
// iteration before) every use counts, as for a variable assigned once.
func reuseWindow(p *rule.Pass, c inspector.Cursor, v *types.Var) sendWindow {
	assigns := p.Index.Assignments(v)
	if len(assigns) < 2 || match.InLoop(c) {
		return sendWindow{}
	}
	block := statementOf(c).Parent()
	w := sendWindow{from: c.Node().End()}
	for _, a := range assigns {
		if statementOf(a.Target).Parent() != block {
			return sendWindow{}
		}
		if pos := a.Target.Node().Pos(); pos > w.from && (!w.to.IsValid() || pos < w.to) {
			w.to = pos
		}
	}
	return w
}

// statementOf returns the statement that holds c: c itself or its nearest
// enclosing statement.
func statementOf(c inspector.Cursor) inspector.Cursor {
	for ; c.Valid(); c = c.Parent() {
		if _, ok := c.Node().(ast.Stmt); ok {
			return c
		}
	}
	return c
}

// uncheckedRead returns the first call in fn that reads the body of resp,
// unless fn looks at resp.StatusCode or resp.Status, or hands resp on;
// when there is no such call, form names the collected form that says why
// (for prodlint -explain), or is empty.
func uncheckedRead(info *types.Info, fn inspector.Cursor, resp *types.Var, window sendWindow) (read *ast.CallExpr, decoded bool, form string) {
	if !fn.Valid() {
		return nil, false, ""
	}
	for _, use := range usesOf(info, fn, resp) {
		if !window.holds(use.Node().Pos()) {
			continue // a use of another response the variable holds
		}
		if escapes(info, use) {
			return nil, false, "response-handed-off"
		}
		sel, field := responseField(info, use)
		switch field {
		case "StatusCode", "Status":
			if loggedOnly(info, sel) {
				continue // a log line shows the status; it does not check it
			}
			return nil, false, "status-read"
		case "Body":
			access, call := accessOf(info, sel)
			if read == nil && (access == bodyRead || access == bodyDecoded) {
				read, decoded = call, access == bodyDecoded
			}
		}
	}
	if read == nil {
		return nil, false, "body-not-read"
	}
	return read, decoded, ""
}

// loggedOnly reports whether the status selector sel is an argument of a
// log call whose result is dropped (log.Printf, slog's Info, a logger's
// Debugf): a variadic ...any argument of a call made as a statement, of a
// function outside package fmt (whose Print functions write the program's
// output, such as a command showing the status it got). Such a line shows
// the status and lets every answer through to the body read after it.
func loggedOnly(info *types.Info, sel inspector.Cursor) bool {
	if sel.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	callCur := sel.Parent()
	call := callCur.Node().(*ast.CallExpr)
	if callCur.ParentEdgeKind() != edge.ExprStmt_X || call.Ellipsis.IsValid() {
		return false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() == "fmt" {
		return false
	}
	sig := fn.Signature()
	if !sig.Variadic() {
		return false
	}
	last := sig.Params().Len() - 1
	if _, idx := sel.ParentEdge(); idx < last {
		return false
	}
	elem := sig.Params().At(last).Type().(*types.Slice).Elem()
	return types.IsInterface(elem)
}
