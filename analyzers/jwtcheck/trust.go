package jwtcheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// parseUnverified reports ParseUnverified whose claims the function then
// trusts: returns them (or a claim) or compares a claim. Returning the
// token itself stays quiet: callers often only read its header.
// ParseUnverified has one legitimate use, reading kid or iss to pick the
// key before a real verification, so the rule stays quiet when the
// function also verifies a token, hands the raw token to other code, or
// only looks at the issuer.
func (a *unverifiedPass) parseUnverified(c inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 2 {
		return
	}
	var scope inspector.Cursor
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		scope = fc
	}
	if !scope.Valid() {
		return
	}
	if a.verifiesIn(scope) {
		rule.Decided(a.Pass, call, "peek-then-verify")
		return
	}
	if a.rawTokenEscapes(scope, c, call.Args[0]) {
		rule.Decided(a.Pass, call, "raw-token-handed-on")
		return
	}
	t := &trust{pass: a, tainted: map[*types.Var]bool{}}
	if v := a.localVar(unparenAddr(call.Args[1])); v != nil {
		t.tainted[v] = true
	}
	if c.ParentEdgeKind() == edge.AssignStmt_Rhs {
		if as := c.Parent().Node().(*ast.AssignStmt); len(as.Rhs) == 1 {
			t.token = a.localVar(as.Lhs[0])
		}
	}
	t.propagate(scope)
	how := t.decision(scope)
	switch {
	case how == "":
		rule.Decided(a.Pass, call, "issuer-or-time-claims") // the claims are read for no trust decision
	case how == "returned" && namedUnverified(scope):
		rule.Decided(a.Pass, call, "non-verifying-helper")
	default:
		a.Reportf(call, "ParseUnverified does not check the signature, yet these claims are %s here: anyone can "+
			"mint a token with any subject or role; verify with jwt.ParseWithClaims and a Keyfunc, and keep "+
			"ParseUnverified for picking the key before verifying", how)
	}
}

// namedUnverified reports whether the function at scope is declared with a
// name that tells its callers it does not verify (ParseUnverifiedJWT,
// insecureClaims, UnsafePeek): like ParseUnverified itself, a helper that
// returns unverified claims under such a name is the first half of the
// peek-then-verify pattern, and the callers decide what to trust.
func namedUnverified(scope inspector.Cursor) bool {
	decl, ok := scope.Node().(*ast.FuncDecl)
	if !ok {
		return false
	}
	name := strings.ToLower(decl.Name.Name)
	for _, w := range []string{"unverified", "insecure", "unsafe", "untrusted", "noverify", "withoutverif"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// verifiesIn reports whether the function verifies a token somewhere.
func (a *unverifiedPass) verifiesIn(scope inspector.Cursor) bool {
	for c := range scope.Preorder((*ast.CallExpr)(nil)) {
		fn := calleeOf(a.TypesInfo, c.Node().(*ast.CallExpr))
		if isJWTFunc(fn, "Parse", "ParseWithClaims") || isJWTMethod(fn, "Parser", "Parse", "ParseWithClaims") ||
			fn != nil && fn.Name() == "Verify" && isJWTPackage(fn.Pkg()) {
			return true
		}
	}
	return false
}

// rawTokenEscapes reports whether a variable of the raw token expression
// is handed to a call other than ParseUnverified, which may verify it.
func (a *unverifiedPass) rawTokenEscapes(scope, parse inspector.Cursor, raw ast.Expr) bool {
	vars := map[*types.Var]bool{}
	ast.Inspect(raw, func(n ast.Node) bool {
		if v := a.localVar(n); v != nil {
			vars[v] = true
		}
		return true
	})
	for c := range scope.Preorder((*ast.Ident)(nil)) {
		v, ok := a.TypesInfo.Uses[c.Node().(*ast.Ident)].(*types.Var)
		if !ok || !vars[v] || parse.Contains(c) {
			continue
		}
		for p := c.Parent(); p.Valid() && p != scope; p = p.Parent() {
			if _, isCall := p.Node().(*ast.CallExpr); isCall {
				return true
			}
			if _, isStmt := p.Node().(ast.Stmt); isStmt {
				break
			}
		}
	}
	return false
}

// localVar returns the variable an identifier names, or nil.
func (a *unverifiedPass) localVar(n ast.Node) *types.Var {
	id, ok := n.(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := a.TypesInfo.ObjectOf(id).(*types.Var)
	return v
}

// trust follows unverified claims through one function.
type trust struct {
	pass    *unverifiedPass
	token   *types.Var          // the *jwt.Token ParseUnverified returned
	tainted map[*types.Var]bool // variables holding unverified claims or claim values
}

// propagate marks the variables assigned from unverified claims.
func (t *trust) propagate(scope inspector.Cursor) {
	for range 3 { // a few rounds settle assignments written out of order
		for c := range scope.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			var lhs []ast.Expr
			var rhs []ast.Expr
			switch n := c.Node().(type) {
			case *ast.AssignStmt:
				lhs, rhs = n.Lhs, n.Rhs
			case *ast.ValueSpec:
				for _, id := range n.Names {
					lhs = append(lhs, id)
				}
				rhs = n.Values
			}
			for _, r := range rhs {
				if t.isParseUnverified(r) || !t.derives(r) {
					continue
				}
				for _, l := range lhs {
					if v := t.pass.localVar(l); v != nil && v != t.token {
						t.tainted[v] = true
					}
				}
			}
		}
	}
}

// isParseUnverified reports whether e is a ParseUnverified call, whose
// results (token, parts, err) are not claims by themselves.
func (t *trust) isParseUnverified(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && isJWTMethod(calleeOf(t.pass.TypesInfo, call), "Parser", "ParseUnverified")
}

// decision returns how the function trusts the claims: "compared" (an
// access decision made on them) or "returned" (handed out as verified),
// or "" when it does not.
func (t *trust) decision(scope inspector.Cursor) string {
	returned := false
	for c := range scope.Preorder((*ast.ReturnStmt)(nil), (*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.ReturnStmt:
			if fc, _, _ := match.EnclosingFunc(t.pass.TypesInfo, c); fc != scope {
				continue // a closure's return is not this function's result
			}
			for _, r := range n.Results {
				returned = returned || t.derives(r)
			}
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && !match.IsNil(t.pass.TypesInfo, n.X) && !match.IsNil(t.pass.TypesInfo, n.Y) &&
				(t.derives(n.X) || t.derives(n.Y)) {
				return "compared"
			}
		case *ast.SwitchStmt:
			if n.Tag != nil && t.derives(n.Tag) {
				return "compared"
			}
		}
	}
	if returned {
		return "returned"
	}
	return ""
}

// timeClaims are the registered time claims and their getters: when a
// token expires or was issued says nothing about who holds it (a client
// reads the expiry of the token it just received to schedule a refresh).
var timeClaims = map[string]bool{
	"ExpiresAt": true, "IssuedAt": true, "NotBefore": true,
	"GetExpirationTime": true, "GetIssuedAt": true, "GetNotBefore": true,
}

// derives reports whether e carries an unverified claim, other than the
// issuer (read to choose the key) and the time claims.
func (t *trust) derives(e ast.Expr) bool {
	info := t.pass.TypesInfo
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if t.token != nil && t.pass.localVar(n.X) == t.token {
				found = n.Sel.Name == "Claims" // tok.Header, tok.Raw, tok.Valid say nothing about the claims
				return false
			}
			if obj := match.ObjectOf(info, n); obj != nil && isJWTPackage(obj.Pkg()) &&
				(obj.Name() == "Issuer" || obj.Name() == "GetIssuer" || timeClaims[obj.Name()]) {
				return false
			}
		case *ast.IndexExpr:
			if key, ok := match.ConstString(info, n.Index); ok && (key == "iss" || key == "exp" || key == "iat" || key == "nbf") {
				return false
			}
		case *ast.Ident:
			if v := t.pass.localVar(n); v != nil && t.tainted[v] {
				found = true
			}
		}
		return true
	})
	return found
}
