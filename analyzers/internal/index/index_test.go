package index_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/index"
)

const src = `package p

type S struct{ f int }

var g = 1

func helper(n int) int { return n }

func (s *S) set(n int) { s.f = n }

func two() (int, error) { return 0, nil }

func use() {
	x := helper(g)
	x = helper(x)
	var y int
	s := S{f: x}
	s.f += y
	a, err := two()
	_, _ = a, err
	g = 2
	s.set(1)
	func() { helper(3) }()
}

// block is a var block.
var (
	u, w = 3, 4
)

func assigns(n int) int { n++; return n }

func asValue(n int) int { return n }

var fv = asValue

func Exported(n int) int { return n }

func callers() { _, _, _ = assigns(1), asValue(2), Exported(3) }
`

func load(t *testing.T) (*index.Index, *types.Package, *types.Info) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return index.New(info, pkg, inspector.New([]*ast.File{f})), pkg, info
}

func localVar(t *testing.T, info *types.Info, name string) *types.Var {
	t.Helper()
	for id, obj := range info.Defs {
		if v, ok := obj.(*types.Var); ok && id.Name == name && !v.IsField() && v.Parent() != v.Pkg().Scope() {
			return v
		}
	}
	t.Fatalf("no local %s", name)
	return nil
}

func TestCallsAndDecls(t *testing.T) {
	x, pkg, _ := load(t)
	helper := pkg.Scope().Lookup("helper").(*types.Func)
	if n := len(x.CallsOf(helper)); n != 3 {
		t.Errorf("CallsOf(helper) = %d calls, want 3", n)
	}
	n := 0
	for range x.Calls() {
		n++
	}
	if n != 9 {
		t.Errorf("Calls() = %d, want 9", n)
	}
	if c, ok := x.FuncDecl(helper); !ok || c.Node().(*ast.FuncDecl).Name.Name != "helper" {
		t.Errorf("FuncDecl(helper) = %v, %v", c, ok)
	}
	set, _, _ := types.LookupFieldOrMethod(types.NewPointer(pkg.Scope().Lookup("S").Type()), false, pkg, "set")
	if _, ok := x.FuncDecl(set.(*types.Func)); !ok {
		t.Error("FuncDecl(S.set) not found")
	}
	if n := len(x.CallsOf(set.(*types.Func))); n != 1 {
		t.Errorf("CallsOf(S.set) = %d, want 1", n)
	}
}

func TestAssignments(t *testing.T) {
	x, pkg, info := load(t)
	toks := func(v *types.Var) (out []token.Token) {
		for _, a := range x.Assignments(v) {
			out = append(out, a.Tok)
		}
		return out
	}
	eq := func(name string, got, want []token.Token) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s: assignments %v, want %v", name, got, want)
			return
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: assignments %v, want %v", name, got, want)
			}
		}
	}
	eq("x", toks(localVar(t, info, "x")), []token.Token{token.DEFINE, token.ASSIGN})
	eq("y", toks(localVar(t, info, "y")), []token.Token{token.VAR})
	eq("g", toks(pkg.Scope().Lookup("g").(*types.Var)), []token.Token{token.VAR, token.ASSIGN})
	field := pkg.Scope().Lookup("S").Type().Underlying().(*types.Struct).Field(0)
	eq("S.f", toks(field), []token.Token{token.ASSIGN, token.COLON, token.ADD_ASSIGN})
	errs := x.Assignments(localVar(t, info, "err"))
	if len(errs) != 1 || !errs[0].Multi || errs[0].Result != 1 {
		t.Errorf("err: %+v, want one multi-valued assignment of result 1", errs)
	}
	if y := x.Assignments(localVar(t, info, "y")); y[0].Value != nil {
		t.Errorf("var y int has value %v", y[0].Value)
	}
}

func TestDefsAndUses(t *testing.T) {
	x, _, info := load(t)
	v := localVar(t, info, "x")
	def, ok := x.Def(v)
	if !ok || info.Defs[def.Node().(*ast.Ident)] != v {
		t.Fatalf("Def(x) = %v, %v", def, ok)
	}
	if n := len(x.Uses(v)); n != 3 { // x = helper(x) (both sides), S{f: x}
		t.Errorf("Uses(x) = %d, want 3", n)
	}
	var lit inspector.Cursor
	for c := range x.Inspector().Root().Preorder((*ast.FuncLit)(nil)) {
		lit = c
	}
	if n := len(x.UsesIn(lit, v)); n != 0 {
		t.Errorf("UsesIn(func literal, x) = %d, want 0", n)
	}
}

func TestLocalValue(t *testing.T) {
	x, pkg, info := load(t)
	if _, _, _, ok := x.LocalValue(localVar(t, info, "x")); ok {
		t.Error("LocalValue(x): x is assigned again (x = helper(x)), want no single value")
	}
	if _, _, _, ok := x.LocalValue(localVar(t, info, "y")); ok {
		t.Error("LocalValue(y): var y int has no value, want none")
	}
	if _, _, _, ok := x.LocalValue(pkg.Scope().Lookup("g").(*types.Var)); ok {
		t.Error("LocalValue(g): a package-level variable is not local")
	}
	v, result, multi, ok := x.LocalValue(localVar(t, info, "err"))
	call, isCall := v.(*ast.CallExpr)
	if !ok || !multi || result != 1 || !isCall || call.Fun.(*ast.Ident).Name != "two" {
		t.Errorf("LocalValue(err) = %v, %d, %v, %v; want result 1 of two()", v, result, multi, ok)
	}
	var local *types.Var // use's s, not the receiver s of S.set
	for id, obj := range info.Defs {
		if v, isVar := obj.(*types.Var); isVar && id.Name == "s" {
			if _, isPtr := v.Type().(*types.Pointer); !isPtr {
				local = v
			}
		}
	}
	v, _, multi, ok = x.LocalValue(local)
	if _, isLit := v.(*ast.CompositeLit); !ok || multi || !isLit {
		t.Errorf("LocalValue(s) = %v, %v, %v; want S{f: x}", v, multi, ok)
	}
}

func TestVarSpec(t *testing.T) {
	x, pkg, info := load(t)
	w := pkg.Scope().Lookup("w").(*types.Var)
	gd, vs, i, ok := x.VarSpec(w)
	if !ok || i != 1 || len(vs.Names) != 2 || vs.Names[i].Name != "w" || !gd.Lparen.IsValid() {
		t.Fatalf("VarSpec(w) = %v, %v, %d, %v; want the block's spec, index 1", gd, vs, i, ok)
	}
	if _, vs, i, ok := x.VarSpec(pkg.Scope().Lookup("g").(*types.Var)); !ok || i != 0 || vs.Names[0].Name != "g" {
		t.Errorf("VarSpec(g) = %v, %d, %v", vs, i, ok)
	}
	if _, _, _, ok := x.VarSpec(localVar(t, info, "y")); ok {
		t.Error("VarSpec(local var y) = true, want false: not package level")
	}
}

func TestParamArgs(t *testing.T) {
	x, pkg, _ := load(t)
	param := func(fn string) *types.Var {
		return pkg.Scope().Lookup(fn).(*types.Func).Signature().Params().At(0)
	}
	args, ok := x.ParamArgs(param("helper"))
	if !ok || len(args) != 3 {
		t.Fatalf("ParamArgs(helper's n) = %d args, %v; want the 3 arguments of its calls", len(args), ok)
	}
	for i, want := range []string{"g", "x", "3"} {
		if got := types.ExprString(args[i]); got != want {
			t.Errorf("argument %d = %s, want %s", i, got, want)
		}
	}
	for _, fn := range []string{"assigns", "asValue", "Exported"} {
		if _, ok := x.ParamArgs(param(fn)); ok {
			t.Errorf("ParamArgs(%s's n) is known; want unknown (assigned, taken as a value, or callable from other packages)", fn)
		}
	}
	set, _, _ := types.LookupFieldOrMethod(types.NewPointer(pkg.Scope().Lookup("S").Type()), false, pkg, "set")
	if _, ok := x.ParamArgs(set.(*types.Func).Signature().Params().At(0)); ok {
		t.Error("ParamArgs of a method's parameter is known; want unknown (an interface may call it)")
	}
	if _, ok := x.ParamArgs(nil); ok {
		t.Error("ParamArgs(nil) is known")
	}
}
