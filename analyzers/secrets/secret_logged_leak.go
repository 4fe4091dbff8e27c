package secrets

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"net/textproto"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// Advice for each kind of leak, ending the message.
const (
	adviceSecret  = "log a redacted form (a short prefix or a hash) or leave it out"
	adviceHeader  = "log whether the header is present, not its value"
	adviceRequest = "log the method, path and the few headers you need instead"
	adviceStruct  = "log the fields you need, or give the type a String or LogValue method that leaves the secret out"
)

// credentialHeaders carry credentials: their values must not be logged.
var credentialHeaders = map[string]bool{
	"Authorization": true, "Proxy-Authorization": true, "Cookie": true, "Set-Cookie": true,
	"X-Api-Key": true, "X-Auth-Token": true, "X-Amz-Security-Token": true,
}

// leak returns what secret e holds, as the message names it, and the
// advice to give, or "" when e holds none that the analysis can see. key
// is the log key e is written under ("" when there is none).
func (lc *loggedChecker) leak(e ast.Expr, key string) (what, advice string) {
	e = ast.Unparen(e)
	info := lc.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return "", "" // constants are not read at run time; secret-literal judges them
	}
	switch e := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return lc.leakVar(e, key)
	case *ast.StarExpr:
		return lc.leak(e.X, key)
	case *ast.IndexExpr:
		if h := headerIndex(info, e); h != "" {
			return "the value of the " + h + " header", adviceHeader
		}
		if inner, ok := ast.Unparen(e.X).(*ast.IndexExpr); ok { // r.Header["Authorization"][0]
			if h := headerIndex(info, inner); h != "" {
				return "the value of the " + h + " header", adviceHeader
			}
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			if what, advice := lc.leak(e.X, key); what != "" {
				return what, advice
			}
			return lc.leak(e.Y, key)
		}
	case *ast.CallExpr:
		return lc.leakCall(e, key)
	case *ast.UnaryExpr:
		if lit, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok && e.Op == token.AND {
			return lc.literalLeak(lit)
		}
	case *ast.CompositeLit:
		return lc.literalLeak(e)
	}
	return "", ""
}

// leakVar judges a variable or field: one tainted by a request read, a
// whole request or header map, or a secret-named string.
func (lc *loggedChecker) leakVar(e ast.Expr, key string) (string, string) {
	v, ok := match.ObjectOf(lc.TypesInfo, e).(*types.Var)
	if !ok || lc.cleaned[v] {
		return "", ""
	}
	if t, ok := lc.tainted[v]; ok {
		if t.named {
			lc.named, lc.namedSel = true, t.sel
		}
		return t.what, t.advice
	}
	if what := credentialByType(lc.TypesInfo, e); what != "" {
		return what, adviceSecret
	}
	t := v.Type()
	switch {
	case match.IsPointerTo(t, "net/http", "Request"):
		return "the whole *http.Request " + types.ExprString(e) + ", Authorization and Cookie headers included", adviceRequest
	case match.IsNamed(t, "net/http", "Header"):
		if lc.responseHeader(e) {
			return "", "" // resp.Header: what a peer answered, not the credentials this program sends
		}
		return "the whole http.Header " + types.ExprString(e) + ", Authorization and Cookie included", adviceRequest
	case !stringish(t):
		if lc.assigning {
			return "", ""
		}
		if f := structLeak(t, key != ""); f != "" {
			lc.named = true
			return fmt.Sprintf("%s printed whole, with its credential field %s", types.ExprString(e), f), adviceStruct
		}
		return "", ""
	}
	kind := classifyName(v.Name())
	if kind == secretName {
		lc.named = true
		if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
			lc.namedSel = lc.TypesInfo.Selections[sel]
		}
		return fmt.Sprintf("%s, a secret-named %s", types.ExprString(e), varKind(v)), adviceSecret
	}
	if kind == neutral && key != "" && classifyName(key) == secretName && !labelName(v.Name()) {
		lc.named = true
		return fmt.Sprintf("%s under the secret-named key %q", types.ExprString(e), key), adviceSecret
	}
	return "", ""
}

// leakCall follows a value through conversions, formatting and trimming,
// and recognises reads of credential headers.
func (lc *loggedChecker) leakCall(call *ast.CallExpr, key string) (string, string) {
	info := lc.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return lc.leak(call.Args[0], key) // string(b), []byte(s)
	}
	fn := match.Callee(info, call)
	if fn == nil {
		return "", "" // a builtin or a function value (len(token), f(token))
	}
	if what := lc.envLeak(fn, call); what != "" {
		return what, adviceSecret
	}
	if what, advice := lc.userinfoLeak(fn, call); what != "" {
		return what, advice
	}
	switch {
	case match.IsMethod(fn, "net/url", "URL", "String") || match.IsMethod(fn, "net/url", "Userinfo", "String"):
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return lc.leak(sel.X, key) // String prints the password in clear; Redacted does not
		}
	case match.IsMethod(fn, "net/http", "Header", "Get", "Values") && len(call.Args) == 1:
		if name, ok := match.ConstString(info, call.Args[0]); ok && credentialHeaders[textproto.CanonicalMIMEHeaderKey(name)] {
			return "the value of the " + textproto.CanonicalMIMEHeaderKey(name) + " header", adviceHeader
		}
	case match.IsFunc(fn, "fmt", "Sprint", "Sprintf", "Sprintln"):
		for _, a := range call.Args {
			if what, advice := lc.leak(a, key); what != "" {
				return what, advice
			}
		}
	case match.IsFunc(fn, "strings", "TrimPrefix", "TrimSuffix", "TrimSpace", "Trim", "TrimLeft", "TrimRight", "ToLower", "ToUpper") &&
		len(call.Args) > 0:
		return lc.leak(call.Args[0], key)
	}
	return "", ""
}

// headerIndex returns the canonical name of the credential header an
// index expression reads (r.Header["Authorization"]), or "".
func headerIndex(info *types.Info, ix *ast.IndexExpr) string {
	if !match.IsNamed(info.TypeOf(ix.X), "net/http", "Header") {
		return ""
	}
	name, ok := match.ConstString(info, ix.Index)
	if !ok {
		return ""
	}
	if canon := textproto.CanonicalMIMEHeaderKey(name); credentialHeaders[canon] {
		return canon
	}
	return ""
}

// stringish reports whether a value of type t prints as its text: a
// string, a byte slice, a named type over one, or a pointer to one.
func stringish(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

func varKind(v *types.Var) string {
	if v.IsField() {
		return "field"
	}
	return "variable"
}

// labelWords end the names of values that label or describe something
// rather than grant access: Name, Type, Method, Provider (not ID: a
// session ID is a credential). Logged under a secret-named key ("auth":
// collection.Name), they are still a label.
var labelWords = map[string]bool{
	"name": true, "names": true, "type": true, "kind": true, "mode": true,
	"method": true, "scheme": true, "provider": true, "status": true, "state": true, "source": true,
	"realm": true, "issuer": true, "username": true, "email": true, "url": true, "uri": true, "path": true,
	"host": true, "role": true, "roles": true, "scope": true, "scopes": true, "label": true, "title": true,
}

// labelName reports whether the last word of name is a label word.
func labelName(name string) bool {
	words := splitWords(name)
	return len(words) > 0 && labelWords[words[len(words)-1]]
}

// responseHeader reports whether e is the Header of an http.Response (a
// selector, a variable declared with one, or a helper's result that its
// summary says is one): the headers a peer answered with, which carry
// none of the request's Authorization, Cookie or API-key headers.
func (lc *loggedChecker) responseHeader(e ast.Expr) bool {
	return lc.sums.ResponseHeader(lc.TypesInfo, lc.Index, e)
}
