package jwtcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// verifyingParse checks Parse / ParseWithClaims: a Keyfunc that returns
// the key without looking at token.Method, on a parser not pinned to a
// list of algorithms, lets the token's own header choose the algorithm.
func (a *unverifiedPass) verifyingParse(c inspector.Cursor, call *ast.CallExpr, fn types.Object) {
	idx := 1 // Parse(tokenString, keyFunc, ...)
	if fn.Name() == "ParseWithClaims" {
		idx = 2 // ParseWithClaims(tokenString, claims, keyFunc, ...)
	}
	if len(call.Args) <= idx {
		return
	}
	var known, pinned bool
	if sig := fn.Type().(*types.Signature); sig.Recv() != nil {
		known, pinned = a.parserPins(call.Fun.(*ast.SelectorExpr).X)
	} else {
		known, pinned = a.optionsPin(call.Args[idx+1:], call.Ellipsis.IsValid())
	}
	kf, seen := a.keyfunc(c, call.Args[idx])
	var facts keyfuncFacts
	if seen {
		facts = a.inspectKeyfunc(kf)
		if facts.acceptsNone || !facts.returnsKey {
			return // reported on its own, or no key to turn against the verifier
		}
	}
	if rule.Quiet(a.Pass, call.Args[idx], verifyingParseQuiet, verifyingParse{known: known, pinned: pinned, seen: seen, facts: facts}) {
		return
	}
	a.Reportf(call.Args[idx], "this Keyfunc returns the key without checking token.Method, and the parser does not pin "+
		"the algorithm: the token's own header picks how it is verified, so when the key bytes returned here are "+
		"public (a PEM-encoded public key), a token the attacker signs with them as an HS256 secret verifies "+
		"(alg confusion); check the method's type in the Keyfunc or pass jwt.WithValidMethods (Parser.ValidMethods "+
		"in jwt-go v3)")
}

// isCertificateKey reports whether e is the PublicKey of a parsed
// *x509.Certificate: typed any, but always a parsed key object
// (*rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey), never []byte.
func isCertificateKey(info *types.Info, e ast.Expr) bool {
	return match.IsFieldOf(match.FieldSelection(info, e), "crypto/x509", "Certificate", "PublicKey")
}

// mayBeBytes reports whether a returned key of static type t may be a
// []byte at run time, the only key type the HMAC methods accept: []byte
// itself, or an interface (any, crypto.PublicKey) that could hold one.
func mayBeBytes(t types.Type) bool {
	if t == nil {
		return true
	}
	if types.IsInterface(t) {
		return true
	}
	return types.Identical(types.Unalias(t), types.NewSlice(types.Typ[types.Byte]))
}

// keyfunc finds the function literal or declaration a Keyfunc argument
// names: a literal, a function or method of this package, or a local
// variable declared with a literal and never reassigned.
func (a *unverifiedPass) keyfunc(c inspector.Cursor, arg ast.Expr) (inspector.Cursor, bool) {
	e := ast.Unparen(arg)
	for {
		conv, ok := e.(*ast.CallExpr) // jwt.Keyfunc(f)
		if !ok || len(conv.Args) != 1 || !a.TypesInfo.Types[conv.Fun].IsType() {
			break
		}
		e = ast.Unparen(conv.Args[0])
	}
	if v := localValue(a.Pass, e); v != nil {
		e = ast.Unparen(v)
	}
	switch e := e.(type) {
	case *ast.FuncLit:
		return a.Inspector.Root().FindByPos(e.Pos(), e.End())
	case *ast.Ident, *ast.SelectorExpr:
		fn, ok := match.ObjectOf(a.TypesInfo, e).(*types.Func)
		if !ok || fn.Pkg() != a.Pkg {
			return inspector.Cursor{}, false
		}
		return a.Index.FuncDecl(fn)
	}
	return inspector.Cursor{}, false
}

// keyfuncFacts is what a Keyfunc's body shows.
type keyfuncFacts struct {
	checksMethod bool // looks at the algorithm, or hands the token to code that may
	returnsKey   bool // returns something other than nil as the key
	returnsBytes bool // one returned key is, or may be, a []byte (the HMAC key type)
	acceptsNone  bool // returns jwt.UnsafeAllowNoneSignatureType (reported on its own)
}

// inspectKeyfunc reads a Keyfunc (a *ast.FuncLit or *ast.FuncDecl).
func (a *unverifiedPass) inspectKeyfunc(kf inspector.Cursor) keyfuncFacts {
	var facts keyfuncFacts
	tok := a.tokenParam(kf.Node())
	for c := range kf.Preorder((*ast.TypeAssertExpr)(nil), (*ast.CallExpr)(nil), (*ast.IndexExpr)(nil),
		(*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil), (*ast.ReturnStmt)(nil), (*ast.Ident)(nil)) {
		switch n := c.Node().(type) {
		case *ast.TypeAssertExpr: // t.Method.(*jwt.SigningMethodHMAC), switch t.Method.(type)
			facts.checksMethod = facts.checksMethod || a.isSigningMethod(n.X)
		case *ast.CallExpr:
			facts.checksMethod = facts.checksMethod || a.isAlgCall(n) || a.handsOffToken(n, tok)
		case *ast.IndexExpr: // t.Header["alg"]
			if jwtField(a.TypesInfo, n.X, "Token", "Header") != nil {
				if key, ok := match.ConstString(a.TypesInfo, n.Index); ok && key == "alg" {
					facts.checksMethod = true
				}
			}
		case *ast.BinaryExpr: // t.Method != jwt.SigningMethodRS256
			if n.Op == token.EQL || n.Op == token.NEQ {
				facts.checksMethod = facts.checksMethod || a.isSigningMethod(n.X) || a.isSigningMethod(n.Y)
			}
		case *ast.SwitchStmt: // switch t.Method { case jwt.SigningMethodHS256: }
			facts.checksMethod = facts.checksMethod || (n.Tag != nil && a.isSigningMethod(n.Tag))
		case *ast.ReturnStmt:
			if fc, _, _ := match.EnclosingFunc(a.TypesInfo, c); fc == kf && len(n.Results) > 0 && !match.IsNil(a.TypesInfo, n.Results[0]) {
				facts.returnsKey = true
				if len(n.Results) == 1 { // return lookup(t): the key's type is the callee's (any)
					facts.returnsBytes = true
				} else {
					facts.returnsBytes = facts.returnsBytes || !isCertificateKey(a.TypesInfo, n.Results[0]) && !isJWKKey(a.TypesInfo, n.Results[0]) &&
						mayBeBytes(a.TypesInfo.TypeOf(n.Results[0]))
				}
			}
		case *ast.Ident:
			facts.acceptsNone = facts.acceptsNone || isJWTObject(a.TypesInfo.Uses[n], "UnsafeAllowNoneSignatureType")
		}
	}
	return facts
}

// tokenParam returns the *jwt.Token parameter of a Keyfunc, or nil when
// it is unnamed.
func (a *unverifiedPass) tokenParam(fn ast.Node) *types.Var {
	ft := match.FuncType(fn)
	if ft == nil || ft.Params == nil || len(ft.Params.List) == 0 || len(ft.Params.List[0].Names) == 0 {
		return nil
	}
	v, _ := a.TypesInfo.Defs[ft.Params.List[0].Names[0]].(*types.Var)
	return v
}

// isSigningMethod reports whether e is a jwt.SigningMethod value, such as
// token.Method.
func (a *unverifiedPass) isSigningMethod(e ast.Expr) bool {
	return isJWTNamed(a.TypesInfo.TypeOf(e), "SigningMethod")
}

// isAlgCall reports whether call is the Alg method of a signing method.
func (a *unverifiedPass) isAlgCall(call *ast.CallExpr) bool {
	fn := calleeOf(a.TypesInfo, call)
	return fn != nil && fn.Name() == "Alg" && isJWTPackage(fn.Pkg())
}

// handsOffToken reports whether call passes the token, or its Method, to
// code outside the JWT library, which may check the algorithm out of
// sight.
func (a *unverifiedPass) handsOffToken(call *ast.CallExpr, tok *types.Var) bool {
	if fn := calleeOf(a.TypesInfo, call); fn != nil && isJWTPackage(fn.Pkg()) {
		return false
	}
	for _, arg := range call.Args {
		arg = ast.Unparen(arg)
		if tok != nil && match.Var(a.TypesInfo, arg) == tok || a.isSigningMethod(arg) {
			return true
		}
	}
	return false
}

// isKeyfuncSignature reports whether sig is func(*jwt.Token) (key, error).
func isKeyfuncSignature(sig *types.Signature) bool {
	if sig == nil || sig.Params().Len() != 1 || sig.Results().Len() != 2 {
		return false
	}
	ptr, ok := types.Unalias(sig.Params().At(0).Type()).(*types.Pointer)
	return ok && isJWTNamed(ptr.Elem(), "Token")
}
