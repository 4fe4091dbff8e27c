package resilience

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// findRetryRecursions returns the functions that retry by recursion: when
// an I/O call fails, the function calls itself again with a decremented
// attempt budget,
//
//	func fetch(url string, retries int) (*http.Response, error) {
//		resp, err := http.Get(url)
//		if err != nil && retries > 0 {
//			return fetch(url, retries-1)
//		}
//		return resp, err
//	}
//
// Each is returned as a retryLoop whose loop is the function declaration
// and whose self is the recursive call. A recursion with no budget (a
// re-login followed by one more try) is not taken for a retry.
func findRetryRecursions(info *types.Info, pf *packageFacts) []retryLoop {
	var out []retryLoop
	seen := map[ast.Node]bool{}
	for _, c := range pf.calls {
		call := c.Node().(*ast.CallExpr)
		fd := match.EnclosingFuncDecl(c)
		if !fd.Valid() || seen[fd.Node()] {
			continue
		}
		self, fn := match.DeclaredFunc(info, c), match.Callee(info, call)
		if self == nil || fn == nil || fn.Origin() != self.Origin() {
			continue
		}
		if inner, _, _ := match.EnclosingFunc(info, c); inner.Node() != fd.Node() || match.InLoop(c) {
			continue // a closure runs at another time; a loop is the loop rule's business
		}
		sig := self.Signature()
		if !decrementsBudget(info, call, sig) {
			continue
		}
		api, op := failedOpGuarding(info, c, fd, pf)
		if api == "" {
			continue
		}
		seen[fd.Node()] = true
		out = append(out, retryLoop{loop: fd, api: api, call: op, self: call, untilSuccess: true})
	}
	return out
}

// decrementsBudget reports whether an argument of the recursive call
// counts attempts: a parameter plus or minus a constant (retries-1,
// attempt+1).
func decrementsBudget(info *types.Info, call *ast.CallExpr, sig *types.Signature) bool {
	for _, arg := range call.Args {
		b, ok := ast.Unparen(arg).(*ast.BinaryExpr)
		if !ok || b.Op != token.SUB && b.Op != token.ADD {
			continue
		}
		if _, isConst := match.ConstInt(info, b.Y); !isConst {
			continue
		}
		v := match.Var(info, b.X)
		for p := range sig.Params().Variables() {
			if v != nil && p == v && isInteger(p.Type()) {
				return true
			}
		}
	}
	return false
}

// failedOpGuarding returns the operation whose failure leads to the
// recursive call at c: an if around c takes its error branch on an error
// variable last assigned, before the if, from a call retriedOp names. It
// returns the operation's name and call, or "".
func failedOpGuarding(info *types.Info, c inspector.Cursor, fd inspector.Cursor, pf *packageFacts) (string, inspector.Cursor) {
	self := c.Node()
	for ic := range c.Enclosing((*ast.IfStmt)(nil)) {
		if ic.Node().Pos() < fd.Node().Pos() {
			break
		}
		ifs := ic.Node().(*ast.IfStmt)
		inBody := self.Pos() >= ifs.Body.Pos() && self.End() <= ifs.Body.End()
		for _, v := range errorVars(info, ifs.Cond) {
			switch errCheck(info, ifs.Cond, v) {
			case token.EQL:
				if inBody {
					continue // the success branch
				}
			default:
				if !inBody {
					continue
				}
			}
			if api, op := lastCallAssigning(info, fd, v, ifs.Cond.Pos(), pf); api != "" {
				return api, op
			}
		}
	}
	return "", inspector.Cursor{}
}

// errorVars returns the error-typed variables e mentions.
func errorVars(info *types.Info, e ast.Expr) []*types.Var {
	var vars []*types.Var
	errType := types.Universe.Lookup("error").Type()
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && types.Identical(v.Type(), errType) {
				vars = append(vars, v)
			}
		}
		return true
	})
	return vars
}

// lastCallAssigning finds the last assignment of v before pos in the
// function at fd (outside closures) and, when its value is a call
// retriedOp names, returns that name and call.
func lastCallAssigning(info *types.Info, fd inspector.Cursor, v *types.Var, pos token.Pos, pf *packageFacts) (string, inspector.Cursor) {
	var last inspector.Cursor
	for ac := range fd.Preorder((*ast.AssignStmt)(nil)) {
		as := ac.Node().(*ast.AssignStmt)
		if as.Pos() >= pos {
			break
		}
		if inner, _, _ := match.EnclosingFunc(info, ac); inner.Node() != fd.Node() {
			continue
		}
		if len(as.Rhs) == 1 && match.Var(info, as.Lhs[len(as.Lhs)-1]) == v {
			if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
				last, _ = ac.FindNode(call)
			} else {
				last = inspector.Cursor{}
			}
		}
	}
	if !last.Valid() {
		return "", inspector.Cursor{}
	}
	return retriedOp(info, last, pf), last
}
