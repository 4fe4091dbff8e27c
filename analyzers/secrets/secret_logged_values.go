package secrets

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// This file follows values that carry a credential whatever their name:
// environment reads whose key names a credential, signed tokens, URL
// userinfo built from a password, and structs printed whole with a
// credential among their fields.

// envLeak returns what the environment read call returns when its key
// names a credential (os.Getenv("DB_PASSWORD")), or "".
func (lc *loggedChecker) envLeak(fn *types.Func, call *ast.CallExpr) string {
	if !match.IsFunc(fn, "os", "Getenv", "LookupEnv") || len(call.Args) != 1 {
		return ""
	}
	key, ok := match.ConstString(lc.TypesInfo, call.Args[0])
	if !ok || classifyName(key) != secretName {
		return ""
	}
	return fmt.Sprintf("the value of the environment variable %s", key)
}

// isSignedToken reports whether fn signs a token and returns it as text
// (a JWT library's Token.SignedString).
func isSignedToken(fn *types.Func) bool {
	return fn != nil && fn.Name() == "SignedString" && apis.IsJWTPackage(fn.Pkg())
}

// userinfoLeak follows a password into URL userinfo: url.UserPassword(u,
// p) and a url.URL literal whose User holds one; URL.String prints the
// password in clear (URL.Redacted does not).
func (lc *loggedChecker) userinfoLeak(fn *types.Func, call *ast.CallExpr) (string, string) {
	if match.IsFunc(fn, "net/url", "UserPassword") && len(call.Args) == 2 {
		// The second argument is a password by the API's contract,
		// whatever its name.
		what, advice := lc.leak(call.Args[1], "")
		lc.named, lc.namedSel = false, nil
		if what != "" {
			return what + " (as URL userinfo)", advice
		}
		if tv, ok := lc.TypesInfo.Types[call.Args[1]]; ok && tv.Value == nil {
			return "the password given to url.UserPassword (as URL userinfo)", adviceSecret
		}
	}
	return "", ""
}

// literalLeak judges a composite literal printed or assigned: a url.URL
// whose User carries a password, or a struct literal that does not
// control its own printing with a secret among its field values.
func (lc *loggedChecker) literalLeak(lit *ast.CompositeLit) (string, string) {
	t := lc.TypesInfo.TypeOf(lit)
	if t == nil {
		return "", ""
	}
	isURL := match.IsNamed(t, "net/url", "URL")
	if !isURL && (printsItself(t, true) || !isStruct(t)) {
		return "", "" // the type decides what it prints
	}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, isID := kv.Key.(*ast.Ident); isURL && (!isID || id.Name != "User") {
			continue // a URL prints its path and query as they are meant to be seen; only the userinfo is a credential
		}
		if what, advice := lc.leak(kv.Value, ""); what != "" {
			return what, advice
		}
	}
	return "", ""
}

// structLeak judges a struct (or pointer to one) printed whole: it
// returns the path of the first credential field its printed form shows,
// or "". structured is true for structured loggers, which encode exported
// fields only, follow pointers and honour a json:"-" tag; fmt prints
// every field and pointers below the top as addresses.
func structLeak(t types.Type, structured bool) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if !isStruct(t) || printsItself(t, !structured) {
		return ""
	}
	return credentialField(t, structured, 0, map[types.Type]bool{})
}

func isStruct(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// credentialField searches the fields of struct type t for a credential:
// a string or byte-slice field whose name (or type name) names one, at
// the top, in embedded structs, or in nested structs whose field or type
// name names credentials (Auth, Credentials).
func credentialField(t types.Type, structured bool, depth int, seen map[types.Type]bool) string {
	if depth > 5 || seen[t] {
		return ""
	}
	seen[t] = true
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if structured && (!f.Exported() || jsonHidden(st.Tag(i))) {
			continue // a JSON encoder does not write it
		}
		ft := f.Type()
		if stringish(ft) {
			if _, isPtr := ft.Underlying().(*types.Pointer); isPtr && !structured {
				continue // fmt prints a nested pointer as an address
			}
			if classifyName(f.Name()) == secretName || namedSecretType(ft) {
				return f.Name()
			}
			continue
		}
		if !f.Embedded() && classifyName(f.Name()) != secretName && !namedSecretType(elemNamed(ft)) {
			continue // a nested section not named for credentials (a packet's connect parameters) often holds a variant the value does not carry
		}
		if inner := elemStruct(ft, structured); inner != nil && !printsItself(inner, !structured) {
			if sub := credentialField(inner, structured, depth+1, seen); sub != "" {
				if f.Embedded() && !structured {
					return sub
				}
				return f.Name() + "." + sub
			}
		}
	}
	return ""
}

// elemStruct returns the struct type a field of type t prints the fields
// of: t itself, the element of a slice, array or map, and (for a JSON
// encoder) the target of a pointer.
func elemStruct(t types.Type, structured bool) types.Type {
	for range 3 {
		switch u := t.Underlying().(type) {
		case *types.Struct:
			return t
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		case *types.Pointer:
			if !structured {
				return nil
			}
			t = u.Elem()
		default:
			return nil
		}
	}
	return nil
}

// namedSecretType reports whether t is a named type whose name names a
// credential (type Password string).
func namedSecretType(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && classifyName(n.Obj().Name()) == secretName
}

// jsonHidden reports whether a struct tag keeps the field out of JSON.
func jsonHidden(tag string) bool {
	v, ok := reflect.StructTag(tag).Lookup("json")
	return ok && v == "-"
}

// selfPrinting are the methods by which a type controls how printers and
// loggers show it: fmt.Stringer, fmt.Formatter, fmt.GoStringer, error,
// slog.LogValuer, zap's ObjectMarshaler, zerolog's LogObjectMarshaler.
var selfPrinting = []string{"String", "Format", "GoString", "Error", "LogValue", "MarshalLogObject", "MarshalZerologObject"}

// printsItself reports whether t or *t has a method by which it controls
// its printed form. fmtOnly leaves out MarshalJSON, which only JSON
// encoders call.
func printsItself(t types.Type, fmtOnly bool) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	names := selfPrinting
	if !fmtOnly {
		names = append(names[:len(names):len(names)], "MarshalJSON", "MarshalText")
	}
	ms := types.NewMethodSet(types.NewPointer(t))
	for _, n := range names {
		if ms.Lookup(nil, n) != nil {
			return true
		}
	}
	return false
}

// formatVerbs maps the argument indexes of a printf-like call (its name
// ends in f and the parameter before the variadic ones is a constant
// format) to the
// verb that prints them; nil when the format cannot be read (no constant
// format, explicit argument indexes).
func formatVerbs(info *types.Info, fn *types.Func, args []ast.Expr) map[int]rune {
	sig, _ := fn.Type().(*types.Signature)
	if !strings.HasSuffix(fn.Name(), "f") || sig == nil || !sig.Variadic() || sig.Params().Len() < 2 {
		return nil
	}
	at := sig.Params().Len() - 2 // the format comes just before the variadic arguments
	if at >= len(args) {
		return nil
	}
	format, ok := match.ConstString(info, args[at])
	if !ok {
		return nil
	}
	verbs := map[int]rune{}
	arg := at + 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.*", format[i]) >= 0 {
			if format[i] == '*' {
				arg++ // a width or precision argument
			}
			i++
		}
		if i >= len(format) {
			break
		}
		switch format[i] {
		case '%':
			continue
		case '[':
			return nil
		}
		verbs[arg] = rune(format[i])
		arg++
	}
	return verbs
}

// elemNamed returns t without pointers, slices, arrays and maps around it.
func elemNamed(t types.Type) types.Type {
	for range 3 {
		switch u := t.(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		default:
			return t
		}
	}
	return t
}
