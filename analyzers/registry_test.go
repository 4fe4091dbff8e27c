package analyzers_test

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

var update = flag.Bool("update", false, "rewrite docs/rules and rules.toml from the registry")

var idPattern = regexp.MustCompile(`^[a-z]+(-[a-z0-9]+)*$`)

func TestRegistryDocumentsEveryRule(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range analyzers.Rules() {
		if !idPattern.MatchString(r.ID) {
			t.Errorf("rule id %q is not lower-case words joined by -", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("rule id %q registered twice", r.ID)
		}
		seen[r.ID] = true
		d := r.Doc
		switch {
		case d.Title == "" || d.Why == "" || d.Bad == "" || d.Good == "" || d.Since == "":
			t.Errorf("%s: Doc needs Title, Why, Bad, Good and Since", r.ID)
		case unicode.IsUpper(rune(d.Title[0])) || strings.HasSuffix(d.Title, "."):
			t.Errorf("%s: Title %q must start lower-case and have no final period", r.ID, d.Title)
		case len(d.Title) > 80:
			t.Errorf("%s: Title is %d characters, want at most 80", r.ID, len(d.Title))
		}
		if r.Severity == "" {
			t.Errorf("%s: no default severity", r.ID)
		}
		if r.Run == nil {
			t.Errorf("%s: no Run", r.ID)
		}
		for _, o := range analyzers.RuleOptions(r) {
			if o.Doc == "" {
				t.Errorf("%s: option %s has no doc tag", r.ID, o.Key)
			}
		}
	}
}

func TestNewBuildsFreshValidAnalyzers(t *testing.T) {
	a, b := analyzers.New(analyzers.Options{IgnoreEnv: true}), analyzers.New(analyzers.Options{IgnoreEnv: true})
	if err := analysis.Validate(a); err != nil {
		t.Fatal(err)
	}
	if len(a) != len(analyzers.Rules()) {
		t.Fatalf("New returned %d analyzers for %d rules", len(a), len(analyzers.Rules()))
	}
	for i := range a {
		if a[i] == b[i] {
			t.Errorf("%s: New shares analyzer instances between calls", a[i].Name)
		}
		if a[i].URL == "" || !strings.HasPrefix(a[i].Doc, analyzers.Rules()[i].Doc.Title) {
			t.Errorf("%s: Doc or URL not compiled from the rule's documentation", a[i].Name)
		}
	}
}

// The documented default rules.toml must itself be a valid configuration
// equal to the built-in defaults.
func TestDefaultConfigRoundTrips(t *testing.T) {
	cfg, err := analyzers.ParseConfig("rules.toml", []byte(analyzers.DefaultConfigTOML(analyzers.Rules())))
	if err != nil {
		t.Fatal(err)
	}
	def := analyzers.DefaultConfig()
	for _, r := range analyzers.Rules() {
		got, want := cfg.Rule(r.ID), def.Rule(r.ID)
		// Options are compared as printed: a nil default slice and the
		// empty array the file spells it as are the same setting.
		if got.Enabled != want.Enabled || got.Severity != want.Severity || printed(got.Options) != printed(want.Options) {
			t.Errorf("%s: generated rules.toml gives %+v, defaults are %+v", r.ID, got, want)
		}
	}
}

func printed(opts any) string {
	if opts == nil {
		return ""
	}
	return fmt.Sprintf("%+v", reflect.ValueOf(opts).Elem().Interface())
}

func TestGenerated(t *testing.T) {
	changelog, err := os.ReadFile("../CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	since := analyzers.SinceFromChangelog(changelog)
	rules := analyzers.Rules()
	known := map[string]bool{}
	for _, r := range rules {
		known[r.ID] = true
		if since[r.ID] == "" {
			t.Errorf("CHANGELOG.md lists %s under no \"New rules\" heading", r.ID)
		}
		r.Doc.Since = since[r.ID] // as the regenerated since.go will
	}
	for id := range since {
		if !known[id] {
			t.Errorf("CHANGELOG.md lists %s under \"New rules\", but no rule has that id", id)
		}
	}
	want := map[string]string{
		"../rules.toml":           analyzers.DefaultConfigTOML(rules),
		"../docs/rules/README.md": analyzers.ReferenceMarkdown(rules),
		"since.go":                analyzers.SinceGo(since),
	}
	for _, r := range rules {
		want["../docs/rules/"+r.ID+".md"] = analyzers.RuleMarkdown(r)
	}
	if *update {
		os.MkdirAll("../docs/rules", 0o755)
		old, _ := filepath.Glob("../docs/rules/*.md")
		for _, f := range old {
			if _, ok := want[f]; !ok {
				os.Remove(f)
			}
		}
		for path, content := range want {
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	for path, content := range want {
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Errorf("%s is out of date with the rule registry: run `make generate`", path)
		}
	}
	pages, _ := filepath.Glob("../docs/rules/*.md")
	for _, p := range pages {
		if _, ok := want[p]; !ok {
			t.Errorf("%s documents no registered rule: run `make generate`", p)
		}
	}
}

// TestLayout keeps every rule one findable unit: the rule some-rule is
// declared by its constructor in <family>/some_rule.go, tested in
// <family>/some_rule_test.go (which calls that constructor), and its
// fixtures are in testdata/src/some-rule/; and no file name is used in two
// families except the package convention doc.go (and its doc_test.go).
func TestLayout(t *testing.T) {
	type decl struct{ family, file, ctor string }
	declared := map[string][]decl{} // rule id -> constructors that return it
	names := map[string][]string{}  // file name -> families that have it
	dirs, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "internal" || d.Name() == "testdata" {
			continue
		}
		family := d.Name()
		files, err := filepath.Glob(filepath.Join(family, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			names[filepath.Base(path)] = append(names[filepath.Base(path)], family)
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, fd := range f.Decls {
				fn, ok := fd.(*ast.FuncDecl)
				if !ok || fn.Recv != nil || fn.Body == nil || !returnsRule(fn) {
					continue
				}
				if id, ok := literalID(fn.Body); ok {
					declared[id] = append(declared[id], decl{family, filepath.Base(path), fn.Name.Name})
				}
			}
		}
	}
	for name, families := range names {
		if len(families) > 1 && name != "doc.go" && name != "doc_test.go" {
			t.Errorf("%s is a file of several families (%v): give each a name that says what it holds", name, families)
		}
	}
	for _, r := range analyzers.Rules() {
		if r.ID == rule.DirectiveRuleID {
			continue // the suppression rule belongs to the rule framework itself (internal/rule)
		}
		base := strings.ReplaceAll(r.ID, "-", "_")
		ds := declared[r.ID]
		if len(ds) != 1 {
			t.Errorf("%s: want one constructor returning a rule.Rule with ID %q in a family package, found %v", r.ID, r.ID, ds)
			continue
		}
		d := ds[0]
		if d.file != base+".go" {
			t.Errorf("%s: constructor %s is in %s/%s, want %s/%s.go", r.ID, d.ctor, d.family, d.file, d.family, base)
		}
		test, err := os.ReadFile(filepath.Join(d.family, base+"_test.go"))
		if err != nil {
			t.Errorf("%s: want its tests in %s/%s_test.go: %v", r.ID, d.family, base, err)
		} else if !strings.Contains(string(test), d.family+"."+d.ctor+"(") {
			t.Errorf("%s: %s/%s_test.go does not call %s.%s", r.ID, d.family, base, d.family, d.ctor)
		}
		fixtures, err := filepath.Glob(filepath.Join("testdata", "src", r.ID, "*.go"))
		if err != nil || len(fixtures) == 0 {
			t.Errorf("%s: want its fixtures in testdata/src/%s/ (variants in subdirectories)", r.ID, r.ID)
		}
	}
}

// returnsRule reports whether fn's only result is *rule.Rule.
func returnsRule(fn *ast.FuncDecl) bool {
	res := fn.Type.Results
	if res == nil || len(res.List) != 1 {
		return false
	}
	star, ok := res.List[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "rule" && sel.Sel.Name == "Rule"
}

// literalID returns the string constant of the first ID: key of a
// composite literal in body.
func literalID(body *ast.BlockStmt) (string, bool) {
	var id string
	var found bool
	ast.Inspect(body, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if found || !ok {
			return !found
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "ID" {
			if lit, ok := kv.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				id, found = strings.Trim(lit.Value, "\"`"), true
			}
		}
		return !found
	})
	return id, found
}
