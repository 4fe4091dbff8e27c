package concurrency

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// groupLimit says what is known about an errgroup.Group's limit.
type groupLimit int

const (
	groupUnknown   groupLimit = iota // a parameter, a field, or a group that escapes: configured elsewhere, maybe
	groupLimited                     // SetLimit is called on it
	groupUnlimited                   // a local group created here that never gets SetLimit
)

// errgroupInfo is what errgroupState learns about the group of a Go call.
type errgroupInfo struct {
	state  groupLimit
	name   *ast.Ident  // the group variable at the call
	defPos token.Pos   // where the variable is declared
	goPos  []token.Pos // every Go / TryGo call on the group
}

// errgroupState finds out whether the group a Go call runs on has a limit.
// Only local groups created in the enclosing function (errgroup.WithContext,
// a zero Group, new or &Group{}) and used only through their methods are
// judged; any other group may be limited where it comes from.
func errgroupState(info *types.Info, s spawn) errgroupInfo {
	sel, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return errgroupInfo{}
	}
	name, _ := ast.Unparen(sel.X).(*ast.Ident)
	v := match.Var(info, sel.X)
	fn := match.EnclosingFuncDecl(s.cur)
	if v == nil || v.Parent() == v.Pkg().Scope() || !fn.Valid() {
		return errgroupInfo{}
	}
	g := errgroupInfo{name: name}
	fresh, limited := false, false
	for c := range fn.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if info.Defs[id] == v {
			g.defPos, fresh = id.Pos(), isFreshGroup(info, c)
			continue
		}
		if info.Uses[id] != v {
			continue
		}
		method := calledMethod(info, c)
		switch {
		case methodIs(method, errgroupPath, "Group", "SetLimit"):
			limited = true
		case methodIs(method, errgroupPath, "Group", "Go", "TryGo"):
			g.goPos = append(g.goPos, id.Pos())
		case methodIs(method, errgroupPath, "Group", "Wait"):
		default:
			return errgroupInfo{} // passed on, stored or reassigned: it may be limited elsewhere
		}
	}
	switch {
	case !fresh:
		g.state = groupUnknown
	case limited:
		g.state = groupLimited
	default:
		g.state = groupUnlimited
	}
	return g
}

// calledMethod returns the method called on the identifier at c (c.M(...)),
// or nil when the identifier is used some other way.
func calledMethod(info *types.Info, c inspector.Cursor) *types.Func {
	if c.ParentEdgeKind() != edge.SelectorExpr_X || c.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
		return nil
	}
	return match.Callee(info, c.Parent().Parent().Node().(*ast.CallExpr))
}

// isFreshGroup reports whether the definition at def creates a new group:
// errgroup.WithContext, var g errgroup.Group, new(errgroup.Group),
// errgroup.Group{} or &errgroup.Group{}.
func isFreshGroup(info *types.Info, def inspector.Cursor) bool {
	idx := def.ParentEdgeIndex()
	var values []ast.Expr
	switch parent := def.Parent().Node().(type) {
	case *ast.AssignStmt:
		values = parent.Rhs
	case *ast.ValueSpec:
		if len(parent.Values) == 0 {
			return true // the zero Group is ready to use
		}
		values = parent.Values
	default:
		return false
	}
	if len(values) == 1 {
		if call, ok := ast.Unparen(values[0]).(*ast.CallExpr); ok && calleeIs(info, call, errgroupPath, "WithContext") {
			return idx == 0
		}
	}
	if idx >= len(values) {
		return false
	}
	switch v := ast.Unparen(values[idx]).(type) {
	case *ast.CompositeLit: // errgroup.Group{}, a value whose methods take its address
		return len(v.Elts) == 0 && match.IsNamed(info.TypeOf(v), errgroupPath, "Group")
	case *ast.UnaryExpr: // &errgroup.Group{}
		lit, ok := v.X.(*ast.CompositeLit)
		return ok && v.Op == token.AND && len(lit.Elts) == 0 && match.IsNamed(info.TypeOf(lit), errgroupPath, "Group")
	case *ast.CallExpr: // new(errgroup.Group)
		if match.IsBuiltin(info, v.Fun, "new") {
			return match.IsPointerTo(info.TypeOf(v), errgroupPath, "Group")
		}
	}
	return false
}

// setLimitFixes offers to call SetLimit before the loop, when the group is
// declared before it and starts no goroutine before it (SetLimit panics
// while goroutines of the group are running).
func setLimitFixes(p *rule.Pass, opts *GoroutineOptions, g errgroupInfo, loop inspector.Cursor) []analysis.SuggestedFix {
	stmt := loop.Node()
	if parent, ok := loop.Parent().Node().(*ast.LabeledStmt); ok {
		stmt = parent
	}
	if g.name == nil || !g.defPos.IsValid() || g.defPos >= stmt.Pos() || opts.ErrgroupLimit <= 0 {
		return nil
	}
	for _, pos := range g.goPos {
		if pos < stmt.Pos() {
			return nil
		}
	}
	// Insert a line of its own before the statement's line, indented as
	// the loop (a label stands outdented: gofmt puts it left of the loop).
	at := p.Fset.File(stmt.Pos()).LineStart(p.Fset.Position(stmt.Pos()).Line)
	text := fix.Indent(p.Fset, loop.Node().Pos()) + g.name.Name + ".SetLimit(" + strconv.Itoa(opts.ErrgroupLimit) + ")\n"
	return []analysis.SuggestedFix{fix.New("Limit the errgroup with SetLimit before the loop", fix.Insert(at, text))}
}
