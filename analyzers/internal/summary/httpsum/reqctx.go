package httpsum

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// RequestField marks an embedded struct field of an interface type that
// is a context.Context (a web framework's context type embedding the
// request's context) whose every value assigned in its package is a
// request's context: a value of the struct type, used as a context, has
// the request context's deadline, which is none.
type RequestField struct{}

// AFact marks RequestField as an analysis fact.
func (*RequestField) AFact() {}

func (*RequestField) String() string { return "httpsum: holds a request's context" }

// isContext reports whether t is context.Context or an interface type
// that embeds its methods.
func isContext(t types.Type) bool {
	if match.IsNamed(t, "context", "Context") {
		return true
	}
	it, ok := t.Underlying().(*types.Interface)
	return ok && hasMethod(it, "Deadline") && hasMethod(it, "Done") && hasMethod(it, "Value")
}

func hasMethod(it *types.Interface, name string) bool {
	for m := range it.Methods() {
		if m.Name() == name {
			return true
		}
	}
	return false
}

// returnsCtx returns 1 + the context parameter every context fn returns
// (first result) is or wraps without adding a deadline, or 0.
func (s *summarizer) returnsCtx(fn *types.Func, decl inspector.Cursor, of func(*types.Func) (Func, bool)) uint8 {
	return s.paramOfEveryReturn(decl, func(e ast.Expr) (uint8, bool) { return s.wrapsCtxParam(e, fn, of, 0) })
}

// wrapsCtxParam returns the context parameter of fn that e is or wraps
// without adding a deadline: ctxParam's derivations, a type assertion of
// one (ctx.(RequestContext)), a struct literal that embeds one as its
// context, or the result of a function that returns its context
// parameter.
func (s *summarizer) wrapsCtxParam(e ast.Expr, fn *types.Func, of func(*types.Func) (Func, bool), hops int) (uint8, bool) {
	if hops > maxHops {
		return 0, false
	}
	e = ast.Unparen(e)
	if i, ok := s.ctxParam(e, fn, hops); ok {
		return i, true
	}
	switch e := e.(type) {
	case *ast.TypeAssertExpr:
		return s.ctxParam(e.X, fn, hops+1)
	case *ast.UnaryExpr:
		if lit, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok {
			return s.wrapsCtxParam(lit, fn, of, hops+1)
		}
	case *ast.CompositeLit:
		f := contextField(s.info.TypeOf(e))
		if f == nil {
			return 0, false
		}
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && s.info.Uses[id] == f {
					return s.wrapsCtxParam(kv.Value, fn, of, hops+1)
				}
			}
		}
	case *ast.CallExpr:
		if cs, known := of(match.Callee(s.info, e)); known && cs.ReturnsCtx != 0 && int(cs.ReturnsCtx)-1 < len(e.Args) {
			return s.wrapsCtxParam(e.Args[cs.ReturnsCtx-1], fn, of, hops+1)
		}
	case *ast.Ident:
		v, ok := s.info.Uses[e].(*types.Var)
		if !ok || v.Kind() == types.ParamVar || v.Parent() == v.Pkg().Scope() {
			return 0, false
		}
		found, idx := false, uint8(0)
		for _, a := range s.idx.Assignments(v) {
			if a.Value == nil || a.Multi && a.Result != 0 {
				return 0, false
			}
			i, ok := s.wrapsCtxParam(a.Value, fn, of, hops+1)
			if !ok || found && i != idx {
				return 0, false
			}
			found, idx = true, i
		}
		return idx, found
	}
	return 0, false
}

// contextField returns the embedded field of the struct type t (or *t)
// whose methods give t its Deadline: an embedded context.Context (or an
// interface embedding it), reached directly or through embedded structs;
// nil when t declares Deadline itself, or has none.
func contextField(t types.Type) *types.Var {
	if t == nil {
		return nil
	}
	if _, isIface := t.Underlying().(*types.Interface); isIface {
		return nil
	}
	obj, path, _ := types.LookupFieldOrMethod(t, true, nil, "Deadline")
	if _, ok := obj.(*types.Func); !ok || len(path) < 2 {
		return nil
	}
	var field *types.Var
	cur := t
	for _, i := range path[:len(path)-1] {
		if p, ok := cur.Underlying().(*types.Pointer); ok {
			cur = p.Elem()
		}
		st, ok := cur.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return nil
		}
		field = st.Field(i)
		cur = field.Type()
	}
	if field == nil || !field.Embedded() || !isContext(field.Type()) {
		return nil
	}
	if _, ok := field.Type().Underlying().(*types.Interface); !ok {
		return nil
	}
	return field
}

// requestFields finds the package's request-context fields (see
// RequestField), exports their facts and returns them.
func requestFields(pass *analysis.Pass, idx *index.Index, r *Result) map[*types.Var]bool {
	var cands []*types.Var
	for _, name := range pass.Pkg.Scope().Names() {
		tn, ok := pass.Pkg.Scope().Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for f := range st.Fields() {
			if _, iface := f.Type().Underlying().(*types.Interface); f.Embedded() && iface && isContext(f.Type()) {
				cands = append(cands, f)
			}
		}
	}
	if len(cands) == 0 {
		return nil
	}
	unkeyed := unkeyedStructs(pass.TypesInfo, idx)
	r.fields = map[*types.Var]bool{}
	for range 3 { // a field set from a value of another request-context type of the package
		changed := false
		for _, f := range cands {
			if r.fields[f] || unkeyed[f] {
				continue
			}
			if r.allRequest(pass.TypesInfo, idx, f) {
				r.fields[f] = true
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for f := range r.fields {
		pass.ExportObjectFact(f, &RequestField{})
	}
	return r.fields
}

// unkeyedStructs returns the context fields of struct types the package
// writes as unkeyed composite literals (T{ctx, ...}), which Assignments
// does not list: their values are not known.
func unkeyedStructs(info *types.Info, idx *index.Index) map[*types.Var]bool {
	out := map[*types.Var]bool{}
	for c := range idx.Inspector().Root().Preorder((*ast.CompositeLit)(nil)) {
		lit := c.Node().(*ast.CompositeLit)
		if len(lit.Elts) == 0 {
			continue
		}
		if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); keyed {
			continue
		}
		st, ok := info.TypeOf(lit).Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for f := range st.Fields() {
			out[f] = true
		}
	}
	return out
}

// allRequest reports whether the package assigns the field f at least
// once, and only request contexts, outside test files.
func (r *Result) allRequest(info *types.Info, idx *index.Index, f *types.Var) bool {
	n := 0
	for _, a := range idx.Assignments(f) {
		if isTestFile(r.pass, a.Target.Node()) {
			continue
		}
		if a.Value == nil || a.Multi || !r.requestContext(info, idx, a.Value, 0) {
			return false
		}
		n++
	}
	return n > 0
}

func isTestFile(pass *analysis.Pass, n ast.Node) bool {
	return strings.HasSuffix(pass.Fset.File(n.Pos()).Name(), "_test.go")
}

// IsRequestField reports whether the field f holds only request contexts
// (see RequestField), by this package's finding or its package's fact.
// A field of another package must also be assigned only request contexts
// in this one.
func (r *Result) IsRequestField(info *types.Info, idx *index.Index, f *types.Var) bool {
	if f.Pkg() == r.pass.Pkg {
		return r.fields[f]
	}
	if !r.pass.ImportObjectFact(f, new(RequestField)) {
		return false
	}
	if r.unkeyed == nil {
		r.unkeyed = unkeyedStructs(info, idx)
	}
	if r.unkeyed[f] {
		return false // T{ctx, ...} here: a value this package gives it
	}
	for _, a := range idx.Assignments(f) {
		if !isTestFile(r.pass, a.Target.Node()) && (a.Value == nil || a.Multi || !r.requestContext(info, idx, a.Value, 0)) {
			return false
		}
	}
	return true
}

// RequestContext reports whether the context e is known to be a request's
// context, which has no deadline: r.Context() of the request a handler
// (a function taking an http.ResponseWriter, or a framework context) was
// given, a framework's request context (a *gin.Context, c.Request.Context()
// of one, c.Request().Context() of an echo.Context, a *fiber.Ctx's
// UserContext or Context), one derived from these by WithValue,
// WithCancel or WithoutCancel or returned by a function that returns its
// context parameter, a local variable only ever given such a context, or
// a value of a struct type whose Deadline is promoted from an embedded
// context field the module only ever sets to a request's context.
// Anything else, a context parameter included, is unknown: false.
func (r *Result) RequestContext(info *types.Info, idx *index.Index, e ast.Expr) bool {
	return r.requestContext(info, idx, e, 0)
}

func (r *Result) requestContext(info *types.Info, idx *index.Index, e ast.Expr, hops int) bool {
	if hops > maxHops {
		return false
	}
	e = ast.Unparen(e)
	t := info.TypeOf(e)
	if match.IsNamedOrPointer(t, "github.com/gin-gonic/gin", "Context") {
		return true
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		fn := match.Callee(info, e)
		switch {
		case fn == nil:
			return false
		case match.IsMethod(fn, "net/http", "Request", "Context"):
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			return ok && handlerRequest(info, idx, sel.X)
		case match.IsMethod(fn, "github.com/gofiber/fiber/v2", "Ctx", "UserContext", "Context"):
			return true
		case match.IsFunc(fn, "context", "WithValue", "WithCancel", "WithCancelCause", "WithoutCancel"):
			return len(e.Args) > 0 && r.requestContext(info, idx, e.Args[0], hops+1)
		}
		if cs, known := r.Of(fn); known && cs.ReturnsCtx != 0 && int(cs.ReturnsCtx)-1 < len(e.Args) {
			return r.requestContext(info, idx, e.Args[cs.ReturnsCtx-1], hops+1)
		}
		return false
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok && v.Kind() == types.LocalVar && !v.IsField() {
			as := idx.Assignments(v)
			for _, a := range as {
				if a.Value == nil || a.Multi && a.Result != 0 || !r.requestContext(info, idx, a.Value, hops+1) {
					return false
				}
			}
			if len(as) > 0 {
				return true
			}
		}
	}
	f := contextField(t)
	return f != nil && r.IsRequestField(info, idx, f)
}

// handlerRequest reports whether e is the request a handler was given: a
// parameter of type *http.Request of a function that answers a request
// (takes an http.ResponseWriter or a framework context), c.Request of a
// *gin.Context or c.Request() of an echo.Context.
func handlerRequest(info *types.Info, idx *index.Index, e ast.Expr) bool {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.SelectorExpr:
		return match.IsFieldOf(match.FieldSelection(info, e), "github.com/gin-gonic/gin", "Context", "Request")
	case *ast.CallExpr:
		return match.IsMethod(match.Callee(info, e), "github.com/labstack/echo/v4", "Context", "Request")
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.Kind() != types.ParamVar || !match.IsPointerTo(v.Type(), "net/http", "Request") || len(idx.Assignments(v)) > 0 {
			return false
		}
		def, ok := idx.Def(v)
		if !ok {
			return false
		}
		for c := range def.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			var sig *types.Signature
			switch n := c.Node().(type) {
			case *ast.FuncDecl:
				if fn, ok := info.Defs[n.Name].(*types.Func); ok {
					sig = fn.Signature()
				}
			case *ast.FuncLit:
				sig, _ = info.TypeOf(n).(*types.Signature)
			}
			return apis.AnswersRequest(sig)
		}
	}
	return false
}
