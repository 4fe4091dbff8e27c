// Package index is the package index every rule may require, in the
// manner of x/tools' typeindex: for one package, where each object is
// defined and used, every assignment to a variable or field, the calls of
// each function and method, and the declaration of each package function.
//
// The analyzer is computed once per package, whatever the driver
// (multichecker, unitchecker, golangci-lint), and shared by the rules that
// require it. Each part is built on its first question, once, so a package
// no rule asks about costs nothing; rules of one package run concurrently,
// so the parts are guarded.
package index

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"reflect"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer computes the Index of a package. It holds no state of its own,
// like inspect.Analyzer, so every analyzer set can require this one value.
var Analyzer = &analysis.Analyzer{
	Name:       "prodlint_index",
	Doc:        "indexes the definitions, uses, assignments, calls and function declarations of a package",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	ResultType: reflect.TypeOf((*Index)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		return New(pass.TypesInfo, pass.Pkg, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)), nil
	},
}

// Index answers "who defines, uses, assigns, calls what" for one package.
type Index struct {
	info *types.Info
	pkg  *types.Package
	in   *inspector.Inspector

	idents sync.Once
	uses   map[*types.Var][]inspector.Cursor

	callsOnce sync.Once
	callsOf   map[*types.Func][]inspector.Cursor

	assignOnce  sync.Once
	assignments map[*types.Var][]Assignment
	all         []Assignment

	declsOnce sync.Once
	decls     map[*types.Func]inspector.Cursor
}

// New returns the index of the package whose syntax in walks.
func New(info *types.Info, pkg *types.Package, in *inspector.Inspector) *Index {
	return &Index{info: info, pkg: pkg, in: in}
}

// Inspector returns the inspector the index walks.
func (x *Index) Inspector() *inspector.Inspector { return x.in }

func (x *Index) indexIdents() {
	x.idents.Do(func() {
		// Two passes, so that every variable's uses share one array.
		count := map[*types.Var]int{}
		total := 0
		for id, obj := range x.info.Uses {
			if v, ok := obj.(*types.Var); ok && id.Pos().IsValid() {
				count[v]++
				total++
			}
		}
		all := make([]inspector.Cursor, 0, total)
		x.uses = make(map[*types.Var][]inspector.Cursor, len(count))
		for v, n := range count {
			x.uses[v] = all[len(all) : len(all) : len(all)+n]
			all = all[:len(all)+n]
		}
		for c := range x.in.Root().Preorder((*ast.Ident)(nil)) {
			if v, ok := x.info.Uses[c.Node().(*ast.Ident)].(*types.Var); ok {
				if s, ok := x.uses[v]; ok && len(s) < cap(s) {
					x.uses[v] = append(s, c)
				}
			}
		}
	})
}

// Def returns the cursor of the identifier that declares obj in this
// package, or false.
func (x *Index) Def(obj types.Object) (inspector.Cursor, bool) {
	if obj == nil || obj.Pkg() != x.pkg {
		return inspector.Cursor{}, false
	}
	return DefOf(x.in, x.info, obj)
}

// DefOf is Def for code that holds only the inspector and the type
// information of the package: it finds the declaring identifier by
// position.
func DefOf(in *inspector.Inspector, info *types.Info, obj types.Object) (inspector.Cursor, bool) {
	if obj == nil || !obj.Pos().IsValid() {
		return inspector.Cursor{}, false
	}
	c, ok := in.Root().FindByPos(obj.Pos(), obj.Pos()+token.Pos(len(obj.Name())))
	if !ok {
		return inspector.Cursor{}, false
	}
	if id, isIdent := c.Node().(*ast.Ident); !isIdent || info.Defs[id] != obj {
		return inspector.Cursor{}, false
	}
	return c, true
}

// LocalValue returns the expression the local variable v is declared
// with (v := e, var v = e) when nothing assigns v again, increments it or
// takes its address: the only value v itself ever holds (the fields or
// elements of a struct, slice or map it holds may still change). For a multi-valued
// declaration (h, p, err := f()) multi is set and result says which of
// Value's results v receives. ok is false for package-level variables,
// parameters, range variables and variables declared without a value.
func (x *Index) LocalValue(v *types.Var) (value ast.Expr, result int, multi, ok bool) {
	if v == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
		return nil, 0, false, false
	}
	def, found := x.Def(v)
	if !found {
		return nil, 0, false, false
	}
	i := def.ParentEdgeIndex()
	switch n := def.Parent().Node().(type) {
	case *ast.AssignStmt:
		if def.ParentEdgeKind() != edge.AssignStmt_Lhs || n.Tok != token.DEFINE {
			return nil, 0, false, false
		}
		switch {
		case len(n.Lhs) == len(n.Rhs):
			value = n.Rhs[i]
		case len(n.Rhs) == 1:
			value, result, multi = n.Rhs[0], i, true
		}
	case *ast.ValueSpec:
		switch {
		case len(n.Values) == len(n.Names):
			value = n.Values[i]
		case len(n.Values) == 1:
			value, result, multi = n.Values[0], i, true
		}
	}
	if value == nil {
		return nil, 0, false, false
	}
	if x.changed(v) {
		return nil, 0, false, false
	}
	return ast.Unparen(value), result, multi, true
}

// PackageValue returns the expression the unexported package-level
// variable v is declared with (var v = e) when nothing in the package
// assigns it again, increments it or takes its address: no other package
// can name it, so that is the only value it holds at run time (short of a
// link-time -X, which only sets string variables to a flag's value). ok
// is false for exported variables, those declared without a value and
// multi-valued declarations.
func (x *Index) PackageValue(v *types.Var) (value ast.Expr, ok bool) {
	if v == nil || v.Exported() {
		return nil, false
	}
	_, spec, i, found := x.VarSpec(v)
	if !found || len(spec.Values) != len(spec.Names) || x.changed(v) {
		return nil, false
	}
	return ast.Unparen(spec.Values[i]), true
}

// changed reports whether the package assigns v after its declaration,
// increments it, ranges into it or takes its address.
func (x *Index) changed(v *types.Var) bool {
	for _, use := range x.Uses(v) {
		switch use.ParentEdgeKind() {
		case edge.AssignStmt_Lhs, edge.IncDecStmt_X, edge.RangeStmt_Key, edge.RangeStmt_Value:
			return true
		case edge.UnaryExpr_X:
			if use.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
				return true
			}
		}
	}
	return false
}

// VarSpec returns the declaration of the package-level variable v: its
// var block, its spec, and v's position among the spec's names; false
// when v is not declared at package level in this package.
func (x *Index) VarSpec(v *types.Var) (*ast.GenDecl, *ast.ValueSpec, int, bool) {
	c, ok := x.Def(v)
	if !ok || c.ParentEdgeKind() != edge.ValueSpec_Names {
		return nil, nil, 0, false
	}
	i := c.ParentEdgeIndex()
	spec := c.Parent()
	gd, ok := spec.Parent().Node().(*ast.GenDecl)
	if !ok || gd.Tok != token.VAR || spec.Parent().ParentEdgeKind() != edge.File_Decls {
		return nil, nil, 0, false
	}
	return gd, spec.Node().(*ast.ValueSpec), i, true
}

// Uses returns the cursors of the identifiers that refer to the variable
// (local, package-level or field) v, in source order.
func (x *Index) Uses(v *types.Var) []inspector.Cursor {
	if v == nil {
		return nil
	}
	x.indexIdents()
	return x.uses[v]
}

// UsesIn returns the uses of v inside the node at scope, in source
// order; all of them when scope is the zero cursor.
func (x *Index) UsesIn(scope inspector.Cursor, v *types.Var) []inspector.Cursor {
	all := x.Uses(v)
	if !scope.Valid() {
		return all
	}
	n := scope.Node()
	if n == nil { // the root
		return all
	}
	lo := sort.Search(len(all), func(i int) bool { return all[i].Node().Pos() >= n.Pos() })
	hi := lo
	for hi < len(all) && all[hi].Node().Pos() < n.End() {
		hi++
	}
	return all[lo:hi]
}

func (x *Index) indexCalls() {
	x.callsOnce.Do(func() {
		x.callsOf = map[*types.Func][]inspector.Cursor{}
		for c := range x.Calls() {
			if fn, ok := typeutil.Callee(x.info, c.Node().(*ast.CallExpr)).(*types.Func); ok {
				fn = fn.Origin()
				x.callsOf[fn] = append(x.callsOf[fn], c)
			}
		}
	})
}

// Calls yields every call expression of the package, in source order.
// The inspector already holds them in order, so they are not copied.
func (x *Index) Calls() iter.Seq[inspector.Cursor] {
	return x.in.Root().Preorder((*ast.CallExpr)(nil))
}

// CallsOf returns the calls, in this package and in source order, whose
// static callee is fn (or an instance of the generic fn): a function, or
// a method called on a concrete type or through an interface.
func (x *Index) CallsOf(fn *types.Func) []inspector.Cursor {
	if fn == nil {
		return nil
	}
	x.indexCalls()
	return x.callsOf[fn.Origin()]
}

// Assignment is one value given to a variable or field.
type Assignment struct {
	// Target is the cursor of the expression assigned to: an identifier
	// (x = …, x := …, var x = …, the key of a composite-literal field
	// S{x: …}) or a selector (s.x = …, pkg.X = …).
	Target inspector.Cursor
	// Tok says how: token.ASSIGN, token.DEFINE or an operator assignment
	// (+=, …) for an assignment statement, token.VAR for a var spec and
	// token.COLON for a composite-literal field.
	Tok token.Token
	// Value is the expression assigned, or nil (var x T).
	Value ast.Expr
	// Result is which result of Value the target receives when Value is a
	// multi-valued call or comma-ok expression (x, err := f()); else 0.
	Result int
	// Multi is set when Value gives several targets their values at
	// once (x, err := f()), Result then saying which.
	Multi bool
}

func (x *Index) indexAssignments() {
	x.assignOnce.Do(func() {
		x.assignments = map[*types.Var][]Assignment{}
		add := func(target inspector.Cursor, tok token.Token, value ast.Expr, result int, multi bool) {
			if v := AssignedVar(x.info, target.Node().(ast.Expr)); v != nil {
				a := Assignment{target, tok, value, result, multi}
				x.assignments[v] = append(x.assignments[v], a)
				x.all = append(x.all, a)
			}
		}
		for c := range x.in.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.KeyValueExpr)(nil)) {
			switch n := c.Node().(type) {
			case *ast.AssignStmt:
				for i := range n.Lhs {
					target := c.ChildAt(edge.AssignStmt_Lhs, i)
					switch {
					case len(n.Lhs) == len(n.Rhs):
						add(target, n.Tok, n.Rhs[i], 0, false)
					case len(n.Rhs) == 1:
						add(target, n.Tok, n.Rhs[0], i, true)
					}
				}
			case *ast.ValueSpec:
				for i := range n.Names {
					target := c.ChildAt(edge.ValueSpec_Names, i)
					switch {
					case len(n.Values) == 0:
						add(target, token.VAR, nil, 0, false)
					case len(n.Values) == len(n.Names):
						add(target, token.VAR, n.Values[i], 0, false)
					case len(n.Values) == 1:
						add(target, token.VAR, n.Values[0], i, true)
					}
				}
			case *ast.KeyValueExpr:
				if _, ok := c.Parent().Node().(*ast.CompositeLit); !ok {
					continue
				}
				key, ok := n.Key.(*ast.Ident)
				if !ok {
					continue
				}
				if f, ok := x.info.Uses[key].(*types.Var); ok && f.IsField() {
					add(c.ChildAt(edge.KeyValueExpr_Key, -1), token.COLON, n.Value, 0, false)
				}
			}
		}
	})
}

// Assignments returns every value given to v in this package, in source
// order: assignments and definitions, var specs (with a nil Value for
// var v T), and, for a field, composite-literal keys and assignments
// through a selector (s.f = …). Assignments through a pointer (*p = …),
// an index (a[i] = …), a range clause or a call (&v) are not listed.
func (x *Index) Assignments(v *types.Var) []Assignment {
	if v == nil {
		return nil
	}
	x.indexAssignments()
	return x.assignments[v]
}

// AllAssignments returns every assignment Assignments lists, of every
// variable and field, in source order.
func (x *Index) AllAssignments() []Assignment {
	x.indexAssignments()
	return x.all
}

// AssignedVar returns the variable (local, package or field) an
// assignment target denotes: x, pkg.X, s.f; nil for other targets.
func AssignedVar(info *types.Info, e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.Defs[e].(*types.Var); ok {
			return v
		}
		v, _ := info.Uses[e].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			v, _ := sel.Obj().(*types.Var)
			return v
		}
		v, _ := info.Uses[e.Sel].(*types.Var)
		return v
	}
	return nil
}

func (x *Index) indexDecls() {
	x.declsOnce.Do(func() {
		x.decls = map[*types.Func]inspector.Cursor{}
		for c := range x.in.Root().Children() { // files
			for d := range c.Children() {
				if fd, ok := d.Node().(*ast.FuncDecl); ok && fd.Body != nil {
					if obj, ok := x.info.Defs[fd.Name].(*types.Func); ok {
						x.decls[obj] = d
					}
				}
			}
		}
	})
}

// FuncDecl returns the declaration, with a body, of fn (or of the generic
// function fn instantiates) when it is declared in this package.
func (x *Index) FuncDecl(fn *types.Func) (inspector.Cursor, bool) {
	if fn == nil || fn.Pkg() != x.pkg {
		return inspector.Cursor{}, false
	}
	x.indexDecls()
	c, ok := x.decls[fn.Origin()]
	return c, ok
}

// ParamArgs returns, for the parameter v of a function declared in this
// package, the argument every call of that function passes for v, when
// the package holds all of its calls: the function is unexported or in
// package main (no other package can call it), is never a method (an
// interface could call it), is only ever called directly (never taken as
// a value, which could be called from anywhere), is called at least once,
// and never assigns v (the body sees only what its callers passed). A
// variadic parameter has no single argument: false.
func (x *Index) ParamArgs(v *types.Var) ([]ast.Expr, bool) {
	if v == nil {
		return nil, false
	}
	def, ok := x.Def(v)
	if !ok || def.ParentEdgeKind() != edge.Field_Names {
		return nil, false
	}
	list, ok := def.Parent().Parent().Node().(*ast.FieldList)
	if !ok || def.Parent().Parent().ParentEdgeKind() != edge.FuncType_Params {
		return nil, false
	}
	declCur := def.Parent().Parent().Parent().Parent()
	decl, ok := declCur.Node().(*ast.FuncDecl)
	if !ok || decl.Recv != nil {
		return nil, false
	}
	fn, ok := x.info.Defs[decl.Name].(*types.Func)
	if !ok || (fn.Exported() && x.pkg.Name() != "main") || fn.Signature().Variadic() {
		return nil, false
	}
	pos := paramPosition(list, v, x.info)
	if pos < 0 {
		return nil, false
	}
	calls := x.CallsOf(fn)
	refs := 0
	for range x.usesOfFunc(fn) {
		refs++
	}
	if len(calls) == 0 || refs != len(calls) {
		return nil, false
	}
	args := make([]ast.Expr, 0, len(calls))
	for _, c := range calls {
		call := c.Node().(*ast.CallExpr)
		if id, direct := ast.Unparen(call.Fun).(*ast.Ident); !direct || x.info.Uses[id] != fn || pos >= len(call.Args) {
			return nil, false
		}
		args = append(args, call.Args[pos])
	}
	if x.changed(v) {
		return nil, false
	}
	return args, true
}

// paramPosition returns the index of v among the parameters list
// declares, or -1.
func paramPosition(list *ast.FieldList, v *types.Var, info *types.Info) int {
	i := 0
	for _, field := range list.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if info.Defs[name] == v {
				return i
			}
			i++
		}
	}
	return -1
}

// usesOfFunc yields the identifiers of the package that refer to fn.
func (x *Index) usesOfFunc(fn *types.Func) iter.Seq[*ast.Ident] {
	return func(yield func(*ast.Ident) bool) {
		for c := range x.in.Root().Preorder((*ast.Ident)(nil)) {
			id := c.Node().(*ast.Ident)
			if x.info.Uses[id] == fn && !yield(id) {
				return
			}
		}
	}
}
