package ctxcheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// BackgroundOptions are ctx-background's rules.toml keys: the tiers beyond
// the default, each a shape whose fresh root is as often a deliberate
// choice as a mistake.
type BackgroundOptions struct {
	Writes       bool `toml:"writes" doc:"also report a fresh root handed only to calls that change state (a name that says update, set, remove, delete, insert, store, save, put, write, send, publish, perform...): a follow-up write that must complete once the change has happened is as often meant as a cut cancellation chain"`
	Bounded      bool `toml:"bounded" doc:"also report a fresh root given its own deadline (context.WithTimeout or WithDeadline of it): the work ends by then whoever waits for it, so nothing piles up beyond the bound the author chose"`
	GoStatements bool `toml:"go-statements" doc:"also report a fresh root in a go statement (or a function this package only starts with go), whose work outlives the request by design: it drops the request's values (trace ids), not a cancellation anyone waits for"`
}

// writeVerbs are the words a function's name starts with, or holds after
// a word that is not a read verb, when calling it changes state.
var writeVerbs = map[string]bool{
	"add": true, "append": true, "apply": true, "ban": true, "clean": true, "cleanup": true, "commit": true,
	"create": true, "del": true, "delete": true, "drop": true, "emit": true, "enqueue": true, "evict": true,
	"flush": true, "input": true, "insert": true, "invalidate": true, "kick": true, "logout": true, "mark": true,
	"notify": true, "patch": true, "perform": true, "persist": true, "post": true, "publish": true, "purge": true,
	"push": true, "put": true, "record": true, "register": true, "remove": true, "rename": true, "replace": true,
	"reset": true, "revoke": true, "save": true, "send": true, "set": true, "store": true, "truncate": true,
	"unregister": true, "update": true, "upload": true, "upsert": true, "write": true,
}

// readVerbs are the words a function's name starts with when it fetches a
// result for its caller (GetUpdates reads, though it names updates).
var readVerbs = map[string]bool{
	"acquire": true, "auth": true, "check": true, "connect": true, "count": true, "describe": true, "dial": true,
	"fetch": true, "find": true, "get": true, "has": true, "is": true, "list": true, "load": true, "lookup": true,
	"open": true, "poll": true, "query": true, "read": true, "receive": true, "recv": true, "resolve": true,
	"scan": true, "search": true, "select": true, "stream": true, "take": true, "wait": true, "watch": true,
}

// nameWords splits a Go identifier into its lower-case words
// (performLeaveRoomByID: perform, leave, room, by, id).
func nameWords(name string) []string {
	var words []string
	start := 0
	rs := []rune(name)
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || unicode.IsUpper(rs[i]) && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])) || rs[i] == '_' {
			if w := strings.Trim(string(rs[start:i]), "_"); w != "" {
				words = append(words, strings.ToLower(w))
			}
			start = i
		}
	}
	return words
}

// changesState reports whether fn's name says that calling it changes
// state: its first word is a write verb (UpdateRoom, SendEvents,
// performJoin), or a later word is and the first is not a read verb
// (ManualUpdate, but not GetUpdates).
func changesState(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	words := nameWords(fn.Name())
	if len(words) == 0 {
		return false
	}
	if writeVerbs[words[0]] {
		return true
	}
	if readVerbs[words[0]] {
		return false
	}
	for _, w := range words[1:] {
		if writeVerbs[w] {
			return true
		}
	}
	return false
}

// everyUse reports whether the fresh root, and every local variable that
// holds it or a context derived from it, is used at least once and only
// where use says (derivations, context.WithTimeout(tctx, d), are followed
// rather than judged).
func everyUse(info *types.Info, flow freshFlow, src ctxSource, use func(inspector.Cursor) bool) bool {
	if !flow.end.Valid() {
		return false
	}
	uses := 0
	judge := func(c inspector.Cursor) bool {
		uses++
		return use(c)
	}
	if assignedVar(info, flow.end) == nil && !judge(flow.end) {
		return false
	}
	for c := range src.owner.Preorder((*ast.Ident)(nil)) {
		v, ok := info.Uses[c.Node().(*ast.Ident)].(*types.Var)
		if !ok || !flow.vars[v] {
			continue
		}
		if u := match.Unparen(c); u.ParentEdgeKind() == edge.CallExpr_Args && flow.vars[assignedVar(info, u.Parent())] {
			continue // a derivation: its own uses are judged
		}
		if !judge(c) {
			return false
		}
	}
	return uses > 0
}

// onlyWrites reports whether the fresh root goes only to calls whose names
// say they change state.
func onlyWrites(info *types.Info, flow freshFlow, src ctxSource) bool {
	return everyUse(info, flow, src, func(c inspector.Cursor) bool {
		call, ok := argumentOf(c)
		return ok && changesState(match.Callee(info, call))
	})
}

// closesResource reports whether the fresh root at c is handed straight to
// a method named Close or Shutdown (the cleanup of a resource being
// released or replaced), which must complete whoever is waiting.
func closesResource(info *types.Info, c inspector.Cursor) bool {
	call, ok := argumentOf(c)
	if !ok {
		return false
	}
	fn := match.Callee(info, call)
	if fn == nil || fn.Signature().Recv() == nil || match.IsMethod(fn, "net/http", "Server", "Shutdown") {
		return false // (*http.Server).Shutdown: its own form, shuts-down-server
	}
	switch fn.Name() {
	case "Close", "close", "Shutdown", "GracefulShutdown":
		return true
	}
	return false
}

// contextFactory reports whether the fresh root at c is what a function
// returns as its context.Context result while it never reads the context
// it is given (a hook that picks the context for some later work, with
// a fresh one as its documented default): the function exists to choose,
// and chose a fresh root.
func contextFactory(info *types.Info, c inspector.Cursor, src ctxSource) bool {
	if match.Unparen(c).ParentEdgeKind() != edge.ReturnStmt_Results || src.request {
		return false
	}
	fc, body, sig := match.EnclosingFunc(info, c)
	if body == nil || sig == nil || fc != src.owner {
		return false
	}
	returnsContext := false
	for v := range sig.Results().Variables() {
		returnsContext = returnsContext || isContext(v.Type())
	}
	return returnsContext && !match.Refers(info, body, src.v)
}

// fillsSharedState reports whether the fresh root at c runs while a mutex
// is held and the holder stores into a field: a result computed once, under
// the lock, for every caller waiting on it (a cache fill, a query prepared
// once), which one caller's cancellation must not fail for the others.
// Either the function holding c locks a sync.Mutex or RWMutex before c
// (and does not unlock it before c) and assigns a field, or c is in a
// function literal handed to a function of this package that calls that
// parameter under its lock and assigns a field.
func fillsSharedState(p *rule.Pass, c inspector.Cursor) bool {
	info := p.TypesInfo
	fc, body, _ := match.EnclosingFunc(info, c)
	if body == nil {
		return false
	}
	if lockedAt(info, body, c.Node().Pos(), nil) {
		return true
	}
	lit, ok := fc.Node().(*ast.FuncLit)
	if !ok || match.Unparen(fc).ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	call := match.Unparen(fc).Parent().Node().(*ast.CallExpr)
	fd := p.FuncDecl(match.Callee(info, call))
	if fd == nil || fd.Body == nil || call.Ellipsis.IsValid() {
		return false
	}
	param := paramAt(info, fd, match.Unparen(fc).ParentEdgeIndex())
	if param == nil || ast.Unparen(call.Args[match.Unparen(fc).ParentEdgeIndex()]) != lit {
		return false
	}
	return lockedAt(info, fd.Body, 0, param)
}

// lockedAt reports whether body locks a mutex and, after the lock and with
// no Unlock call in between, reaches pos (or, with param set, a call of
// the function parameter param), and assigns a struct field after the
// lock.
func lockedAt(info *types.Info, body *ast.BlockStmt, pos token.Pos, param *types.Var) bool {
	var locked, reached, stored bool
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			return false // defer mu.Unlock(): runs at the end
		case *ast.CallExpr:
			fn := match.Callee(info, n)
			switch {
			case match.IsMethod(fn, "sync", "Mutex", "Lock") || match.IsMethod(fn, "sync", "RWMutex", "Lock"):
				locked = true
			case match.IsMethod(fn, "sync", "Mutex", "Unlock") || match.IsMethod(fn, "sync", "RWMutex", "Unlock"):
				if !reached {
					locked = false
				}
			case param != nil && locked && match.Var(info, n.Fun) == param:
				reached = true
			}
		case *ast.AssignStmt:
			if locked {
				for _, l := range n.Lhs {
					if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
						if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
							stored = true
						}
					}
				}
			}
		}
		if param == nil && locked && n != nil && n.Pos() <= pos && pos < n.End() {
			reached = true
		}
		return true
	})
	return reached && stored
}

// paramAt returns the parameter of fd that receives argument i.
func paramAt(info *types.Info, fd *ast.FuncDecl, i int) *types.Var {
	n := 0
	for _, field := range fd.Type.Params.List {
		if len(field.Names) == 0 {
			n++
			continue
		}
		for _, name := range field.Names {
			if n == i {
				v, _ := info.Defs[name].(*types.Var)
				return v
			}
			n++
		}
	}
	return nil
}

// isLogger reports whether t (or what it points to) is a logger of the
// API tables: a type with a method that logs its arguments.
func isLogger(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	ms := types.NewMethodSet(types.NewPointer(named))
	for i := range ms.Len() {
		if fn, ok := ms.At(i).Obj().(*types.Func); ok && apis.LogOf(fn) != nil {
			return true
		}
	}
	return false
}

// intoOwnContext reports whether the fresh root at c is handed straight to
// a function of this package that returns a context of a type this
// package declares with its own Done method (directly, or by returning
// such a call): a context that ends on the package's own signal (a role
// lost, a stop channel closed), whose lifetime the package chose.
func intoOwnContext(p *rule.Pass, c inspector.Cursor) bool {
	call, ok := argumentOf(c)
	return ok && returnsOwnContext(p, call, 0)
}

func returnsOwnContext(p *rule.Pass, call *ast.CallExpr, depth int) bool {
	fn := match.Callee(p.TypesInfo, call)
	if fn == nil || fn.Pkg() != p.Pkg {
		return false
	}
	res := fn.Signature().Results()
	if res.Len() != 1 {
		return false
	}
	if ownsDone(p.Pkg, res.At(0).Type()) {
		return true
	}
	fd := p.FuncDecl(fn)
	if fd == nil || fd.Body == nil || depth >= 2 || !isContext(res.At(0).Type()) {
		return false
	}
	found, other := false, false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				if inner, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); ok && returnsOwnContext(p, inner, depth+1) {
					found = true
					return false
				}
			}
			other = true
		}
		return true
	})
	return found && !other
}

// ownsDone reports whether t, or what it points to, is a named type of pkg
// with a Done method declared on it.
func ownsDone(pkg *types.Package, t types.Type) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != pkg {
		return false
	}
	for m := range named.Methods() {
		if m.Name() == "Done" {
			return true
		}
	}
	return false
}
