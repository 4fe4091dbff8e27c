package ctxcheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/ctxsum"
	"github.com/prodlint/prodlint/analyzers/internal/summary/iosum"
)

// Background returns the ctx-background rule.
func Background() *rule.Rule {
	return &rule.Rule{
		ID:         "ctx-background",
		Severity:   config.SeverityError,
		Enabled:    false, // opt-in: on code it was not tuned on, fewer than one finding in five was right
		Requires:   []*analysis.Analyzer{ctxsum.Analyzer, iosum.Analyzer},
		Imports:    []string{"context"},
		NewOptions: func() any { return &BackgroundOptions{} },
		Doc: rule.Doc{
			Title: "report context.Background/TODO where a ctx or request is in scope",
			Why: `A fresh context.Background() cuts the cancellation chain: when the client disconnects, the caller's ` +
				`deadline passes or the server shuts down, the work started with it keeps running, holding connections, ` +
				`goroutines and upstream quota for a caller who has gone. This is how agents kept reasoning and calling ` +
				`APIs after their callers had left until the queues backed up (shared/WAR-STORIES.md). A fresh root also ` +
				`drops the request's values, so the work can no longer be traced to the request that caused it.`,
			Bad: `func (s *Server) Answer(w http.ResponseWriter, r *http.Request) {
	reply, err := s.llm.Complete(context.Background(), prompt(r))
	// ...
}`,
			Good: `func (s *Server) Answer(w http.ResponseWriter, r *http.Request) {
	reply, err := s.llm.Complete(r.Context(), prompt(r))
	// ...
}`,
			Scope: `Opt-in (enabled = true in rules.toml): judged on modules it had never been tuned on, across five ` +
				`rounds, fewer than one finding in five was a fix a reviewer would make, and no shape that types, control ` +
				`flow or where the code sits can decide was right nine times in ten: not request-serving code, not ` +
				`context.TODO(), not a fresh root handed straight to a read. Most fresh roots in real code are deliberate: ` +
				`follow-up writes that must complete, startup or shutdown work with its own deadline, resources that outlive ` +
				`the call, cleanup, results shared by many callers, callbacks that run later. ` +
				`The default tier reports a fresh root for work whose result the ` +
				`caller waits for (reads, lookups that do I/O, waits) and anything in request-serving code; three shapes ` +
				`that on real code are as often a deliberate choice as a mistake are reported only with an option: ` +
				`follow-up writes outside request-serving code (writes = true), a fresh root with its own deadline ` +
				`outside request-serving code (bounded = true), and a fresh root in a go statement, which drops values, ` +
				`not a cancellation anyone waits for (go-statements = true).`,
			Fix: `No fix for the common case: whether the work should stop with the caller (pass ctx) or outlive it ` +
				`(context.WithoutCancel(ctx)) is the author's call, and passing ctx changes when the work is cancelled ` +
				`(a backend cancelled before a graceful stop has drained it), so the message says both. In a go ` +
				`statement (reported with go-statements = true), whose work is meant to outlive the request, it ` +
				`replaces the fresh root with ` +
				`context.WithoutCancel(ctx) (Go 1.21+), which keeps the request's values and, like the fresh root, is ` +
				`never cancelled.`,
		},
		Quiet: rule.Declare(backgroundCollected, rule.Forms(freshRootQuiet), rule.Forms(freshRootFlowQuiet)),
		Run:   runBackground,
	}
}

func runBackground(p *rule.Pass) error {
	opts := rule.Options[BackgroundOptions](p)
	done := newDoneIndex(p.TypesInfo)
	exits := map[*types.Func]bool{} // per function: does it call os.Exit
	calls := newPackageCalls(p)
	io := p.ResultOf[iosum.Analyzer].(*iosum.Summary)
	for c := range p.Cursors((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		fn := match.Callee(p.TypesInfo, call)
		if !match.IsFunc(fn, "context", "Background", "TODO") {
			if match.IsFunc(fn, "context", "WithoutCancel") {
				rule.Decided(p, call, "without-cancel")
			}
			continue
		}
		src, miss := ctxInScopeWhy(p.TypesInfo, p.Pkg, c)
		if miss != ctxFound {
			// No context to propagate: main, init, CLI code, library roots.
			if miss == inCLIAction {
				rule.Decided(p, call, "cli-action-root")
			} else {
				rule.Decided(p, call, "no-ctx-in-scope")
			}
			continue
		}
		root := freshRoot{p, opts, c, src, done, exits}
		if rule.Quiet(p, call, freshRootQuiet, root) {
			continue
		}
		flow := followFresh(p.TypesInfo, c, src.owner)
		owner := declared(p.TypesInfo, src.owner)
		detached := detachedUnder(c, src.owner, token.GO) || owner != nil && calls.onlySpawned(owner)
		if rule.Quiet(p, call, freshRootFlowQuiet, freshRootFlow{root, flow, calls, owner, detached, io}) {
			continue
		}
		reportBackground(p, c, call, fn, preferDerived(p.TypesInfo, p.Pkg, c, src))
	}
	return nil
}

func reportBackground(p *rule.Pass, c inspector.Cursor, call *ast.CallExpr, fn *types.Func, src ctxSource) {
	api := "context." + fn.Name() + "()"
	what := src.v.Name() + "'s cancellation and deadline"
	if src.request {
		what = "the request's cancellation and deadline"
	}
	if detachedUnder(c, src.owner, token.GO) {
		if wc, ok := withoutCancelCall(p, c, call, fn, src); ok {
			p.Report(call, fmt.Sprintf("%s in a go statement drops the values of %s (trace and request ids, "+
				"auth) along with its cancellation, so the work cannot be traced to its request; use %s, which "+
				"outlives the request but keeps its values", api, src.expr(), wc),
				fix.New("Use "+wc, fix.Replace(call, wc)))
			return
		}
	}
	work := "this work"
	if outer, ok := argumentOf(c); ok {
		work = types.ExprString(outer.Fun)
	}
	// No fix: whether this work should stop with the caller or outlive it
	// is the author's call, and passing ctx changes when it is cancelled
	// (a backend cancelled before a graceful stop has drained it).
	p.Report(call, fmt.Sprintf("%s drops %s: when the caller gives up, %s keeps running and piles up; "+
		"if it should stop with the caller, pass %s; if it must outlive it (a cleanup, a write that must "+
		"complete), use context.WithoutCancel(%s) to keep its values, or say why in a comment above it",
		api, what, work, src.expr(), src.expr()))
}

// withoutCancelCall returns the source text of context.WithoutCancel(ctx),
// qualified as the call's own reference to the context package, when the
// file's Go version has it.
func withoutCancelCall(p *rule.Pass, c inspector.Cursor, call *ast.CallExpr, fn *types.Func, src ctxSource) (string, bool) {
	if fn.Pkg().Scope().Lookup("WithoutCancel") == nil {
		return "", false
	}
	if file, ok := enclosingFile(c); ok {
		v := p.TypesInfo.FileVersions[file]
		if v == "" {
			v = p.Pkg.GoVersion()
		}
		if v != "" && version.Compare(v, "go1.21") < 0 {
			return "", false
		}
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok {
			return id.Name + ".WithoutCancel(" + src.expr() + ")", true
		}
	case *ast.Ident: // dot import
		if obj := fix.LookupAt(p.Pkg, call.Pos(), "WithoutCancel"); obj == fn.Pkg().Scope().Lookup("WithoutCancel") {
			return "WithoutCancel(" + src.expr() + ")", true
		}
	}
	return "", false
}

// rebindsCtxName reports whether the call is the whole value assigned to a
// variable named like the ctx in scope (`ctx = context.Background()`,
// `ctx := context.Background()`): the author visibly replaced the context.
func rebindsCtxName(info *types.Info, c inspector.Cursor, src ctxSource) bool {
	if src.request {
		return false
	}
	e := match.Unparen(c)
	// ctx, cancel := context.WithCancel(context.Background()): the chain of
	// derivations is what is bound.
	for e.ParentEdgeKind() == edge.CallExpr_Args && e.ParentEdgeIndex() == 0 && isContextWith(info, e.Parent().Node().(*ast.CallExpr)) {
		e = match.Unparen(e.Parent())
	}
	lhs, rhs, ok := assignment(e.Parent().Node())
	if !ok || len(lhs) != len(rhs) && len(rhs) != 1 {
		return false
	}
	for i, r := range rhs {
		if r == e.Node() {
			id, ok := lhs[i].(*ast.Ident)
			return ok && id.Name == src.v.Name() && info.ObjectOf(id) != nil && isContext(info.ObjectOf(id).Type())
		}
	}
	return false
}

func enclosingFile(c inspector.Cursor) (*ast.File, bool) {
	for fc := range c.Enclosing((*ast.File)(nil)) {
		return fc.Node().(*ast.File), true
	}
	return nil, false
}
