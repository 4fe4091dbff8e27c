package jwtcheck

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"time"
	"unicode"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// neverHorizon is the lifetime from which a token effectively never
// expires: it outlives the people, keys and permissions it was issued for.
const neverHorizon = 365 * 24 * time.Hour

// absoluteExpiry returns the fixed instant an expiry expression names, a
// constant date or Unix time rather than an offset from now:
//
//	time.Date(2099, 1, 1, ...)      time.Unix(4102444800, 0)
//	jwt.NewNumericDate(<date>)      &jwt.NumericDate{Time: <date>}
//	<date>.Unix()                   4102444800
func absoluteExpiry(p *rule.Pass, e ast.Expr) (time.Time, bool) {
	e = unparenAddr(e)
	if ts, ok := match.ConstInt(p.TypesInfo, e); ok {
		if ts <= 0 {
			return time.Time{}, false
		}
		if ts > 1<<40 { // beyond any calendar year a time.Time spells sensibly
			return time.Unix(1<<40, 0), true
		}
		return time.Unix(ts, 0), true
	}
	switch e := e.(type) {
	case *ast.CompositeLit: // jwt.NumericDate{Time: t}
		if !isJWTNamed(p.TypesInfo.TypeOf(e), "NumericDate") || len(e.Elts) != 1 {
			return time.Time{}, false
		}
		v := e.Elts[0]
		if kv, isKV := v.(*ast.KeyValueExpr); isKV {
			v = kv.Value
		}
		return absoluteExpiry(p, v)
	case *ast.CallExpr:
		fn := calleeOf(p.TypesInfo, e)
		switch {
		case isJWTFunc(fn, "NewNumericDate") && len(e.Args) == 1:
			return absoluteExpiry(p, e.Args[0])
		case match.IsMethod(fn, "time", "Time", "Unix", "UTC", "Local"):
			return absoluteExpiry(p, e.Fun.(*ast.SelectorExpr).X)
		case match.IsFunc(fn, "time", "Unix") && len(e.Args) == 2:
			return absoluteExpiry(p, e.Args[0])
		case match.IsFunc(fn, "time", "Date") && len(e.Args) == 8:
			var f [7]int64
			for i := range 7 {
				n, ok := match.ConstInt(p.TypesInfo, e.Args[i])
				if !ok {
					return time.Time{}, false
				}
				f[i] = n
			}
			return time.Date(int(f[0]), time.Month(f[1]), int(f[2]), int(f[3]), int(f[4]), int(f[5]), int(f[6]), time.UTC), true
		}
	}
	return time.Time{}, false
}

// purposeWords name tokens meant to live longer than a session token, for
// one use or one exchange: refresh, invitation, password-reset and
// verification tokens.
var purposeWords = map[string]bool{
	"refresh": true, "invite": true, "invitation": true, "reset": true, "verify": true,
	"verification": true, "confirm": true, "confirmation": true,
}

// isPurposeToken reports whether the token signed at call is evidently a
// refresh, invitation, reset or verification token with a unique id: the
// function, the claims variable or type, or a constant claim value says
// which purpose, and the claims set a "jti" (the ID of the registered
// claims), which lets the server record the token's use or revoke it.
func isPurposeToken(p *rule.Pass, call inspector.Cursor, claims ast.Expr) bool {
	fd := match.EnclosingFuncDecl(call)
	if !fd.Valid() {
		return false
	}
	decl := fd.Node().(*ast.FuncDecl)
	named := hasPurposeWord(decl.Name.Name)
	if id, ok := unparenAddr(claims).(*ast.Ident); ok && hasPurposeWord(id.Name) {
		named = true
	}
	if t := p.TypesInfo.TypeOf(claims); t != nil && hasPurposeWord(types.TypeString(t, func(*types.Package) string { return "" })) {
		named = true
	}
	jti := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				if v, ok := match.ConstString(p.TypesInfo, n); ok {
					if v == "jti" {
						jti = true
					} else if len(v) < 40 && hasPurposeWord(v) {
						named = true
					}
				}
			}
		case *ast.CompositeLit:
			if litSetsJTI(p, n) {
				jti = true
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && isJTIField(p, sel.Sel) {
					jti = true
				}
			}
		}
		return true
	})
	return named && jti
}

// isJTIField reports whether id names the ID (or Id) field of a JWT
// library's claims: the "jti" claim.
func isJTIField(p *rule.Pass, id ast.Expr) bool {
	ident, ok := id.(*ast.Ident)
	if !ok {
		return false
	}
	f, ok := p.TypesInfo.ObjectOf(ident).(*types.Var)
	return ok && f.IsField() && (f.Name() == "ID" || f.Name() == "Id") && isJWTPackage(f.Pkg())
}

// litSetsJTI reports whether a struct literal sets the "jti" claim to a
// non-empty value: the ID of a library's claims, or a field tagged
// json:"jti".
func litSetsJTI(p *rule.Pass, lit *ast.CompositeLit) bool {
	t := p.TypesInfo.TypeOf(lit)
	if t == nil {
		return false
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok || isEmptyString(p, kv.Value) {
			continue
		}
		if isJTIField(p, kv.Key) {
			return true
		}
		for i := 0; i < st.NumFields(); i++ {
			if id, ok := kv.Key.(*ast.Ident); ok && st.Field(i).Name() == id.Name && jsonName(st.Tag(i)) == "jti" {
				return true
			}
		}
	}
	return false
}

func isEmptyString(p *rule.Pass, e ast.Expr) bool {
	tv, ok := p.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == ""
}

// hasPurposeWord reports whether a name or short value holds one of the
// purpose words as a word: refreshToken, "password_reset", VerifyEmail.
func hasPurposeWord(s string) bool {
	for _, w := range words(s) {
		if purposeWords[w] {
			return true
		}
	}
	return false
}

// words splits a name or value into lower-case words at case changes and
// non-letters.
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		if !unicode.IsLetter(r) {
			flush()
			continue
		}
		if unicode.IsUpper(r) && len(cur) > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])) {
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return out
}
