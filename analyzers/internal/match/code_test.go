package match_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

const src = `package p

import "strings"

type S struct{ f, g int }

const name = "x" + "y"

var (
	n     = 3 << 2
	on    = true && !false
	ptr   *S
	_, _  = error((nil)), name
	upper = strings.ToUpper(name)
)

func f(xs []int, s *S) {
	for range xs {
		func() {
			for i := 0; i < 2; i++ {
				_ = s.f + i
			}
			var sb strings.Builder
			_ = sb.String()
		}()
	}
}
`

func load(t *testing.T) (*ast.File, *types.Info, *inspector.Inspector) {
	t.Helper()
	f, info, _ := checkWith(t, src, importer.Default())
	return f, info, inspector.New([]*ast.File{f})
}

// values returns the initializers of the package's var block by name.
func values(f *ast.File) map[string]ast.Expr {
	out := map[string]ast.Expr{}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if i < len(vs.Values) {
						key := id.Name
						if key == "_" {
							key = []string{"nil", "name"}[i]
						}
						out[key] = vs.Values[i]
					}
				}
			}
		}
	}
	return out
}

func TestConstants(t *testing.T) {
	f, info, _ := load(t)
	v := values(f)
	if n, ok := match.ConstInt(info, v["n"]); !ok || n != 12 {
		t.Errorf("ConstInt(3 << 2) = %d, %v", n, ok)
	}
	if _, ok := match.ConstInt(info, v["name"]); ok {
		t.Error("ConstInt of a string constant")
	}
	if s, ok := match.ConstString(info, v["name"]); !ok || s != "xy" {
		t.Errorf("ConstString(name) = %q, %v", s, ok)
	}
	if _, ok := match.ConstString(info, v["upper"]); ok {
		t.Error("ConstString of a call")
	}
	if !match.IsConstTrue(info, v["on"]) || match.IsConstTrue(info, v["n"]) {
		t.Error("IsConstTrue")
	}
	if !match.IsNil(info, v["nil"].(*ast.CallExpr).Args[0]) || match.IsNil(info, v["name"]) {
		t.Error("IsNil")
	}
	if !match.HasCall(v["upper"]) || match.HasCall(v["n"]) {
		t.Error("HasCall")
	}
	if !match.IsBlank(ast.NewIdent("_")) || match.IsBlank(ast.NewIdent("x")) {
		t.Error("IsBlank")
	}
}

func TestLoopsAndFunctions(t *testing.T) {
	_, info, in := load(t)
	var use inspector.Cursor
	for c := range in.Root().Preorder((*ast.SelectorExpr)(nil)) {
		if c.Node().(*ast.SelectorExpr).Sel.Name == "f" {
			use = c
		}
	}
	loops := match.EnclosingLoops(use)
	if len(loops) != 1 {
		t.Fatalf("EnclosingLoops = %d loops, want 1 (the literal starts afresh)", len(loops))
	}
	if _, ok := loops[0].Node().(*ast.ForStmt); !ok || !match.InLoop(use) {
		t.Errorf("innermost loop is %T", loops[0].Node())
	}
	if match.LoopBody(loops[0].Node()) == nil {
		t.Error("LoopBody(for) = nil")
	}
	if fd, ok := match.OutermostFunc(use).Node().(*ast.FuncDecl); !ok || fd.Name.Name != "f" {
		t.Error("OutermostFunc is not f")
	}
	if fn := match.DeclaredFunc(info, use); fn == nil || fn.Name() != "f" {
		t.Errorf("DeclaredFunc = %v", fn)
	}
	field := match.FieldSelection(info, use.Node().(*ast.SelectorExpr))
	if field == nil || field.Name() != "f" {
		t.Fatalf("FieldSelection(s.f) = %v", field)
	}
	if match.FieldSelection(info, ast.NewIdent("s")) != nil {
		t.Error("FieldSelection of an identifier")
	}
	if !match.IsFieldOf(field, "p", "S") || !match.IsFieldOf(field, "p", "S", "f") || match.IsFieldOf(field, "p", "S", "g") {
		t.Error("IsFieldOf")
	}
}

func TestAPIName(t *testing.T) {
	_, info, in := load(t)
	want := map[string][2]string{
		"ToUpper": {"strings.ToUpper", "ToUpper"},
		"String":  {"strings.Builder.String", "Builder.String"},
	}
	seen := 0
	for c := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		fn := match.Callee(info, c.Node().(*ast.CallExpr))
		if fn == nil {
			continue
		}
		w, ok := want[fn.Name()]
		if !ok {
			continue
		}
		seen++
		if got := match.APIName(fn, nil); got != w[0] {
			t.Errorf("APIName = %q, want %q", got, w[0])
		}
		if got := match.APIName(fn, fn.Pkg()); got != w[1] {
			t.Errorf("APIName in its own package = %q, want %q", got, w[1])
		}
	}
	if seen != 2 {
		t.Errorf("saw %d calls, want 2", seen)
	}
}

func TestArgumentOf(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "a.go", `package p
func g() {
	h(1, &((x)))
	h((y))
	_ = -z
}`, 0)
	if err != nil {
		t.Fatal(err)
	}
	in := inspector.New([]*ast.File{f})
	idents := map[string]inspector.Cursor{}
	for c := range in.Root().Preorder((*ast.Ident)(nil)) {
		idents[c.Node().(*ast.Ident).Name] = c
	}
	if call, i, ok := match.ArgumentOf(idents["x"]); !ok || i != 1 || call.Node().(*ast.CallExpr).Fun.(*ast.Ident).Name != "h" {
		t.Errorf("ArgumentOf(x in h(1, &((x)))) = %v, %d, %v; want h, 1", call, i, ok)
	}
	if _, i, ok := match.ArgumentOf(idents["y"]); !ok || i != 0 {
		t.Errorf("ArgumentOf(y in h((y))) = %d, %v; want 0", i, ok)
	}
	if _, _, ok := match.ArgumentOf(idents["z"]); ok {
		t.Error("ArgumentOf(z in -z) = true, want false: not an argument")
	}
}

func TestIsBuiltin(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "b.go", `package p
func g(xs []int) int {
	a := len(xs)
	{
		len := func([]int) int { return 0 }
		a += len(xs)
	}
	return a
}`, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	var got []bool
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			got = append(got, match.IsBuiltin(info, call.Fun, "len"))
		}
		return true
	})
	if len(got) != 2 || !got[0] || got[1] {
		t.Errorf("IsBuiltin(len) over len(xs), shadowed len(xs) = %v, want [true false]", got)
	}
}

func TestIsNotNilTest(t *testing.T) {
	const src = `package q

var err, other error

var (
	a = err != nil
	b = nil != err
	c = err == nil
	d = other != nil
	e = err != other
)
`
	f, info, pkg := check(t, src)
	errVar := pkg.Scope().Lookup("err").(*types.Var)
	for name, want := range map[string]bool{"a": true, "b": true, "c": false, "d": false, "e": false} {
		if got := match.IsNotNilTest(info, values(f)[name], errVar); got != want {
			t.Errorf("IsNotNilTest(%s) = %v, want %v", name, got, want)
		}
	}
	if match.IsNotNilTest(info, values(f)["a"], nil) {
		t.Error("IsNotNilTest with no variable")
	}
}

func TestStmtList(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "s.go", `package p
func g(x int, c chan int) {
	a := 1
	switch x {
	case 1:
		a++
		a++
	}
	select {
	case <-c:
		a--
	}
	_ = a
}`, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause, *ast.SwitchStmt:
			got = append(got, len(match.StmtList(n)))
		}
		return true
	})
	// the body (4), the switch (not a list: 0), its body block (1 clause),
	// the case (2), the select's body block (1 clause), the comm clause (1)
	want := []int{4, 0, 1, 2, 1, 1}
	if !slices.Equal(got, want) {
		t.Errorf("StmtList lengths = %v, want %v", got, want)
	}
}

func TestNeverTrue(t *testing.T) {
	const src = `package q

type R struct{ StatusCode int; In *R }

var r, o R
var n int

func next() int { n++; return n }

var (
	apart     = r.StatusCode < 200 && r.StatusCode > 299
	flipped   = 200 > r.StatusCode && (299 < r.StatusCode)
	touching  = r.StatusCode >= 200 && r.StatusCode <= 200
	equals    = n == 1 && n == 2
	deep      = r.In.StatusCode <= 0 && r.In.StatusCode >= 1
	either    = r.StatusCode < 200 || r.StatusCode > 299
	inRange   = r.StatusCode >= 200 && r.StatusCode < 300
	twoValues = r.StatusCode < 200 && o.StatusCode > 299
	called    = n < 1 && next() > 0 && n > 5
	notEqual  = n != 1 && n == 1
)
`
	f, info, _ := check(t, src)
	for name, want := range map[string]bool{
		"apart": true, "flipped": true, "touching": false, "equals": true, "deep": true,
		"either": false, "inRange": false, "twoValues": false, "called": false, "notEqual": false,
	} {
		if got := match.NeverTrue(info, values(f)[name]); got != want {
			t.Errorf("NeverTrue(%s) = %v, want %v", name, got, want)
		}
	}
}

// check parses and type-checks src, a package with no imports.
func check(t *testing.T, src string) (*ast.File, *types.Info, *types.Package) {
	t.Helper()
	return checkWith(t, src, nil)
}

// checkWith parses and type-checks src with imp for its imports.
func checkWith(t *testing.T, src string, imp types.Importer) (*ast.File, *types.Info, *types.Package) {
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
	}
	pkg, err := (&types.Config{Importer: imp}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return f, info, pkg
}
