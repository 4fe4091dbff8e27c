package ctxcheck

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// twinShape says how a call is rewritten to its context-taking twin.
type twinShape int

const (
	// prependCtx: F(args...) becomes FContext(ctx, args...).
	prependCtx twinShape = iota
	// nilOptions: (*sql.DB).Begin() becomes BeginTx(ctx, nil); nil
	// TxOptions are the driver's defaults, which is what Begin uses.
	nilOptions
	// zeroDialer: net.Dial(n, a) becomes (&net.Dialer{}).DialContext(ctx,
	// n, a); net.Dial is documented as a zero Dialer's Dial.
	zeroDialer
)

// twin is the context-taking sibling of a called function or method.
type twin struct {
	fn    *types.Func
	shape twinShape
}

// contextUnread reports whether call, to fn, is of a function whose twin
// hands its context only to a component supplied through the trailing
// variadic options (from the API tables: prometheus/common's
// NewTLSConfigWithContext), and passes no options: the twin's context
// would have no reader.
func contextUnread(call *ast.CallExpr, fn *types.Func) bool {
	sig := fn.Signature()
	if fn.Pkg() == nil || sig.Recv() != nil || !sig.Variadic() {
		return false
	}
	if !apis.TwinReadsContextOnlyWithOptions(fn) {
		return false
	}
	return !call.Ellipsis.IsValid() && len(call.Args) == sig.Params().Len()-1
}

// carriesValuesOnly reports whether a twin returns nothing: it cannot tell
// its caller that it was cancelled, so its context carries values (trace
// ids for a logger's InfoContext), not cancellation.
func carriesValuesOnly(t *twin) bool {
	return t.fn.Signature().Results().Len() == 0
}

// getterWithWaitingTwin reports whether fn is a getter, a method or a
// function with no parameters and no error result (a default computed once
// and cached, as OpenTelemetry's resource.Default()), whose twin cannot fail either and returns
// nothing that could hold the context. Neither can tell its caller
// that it was cancelled, so the twin's context does not cut work short with
// an error: it bounds a wait of the twin's own (polling until a value
// exists, say), which the plain getter does not do. Switching would make
// the caller wait where it now reads a value at once.
func getterWithWaitingTwin(fn *types.Func, t *twin) bool {
	sig := fn.Signature()
	if t.shape != prependCtx || sig.Params().Len() != 0 {
		return false
	}
	if returnsError(sig) || returnsError(t.fn.Signature()) {
		return false
	}
	for v := range t.fn.Signature().Results().Variables() {
		if carriesContext(v.Type()) {
			return false // NewGetParamsWithContext(ctx): the value takes the ctx to later work
		}
	}
	return true
}

// carriesContext reports whether a value of type t can hold a context: it
// is one, an interface, or a struct (or pointer to one) with a
// context.Context field.
func carriesContext(t types.Type) bool {
	if isContext(t) || types.IsInterface(t) {
		return true
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if isContext(f.Type()) {
			return true
		}
	}
	return false
}

// returnsError reports whether a result of sig is an error.
func returnsError(sig *types.Signature) bool {
	for v := range sig.Results().Variables() {
		if types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
			return true
		}
	}
	return false
}

// nonBlockingDial reports whether call is grpc.Dial in a function that
// never mentions an option making it block (the API tables' blocking
// options): the dial returns at once, so DialContext's ctx would bound
// nothing.
func nonBlockingDial(info *types.Info, call *ast.CallExpr, fn *types.Func, body ast.Node) bool {
	if !match.IsFunc(fn, "google.golang.org/grpc", "Dial") || body == nil {
		return false
	}
	blocks := false
	ast.Inspect(body, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && match.IsCallTo(info, c, fn.Pkg().Path(), apis.BlockingOptions(fn)...) {
			blocks = true
		}
		return !blocks
	})
	return !blocks
}

// twinFinder finds context-taking twins by types, caching each answer per
// function, or per (receiver type, method, addressability), for the pass.
type twinFinder struct {
	pkg     *types.Package
	info    *types.Info
	msets   typeutil.MethodSetCache
	funcs   map[*types.Func]*twin
	names   map[*types.Package][]string // sorted package-scope names
	methods typeutil.Map                // receiver type -> map[methodKey]*twin
}

type methodKey struct {
	name        string
	addressable bool
}

func newTwinFinder(pkg *types.Package, info *types.Info) *twinFinder {
	return &twinFinder{pkg: pkg, info: info, funcs: map[*types.Func]*twin{}, names: map[*types.Package][]string{}}
}

// find returns the twin of the function or method call calls, or nil when
// it has none (or already takes a context).
func (tf *twinFinder) find(call *ast.CallExpr, fn *types.Func) *twin {
	sig := fn.Signature()
	if fn.Pkg() == nil || apis.TwinCarriesValuesOnly(fn) || sig.TypeParams().Len() > 0 || takesContext(sig) {
		return nil
	}
	if sig.Recv() == nil {
		t, ok := tf.funcs[fn]
		if !ok {
			t = tf.funcTwin(fn)
			tf.funcs[fn] = t
		}
		return t
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	selection := tf.info.Selections[sel]
	if selection == nil || selection.Kind() != types.MethodVal {
		return nil // method expressions and func-typed fields
	}
	recv := selection.Recv()
	key := methodKey{fn.Name(), tf.info.Types[sel.X].Addressable()}
	byName, _ := tf.methods.At(recv).(map[methodKey]*twin)
	if byName == nil {
		byName = map[methodKey]*twin{}
		tf.methods.Set(recv, byName)
	}
	t, ok := byName[key]
	if !ok {
		t = tf.methodTwin(recv, key.addressable, fn)
		byName[key] = t
	}
	return t
}

// noTwinForm names the collected form that keeps call, to fn, which find
// gave no twin, from being a candidate (for prodlint -explain):
// "passes-context" for a call of a context-taking F...Context,
// "twin-differs" when a F...Context exists whose signature is not F's with
// a leading context, "" otherwise (no twin at all is no form).
func (tf *twinFinder) noTwinForm(call *ast.CallExpr, fn *types.Func) string {
	sig := fn.Signature()
	if fn.Pkg() == nil || apis.TwinCarriesValuesOnly(fn) || sig.TypeParams().Len() > 0 {
		return ""
	}
	if takesContext(sig) {
		if strings.HasSuffix(fn.Name(), "Context") {
			return "passes-context"
		}
		return ""
	}
	named := false
	if sig.Recv() == nil {
		for _, n := range fn.Pkg().Scope().Names() {
			cand, ok := fn.Pkg().Scope().Lookup(n).(*types.Func)
			named = named || ok && tf.isTwinName(fn.Name(), cand)
		}
	} else if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if selection := tf.info.Selections[sel]; selection != nil && selection.Kind() == types.MethodVal {
			recv := selection.Recv()
			if _, isPtr := types.Unalias(recv).(*types.Pointer); !isPtr && !types.IsInterface(recv) {
				recv = types.NewPointer(recv)
			}
			for m := range tf.msets.MethodSet(recv).Methods() {
				cand, ok := m.Obj().(*types.Func)
				named = named || ok && tf.isTwinName(fn.Name(), cand)
			}
		}
	}
	if named {
		return "twin-differs"
	}
	return ""
}

// funcTwin looks for F...Context in the package of the function F.
func (tf *twinFinder) funcTwin(fn *types.Func) *twin {
	if at := apis.TwinOf(fn); at != nil && at.Shape == apis.ZeroValueMethod {
		if recv, ok := fn.Pkg().Scope().Lookup(at.TwinRecv).(*types.TypeName); ok {
			obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(recv.Type()), true, fn.Pkg(), at.TwinName)
			if dc, ok := obj.(*types.Func); ok && sameButContext(fn.Signature(), dc.Signature()) {
				return &twin{dc, zeroDialer}
			}
		}
	}
	var best *types.Func
	scope := fn.Pkg().Scope()
	names, ok := tf.names[fn.Pkg()]
	if !ok {
		names = scope.Names() // sorted
		tf.names[fn.Pkg()] = names
	}
	for i := sort.SearchStrings(names, fn.Name()); i < len(names) && strings.HasPrefix(names[i], fn.Name()); i++ {
		cand, ok := scope.Lookup(names[i]).(*types.Func)
		if ok && tf.isTwinName(fn.Name(), cand) && sameButContext(fn.Signature(), cand.Signature()) {
			best = preferred(fn.Name(), best, cand)
		}
	}
	if best == nil {
		return nil
	}
	return &twin{best, prependCtx}
}

// methodTwin looks for F...Context in the method set of the receiver.
func (tf *twinFinder) methodTwin(recv types.Type, addressable bool, fn *types.Func) *twin {
	mset := recv
	if _, isPtr := types.Unalias(recv).(*types.Pointer); !isPtr && addressable && !types.IsInterface(recv) {
		mset = types.NewPointer(recv)
	}
	ms := tf.msets.MethodSet(mset)
	if at := apis.TwinOf(fn); at != nil && at.Shape == apis.NilOptions {
		if sel := ms.Lookup(fn.Pkg(), at.TwinName); sel != nil {
			return &twin{sel.Obj().(*types.Func), nilOptions}
		}
	}
	var best *types.Func
	for sel := range ms.Methods() {
		cand, ok := sel.Obj().(*types.Func)
		if ok && tf.isTwinName(fn.Name(), cand) && sameButContext(fn.Signature(), cand.Signature()) {
			best = preferred(fn.Name(), best, cand)
		}
	}
	if best == nil {
		return nil
	}
	return &twin{best, prependCtx}
}

// isTwinName reports whether cand is named F...Context and is accessible
// from the package under analysis.
func (tf *twinFinder) isTwinName(name string, cand *types.Func) bool {
	n := cand.Name()
	return len(n) > len(name) && strings.HasPrefix(n, name) && strings.HasSuffix(n, "Context") &&
		(cand.Exported() || cand.Pkg() == tf.pkg)
}

// preferred picks FContext over F...Context, then the shorter name.
func preferred(name string, a, b *types.Func) *types.Func {
	switch {
	case a == nil:
		return b
	case a.Name() == name+"Context":
		return a
	case b.Name() == name+"Context":
		return b
	case len(b.Name()) < len(a.Name()) || len(b.Name()) == len(a.Name()) && b.Name() < a.Name():
		return b
	}
	return a
}

// sameButContext reports whether twin's parameters are (context.Context,
// f's parameters...) and its results are f's: then passing the ctx first is
// the only change a call needs. A twin of a non-variadic f may also end in
// one extra variadic parameter (aws-sdk-go's GetObjectWithContext(ctx,
// input, opts ...request.Option)), which the rewritten call leaves empty.
func sameButContext(f, twin *types.Signature) bool {
	fp, tp := f.Params(), twin.Params()
	switch {
	case tp.Len() == fp.Len()+1 && twin.Variadic() == f.Variadic():
	case tp.Len() == fp.Len()+2 && twin.Variadic() && !f.Variadic():
	default:
		return false
	}
	if !isContext(tp.At(0).Type()) {
		return false
	}
	for i := 0; i < fp.Len(); i++ {
		if !types.Identical(fp.At(i).Type(), tp.At(i+1).Type()) {
			return false
		}
	}
	return types.Identical(f.Results(), twin.Results())
}

// takesContext reports whether a parameter of sig is a context.Context.
func takesContext(sig *types.Signature) bool {
	for v := range sig.Params().Variables() {
		if isContext(v.Type()) {
			return true
		}
	}
	return false
}
