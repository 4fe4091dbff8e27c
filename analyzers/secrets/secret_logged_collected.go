package secrets

import (
	"go/ast"
	"go/token"
	"go/types"
	"net/textproto"
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// The Collected forms of secret-logged (loggedCollected) keep a printed
// value from being a candidate: leak finds no secret in it. The functions
// here name, for prodlint -explain, which form it was; the rule calls them
// only when the driver asks (Pass.Explaining).

// decideOtherWriter names other-writer for each argument of an Fprint* to
// a writer other than os.Stdout and os.Stderr that would leak a secret.
func (lc *loggedChecker) decideOtherWriter(args []ast.Expr) {
	for _, a := range args {
		if lc.leaks(a, "") {
			rule.Decided(lc.Pass, a, "other-writer")
		}
	}
}

// leaks reports whether leak finds a secret in e, leaving the checker's
// record of the last leak as it found it.
func (lc *loggedChecker) leaks(e ast.Expr, key string) bool {
	named, sel := lc.named, lc.namedSel
	what, _ := lc.leak(e, key)
	lc.named, lc.namedSel = named, sel
	return what != ""
}

// notLeakForm names the Collected form that makes the printed value e,
// in which leak found no secret, safe although it mentions one: its name,
// a transformation, its type, where it comes from. It returns "" for a
// value with no sign of a secret at all.
func (lc *loggedChecker) notLeakForm(e ast.Expr, key string) string {
	e = ast.Unparen(e)
	info := lc.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if obj := match.ObjectOf(info, e); obj != nil && classifyName(obj.Name()) == secretName ||
			key != "" && classifyName(key) == secretName {
			return "constant-value"
		}
		return ""
	}
	switch e := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return lc.notLeakVarForm(e, key)
	case *ast.StarExpr:
		return lc.notLeakForm(e.X, key)
	case *ast.SliceExpr:
		if lc.leaks(e.X, key) {
			return "transformed-value" // token[:4]
		}
	case *ast.IndexExpr:
		if otherHeaderIndex(info, e) {
			return "other-header"
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			if f := lc.notLeakForm(e.X, key); f != "" {
				return f
			}
			return lc.notLeakForm(e.Y, key)
		}
	case *ast.CallExpr:
		return lc.notLeakCallForm(e, key)
	case *ast.UnaryExpr:
		if lit, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok && e.Op == token.AND {
			return literalHidesForm(info, lit)
		}
	case *ast.CompositeLit:
		return literalHidesForm(info, e)
	}
	return ""
}

// notLeakVarForm names the form of a variable or field that leak does not
// report.
func (lc *loggedChecker) notLeakVarForm(e ast.Expr, key string) string {
	if lc.responseHeader(e) {
		return "response-header"
	}
	v, ok := match.ObjectOf(lc.TypesInfo, e).(*types.Var)
	if !ok {
		return ""
	}
	switch {
	case lc.cleaned[v]:
		return "transformed-value" // assigned from redact(...)
	case lc.envPlain[v]:
		return "env-key-no-credential"
	}
	t := v.Type()
	if !stringish(t) {
		if isStruct(t) {
			if hidesCredentials(t) {
				return "struct-hides-credentials"
			}
			return ""
		}
		switch kind := classifyName(v.Name()); {
		case kind == secretName || namedSecretType(t):
			return "non-string-value" // a token.Token, a struct named token
		case kind == notSecretName:
			return "not-a-credential-name" // tokenCount
		}
		return ""
	}
	switch kind := classifyName(v.Name()); {
	case kind == notSecretName && hasFixtureWord(v.Name()):
		return "stand-in-name"
	case kind == notSecretName:
		return "not-a-credential-name"
	case kind == neutral && key != "" && classifyName(key) == secretName && labelName(v.Name()):
		return "label-under-secret-key"
	}
	return ""
}

// notLeakCallForm names the form of a call's result that leak does not
// report.
func (lc *loggedChecker) notLeakCallForm(call *ast.CallExpr, key string) string {
	info := lc.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return lc.notLeakForm(call.Args[0], key) // string(b)
	}
	fn := match.Callee(info, call)
	switch {
	case fn == nil && match.IsBuiltin(info, call.Fun, "len") && len(call.Args) == 1:
		lc.named, lc.namedSel = false, nil
		if what, _ := lc.leak(call.Args[0], key); strings.HasPrefix(what, "the signed token") {
			return "signed-token-length"
		}
	case lc.plainEnvRead(fn, call), match.IsMethod(fn, "net/url", "URL", "Redacted"):
		return "env-key-no-credential"
	case match.IsMethod(fn, "net/http", "Header", "Get", "Values") && len(call.Args) == 1:
		if name, ok := match.ConstString(info, call.Args[0]); ok && !credentialHeaders[textproto.CanonicalMIMEHeaderKey(name)] {
			return "other-header"
		}
		return ""
	case match.IsFunc(fn, "fmt", "Sprint", "Sprintf", "Sprintln"):
		for _, a := range call.Args {
			if f := lc.notLeakForm(a, key); f != "" {
				return f
			}
		}
		return ""
	case match.IsFunc(fn, "strings", "TrimPrefix", "TrimSuffix", "TrimSpace", "Trim", "TrimLeft", "TrimRight", "ToLower", "ToUpper") &&
		len(call.Args) > 0:
		return lc.notLeakForm(call.Args[0], key)
	}
	if sinkOf(fn) != nil {
		return "" // a sink of its own (slog.String): its arguments are judged there
	}
	for _, a := range call.Args {
		if lc.leaks(a, key) {
			return "transformed-value" // mask(token), hash(token), len(token)
		}
	}
	return ""
}

// plainEnvRead reports whether call reads the environment (os.Getenv,
// os.LookupEnv) under a constant key that names no credential.
func (lc *loggedChecker) plainEnvRead(fn *types.Func, call *ast.CallExpr) bool {
	if !match.IsFunc(fn, "os", "Getenv", "LookupEnv") || len(call.Args) != 1 {
		return false
	}
	key, ok := match.ConstString(lc.TypesInfo, call.Args[0])
	return ok && classifyName(key) != secretName
}

// otherHeaderIndex reports whether ix reads a header other than the
// credential headers from an http.Header (h["User-Agent"]).
func otherHeaderIndex(info *types.Info, ix *ast.IndexExpr) bool {
	if !match.IsNamed(info.TypeOf(ix.X), "net/http", "Header") {
		return false
	}
	name, ok := match.ConstString(info, ix.Index)
	return ok && !credentialHeaders[textproto.CanonicalMIMEHeaderKey(name)]
}

// literalHidesForm names struct-hides-credentials for a struct literal
// whose type controls its own printing and has a credential field.
func literalHidesForm(info *types.Info, lit *ast.CompositeLit) string {
	if t := info.TypeOf(lit); t != nil && isStruct(t) && hidesCredentials(t) {
		return "struct-hides-credentials"
	}
	return ""
}

// hidesCredentials reports whether a struct type printed whole holds a
// credential field (by name or type, at any depth of struct fields) that
// its printed form leaves out: structLeak found none to report.
func hidesCredentials(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	return anyCredentialField(t, 0, map[types.Type]bool{})
}

// anyCredentialField reports whether struct type t has a string field
// that names a credential, itself or in a struct reached through its
// fields (pointers, slices and maps included).
func anyCredentialField(t types.Type, depth int, seen map[types.Type]bool) bool {
	if depth > 5 || seen[t] {
		return false
	}
	seen[t] = true
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if stringish(f.Type()) {
			if classifyName(f.Name()) == secretName || namedSecretType(f.Type()) {
				return true
			}
			continue
		}
		if inner := elemNamed(f.Type()); isStruct(inner) && anyCredentialField(inner, depth+1, seen) {
			return true
		}
	}
	return false
}

// hasFixtureWord reports whether a name holds a word that marks a
// stand-in (exampleToken, fakeAPIKey, testSecret).
func hasFixtureWord(name string) bool {
	for _, w := range splitWords(name) {
		if fixtureWords[w] {
			return true
		}
	}
	return false
}
