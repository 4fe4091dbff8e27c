package resilience

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// flow answers control-flow questions about the statements of one loop
// body: does this path leave the loop, or come back for another iteration.
type flow struct {
	info  *types.Info
	loop  inspector.Cursor // *ast.ForStmt or *ast.RangeStmt
	body  *ast.BlockStmt
	label string // the loop's label, or ""
	// selective is set when the loop retries only on some failures (a
	// test of the error other than err != nil: errors.Is, a status code,
	// retryable(err)).
	selective bool
}

func newFlow(info *types.Info, loop inspector.Cursor) *flow {
	f := &flow{info: info, loop: loop, body: match.LoopBody(loop.Node())}
	if l, ok := loop.Parent().Node().(*ast.LabeledStmt); ok {
		f.label = l.Label.Name
	}
	return f
}

// restExits reports whether, after the statement at c, the loop iteration
// unconditionally leaves the loop (return, break, panic, os.Exit...)
// rather than coming back to the loop head.
func (f *flow) restExits(c inspector.Cursor) bool {
	return f.exitsAfter(c, false)
}

// leavesAfter reports whether, after the statement at c in the loop's
// body, the iteration leaves the loop before any continue of the loop
// comes back: restExits, stopping at a continue of this loop that comes
// first (if temporary { sleep; continue }; return err comes back).
func (f *flow) leavesAfter(c inspector.Cursor) bool {
	if c.Node().Pos() < f.body.Pos() || c.Node().End() > f.body.End() {
		return false // the loop's header: every turn runs it
	}
	return f.exitsAfter(c, true)
}

// exitsAfter walks up from the statement at c to the loop's body and
// reports whether a statement after it, in its list or an enclosing one,
// leaves the loop; with stopAtContinue, a continue of this loop met first
// comes back instead.
func (f *flow) exitsAfter(c inspector.Cursor, stopAtContinue bool) bool {
	inSwitch := false // an unlabeled break inside a switch or select leaves only that
	for {
		parent := c.Parent()
		if !parent.Valid() {
			return false
		}
		switch pn := parent.Node().(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			list := match.StmtList(pn)
			for i, s := range list {
				if s != c.Node() {
					continue
				}
				for _, r := range list[i+1:] {
					if br, ok := r.(*ast.BranchStmt); stopAtContinue && ok && br.Tok == token.CONTINUE && (br.Label == nil || br.Label.Name == f.label) {
						return false
					}
					if f.exits(r, inSwitch) {
						return true
					}
				}
				break
			}
			if pn == f.body {
				return false
			}
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			inSwitch = true
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit, *ast.FuncDecl:
			return false
		}
		c = parent
	}
}

// listExits reports whether running list leaves the loop whatever happens.
func (f *flow) listExits(list []ast.Stmt, inSwitch bool) bool {
	for _, s := range list {
		if f.exits(s, inSwitch) {
			return true
		}
	}
	return false
}

func (f *flow) exits(s ast.Stmt, inSwitch bool) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		switch s.Tok {
		case token.GOTO:
			return true
		case token.BREAK:
			return s.Label != nil || !inSwitch
		case token.CONTINUE:
			return s.Label != nil && s.Label.Name != f.label // continues an outer loop
		}
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && f.isNoReturn(call)
	case *ast.IfStmt:
		return s.Else != nil && f.listExits(s.Body.List, inSwitch) && f.exits(s.Else, inSwitch)
	case *ast.BlockStmt:
		return f.listExits(s.List, inSwitch)
	case *ast.LabeledStmt:
		return f.exits(s.Stmt, inSwitch)
	}
	return false
}

// isNoReturn reports whether call never returns: panic, os.Exit, log.Fatal.
func (f *flow) isNoReturn(call *ast.CallExpr) bool {
	if match.IsBuiltin(f.info, call.Fun, "panic") {
		return true
	}
	fn := callee(f.info, call)
	fatal := []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}
	return match.IsFunc(fn, "os", "Exit") || match.IsFunc(fn, "log", fatal...) ||
		match.IsMethod(fn, "log", "Logger", fatal...)
}

// continues reports whether the sub-tree n (inside the loop) holds a
// continue that starts the next iteration of this loop.
func (f *flow) continues(n ast.Node) bool {
	c, ok := f.loop.FindNode(n)
	if !ok {
		return false
	}
	for range f.ownContinues(c) {
		return true
	}
	return false
}

// ownContinues yields the continue statements under c that start the next
// iteration of this loop: those naming its label, and unlabelled ones
// whose innermost loop it is.
func (f *flow) ownContinues(c inspector.Cursor) iter.Seq[inspector.Cursor] {
	return func(yield func(inspector.Cursor) bool) {
		for bc := range c.Preorder((*ast.BranchStmt)(nil)) {
			br := bc.Node().(*ast.BranchStmt)
			if br.Tok != token.CONTINUE || br.Label != nil && br.Label.Name != f.label ||
				br.Label == nil && innermostLoop(bc) != f.loop {
				continue
			}
			if !yield(bc) {
				return
			}
		}
	}
}

// innermostLoop returns the for or range statement whose body holds c, in
// c's own function, or a zero cursor.
func innermostLoop(c inspector.Cursor) inspector.Cursor {
	child := c
	for p := c.Parent(); p.Node() != nil; child, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return inspector.Cursor{}
		case *ast.ForStmt:
			if child.Node() == n.Body {
				return p
			}
		case *ast.RangeStmt:
			if child.Node() == n.Body {
				return p
			}
		}
	}
	return inspector.Cursor{}
}
