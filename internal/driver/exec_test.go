package driver

import (
	"fmt"
	"go/types"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

type visFact struct{ Name string }

func (*visFact) AFact()           {}
func (f *visFact) String() string { return f.Name }

// visAnalyzer exports a fact on every object its package defines and a
// package fact, then reports, per package, which facts it sees: through
// AllObjectFacts, AllPackageFacts and ImportObjectFact on every object the
// package uses.
var visAnalyzer = &analysis.Analyzer{
	Name:      "vis",
	Doc:       "report the facts each package sees",
	FactTypes: []analysis.Fact{new(visFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		if pass.TypesInfo == nil || len(pass.Files) == 0 {
			return nil, nil
		}
		name := func(obj types.Object) string {
			s := obj.Pkg().Path() + "." + obj.Name()
			if f, ok := obj.(*types.Func); ok && f.Signature().Recv() != nil {
				s = obj.Pkg().Path() + "." + types.TypeString(f.Signature().Recv().Type(), nil) + "." + obj.Name()
			}
			return fmt.Sprintf("%s(%T)", s, obj)
		}
		for _, obj := range pass.TypesInfo.Defs {
			if obj != nil && obj.Pkg() == pass.Pkg {
				pass.ExportObjectFact(obj, &visFact{name(obj)})
			}
		}
		pass.ExportPackageFact(&visFact{"pkg " + pass.Pkg.Path()})
		var seen []string
		for _, f := range pass.AllObjectFacts() {
			seen = append(seen, "all "+f.Fact.(*visFact).Name)
		}
		for _, f := range pass.AllPackageFacts() {
			seen = append(seen, "allpkg "+f.Package.Path()+" "+f.Fact.(*visFact).Name)
		}
		for _, obj := range pass.TypesInfo.Uses {
			var f visFact
			if obj.Pkg() != nil && obj.Pkg() != pass.Pkg {
				seen = append(seen, fmt.Sprintf("use %s %v", name(obj), pass.ImportObjectFact(obj, &f)))
			}
		}
		sort.Strings(seen)
		seen = compactStrings(seen)
		pass.Reportf(pass.Files[0].Package, "%s", strings.Join(seen, "\n"))
		return nil, nil
	},
}

func compactStrings(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// TestAnalyzeGraphFactsAsChecker checks that the driver's own executor
// shows each analyzer the facts go/analysis/checker shows it: functions
// that are not methods and variables that are not fields one import edge
// away only, methods, fields, types and constants through any number of
// edges, package facts of every dependency. It also checks that the
// syntax of every package is released once analyzed.
func TestAnalyzeGraphFactsAsChecker(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"a/a.go": `package a

type T struct{ Field int }

func (T) M()      {}
func (*T) P()     {}
func F(p int) T   { return T{Field: p} }
func g()          {}
func Use()        { g() }

var V = 1

const C = 2
`,
		"b/b.go": `package b

import "example.com/m/a"

type X = a.T

func G() a.T { return a.F(1) }

var W a.T

func Use() { _ = a.V; _ = a.C; a.Use() }
`,
		"c/c.go": `package c

import "example.com/m/b"

func H() {
	x := b.G()
	x.M()
	x.P()
	_ = x.Field
	_ = b.W
	b.Use()
}
`,
		"d/d.go": `package d

import (
	"example.com/m/a"
	"example.com/m/b"
)

func K() {
	a.F(2)
	_ = a.V
	_ = a.C
	b.G().M()
}
`,
	})
	load := func() []*packages.Package {
		pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}, "./...")
		if err != nil {
			t.Fatal(err)
		}
		if packages.PrintErrors(pkgs) > 0 {
			t.Fatal("packages do not load")
		}
		return pkgs
	}
	seen := func(diags map[string][]analysis.Diagnostic) map[string]string {
		out := map[string]string{}
		for id, ds := range diags {
			var msgs []string
			for _, d := range ds {
				msgs = append(msgs, d.Message)
			}
			out[id] = strings.Join(msgs, "\n")
		}
		return out
	}

	want := map[string][]analysis.Diagnostic{}
	graph, err := checker.Analyze([]*analysis.Analyzer{visAnalyzer}, load(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("checker: %v", act.Err)
		}
		want[act.Package.ID] = act.Diagnostics
	}

	pkgs := load()
	got := map[string][]analysis.Diagnostic{}
	g, err := analyzeGraph([]*analysis.Analyzer{visAnalyzer}, pkgs, func(*packages.Package) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Fatalf("analyzeGraph: %v", act.Err)
		}
		got[act.Package.ID] = act.Diagnostics
	}
	w, gt := seen(want), seen(got)
	if len(w) != 4 {
		t.Fatalf("checker analyzed %d packages, want 4", len(w))
	}
	for id := range w {
		if w[id] != gt[id] {
			t.Errorf("%s: facts seen differ\nchecker:\n%s\nanalyzeGraph:\n%s", id, w[id], gt[id])
		}
	}
	// The cases the rule distinguishes are all present.
	for _, s := range []string{
		"all example.com/m/a.F(*types.Func)",                         // d imports a: a function one edge away
		"use example.com/m/a.example.com/m/a.T.M(*types.Func) true",  // c: a method two edges away
		"use example.com/m/a.Field(*types.Var) true",                 // c: a field two edges away
		"allpkg example.com/m/a pkg example.com/m/a",                 // c: a package fact two edges away
		"use example.com/m/a.*example.com/m/a.T.P(*types.Func) true", // c: a pointer method
	} {
		if !strings.Contains(gt["example.com/m/c"]+"\n"+gt["example.com/m/d"], s) {
			t.Errorf("no package sees %q:\n%s", s, gt["example.com/m/c"])
		}
	}
	for _, s := range []string{"all example.com/m/a.F(", "all example.com/m/a.V(", "all example.com/m/a.g("} {
		if strings.Contains(gt["example.com/m/c"], s) {
			t.Errorf("c sees %q through b:\n%s", s, gt["example.com/m/c"])
		}
	}
	for _, p := range pkgs {
		if p.Syntax != nil || p.TypesInfo != nil {
			t.Errorf("%s: syntax kept after its analysis", p.ID)
		}
	}
}
