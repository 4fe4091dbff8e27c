package analyzers_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

var formName = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// The doc contract of quiet forms: what keeps a rule quiet is documented
// only from its tables (rule.Doc has no prose for it); every form a rule
// declares has a name and one sentence, the generated documentation lists
// it, and the rule's fixture has a function named after it
// (rule.FixtureFunc) that the form silences, with no finding, in a package that also holds a reported twin
// (the rule's own fixture package, for a form that silences a whole
// package). Where several fixture files declare a function of that name
// (a method such as RoundTrip), one of them must be silenced and clean,
// whatever the order the files are read in.
func TestQuietFormsAreDocumentedAndTested(t *testing.T) {
	for _, r := range analyzers.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			if len(r.Quiet) == 0 {
				if r.ID == rule.DirectiveRuleID {
					// It reports directives, not code: it has no safe
					// forms, and its Scope says what it reports.
					if strings.TrimSpace(r.Doc.Scope) == "" {
						t.Errorf("%s: no quiet forms and no Doc.Scope", r.ID)
					}
					return
				}
				t.Fatalf("%s declares no quiet forms (Rule.Quiet); every rule lists the safe forms it recognises "+
					"in its tables (rule.Collected for those decided while collecting candidates)", r.ID)
			}
			checkQuietDocs(t, r)
			checkQuietFixtures(t, r)
		})
	}
}

func checkQuietDocs(t *testing.T, r *analyzers.Rule) {
	page := analyzers.RuleMarkdown(r)
	help := analyzers.New(analyzers.Options{Rules: []*analyzers.Rule{r}, IgnoreEnv: true})[0].Doc
	seen := map[string]bool{}
	for _, f := range r.Quiet {
		if !formName.MatchString(f.Name) {
			t.Errorf("quiet form %q: want lower-case words joined by -", f.Name)
		}
		if seen[f.Name] {
			t.Errorf("quiet form %q declared twice", f.Name)
		}
		seen[f.Name] = true
		doc := strings.TrimSpace(f.Doc)
		if doc == "" || !strings.HasSuffix(doc, ".") {
			t.Errorf("quiet form %q: want a sentence ending with a period; got %q", f.Name, f.Doc)
		}
		if !strings.Contains(page, "- `"+f.Name+"`: "+doc) {
			t.Errorf("docs/rules/%s.md does not list quiet form %q", r.ID, f.Name)
		}
		if !strings.Contains(help, f.Name+": "+doc) {
			t.Errorf("prodlint help %s does not list quiet form %q", r.ID, f.Name)
		}
	}
}

// fixtureFunc is a function of a rule's fixture: which file and lines.
type fixtureFunc struct {
	pkg        string // the package path under testdata/src
	file       string // absolute
	start, end int
	twin       bool // the file holds a // want comment
}

func checkQuietFixtures(t *testing.T, r *analyzers.Rule) {
	src := filepath.Join(ruletest.TestData(), "src")
	funcs := map[string][]fixtureFunc{}
	named := map[string]bool{}
	for _, f := range r.Quiet {
		named[f.Fixture] = f.Fixture != ""
	}
	err := filepath.WalkDir(filepath.Join(src, r.ID), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, data, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		abs, _ := filepath.Abs(path)
		rel, _ := filepath.Rel(src, filepath.Dir(path))
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && (strings.HasPrefix(fn.Name.Name, "quiet") || named[fn.Name.Name]) {
				funcs[fn.Name.Name] = append(funcs[fn.Name.Name], fixtureFunc{pkg: filepath.ToSlash(rel), file: abs,
					start: fset.Position(fn.Pos()).Line, end: fset.Position(fn.End()).Line,
					twin: strings.Contains(string(data), "// want ")})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A reported twin sits in the fixture's package or, for a form that
	// silences a whole package, in the rule's own fixture package.
	twins := map[string]bool{}
	for _, fns := range funcs {
		for _, fn := range fns {
			twins[fn.pkg] = twins[fn.pkg] || fn.twin
		}
	}
	twinIn := func(pkg string) bool {
		if twins[pkg] {
			return true
		}
		matches, _ := filepath.Glob(filepath.Join(src, pkg, "*.go"))
		for _, m := range matches {
			if data, err := os.ReadFile(m); err == nil && strings.Contains(string(data), "// want ") {
				return true
			}
		}
		return false
	}
	pkgs := map[string]bool{}
	for _, f := range r.Quiet {
		fns := funcs[f.FixtureName()]
		if len(fns) == 0 {
			t.Errorf("quiet form %q: no func %s in testdata/src/%s", f.Name, f.FixtureName(), r.ID)
			continue
		}
		for _, fn := range fns {
			if !twinIn(fn.pkg) && !twinIn(r.ID) {
				t.Errorf("quiet form %q: the package of %s holds no reported twin (// want) beside %s", f.Name, fn.file, f.FixtureName())
			}
			pkgs[fn.pkg] = true
		}
	}
	if t.Failed() {
		return
	}
	// A fixture package whose quiet forms are candidates only under an
	// option (a tier off by default) states it in quiet-options.toml: key
	// lines of the rule's table. The packages run once per set of options
	// (one without the file runs with the defaults), so one rule's forms
	// can be held both by a package of every tier and by one of the
	// default tier.
	byOptions := map[string][]string{}
	for p := range pkgs {
		data, _ := os.ReadFile(filepath.Join(src, p, "quiet-options.toml"))
		byOptions[string(data)] = append(byOptions[string(data)], p)
	}
	var mu sync.Mutex
	var silences []analyzers.Silence
	var results []*analysistest.Result
	for options, patterns := range byOptions {
		a := ruletest.ExplainingWith(t, r, options, func(s rule.Silence) {
			mu.Lock()
			silences = append(silences, s)
			mu.Unlock()
		})
		results = append(results, analysistest.Run(t, ruletest.TestData(), a, patterns...)...)
	}
	declared := map[string]bool{}
	for _, f := range r.Quiet {
		declared[f.Name] = true
	}
	for _, s := range silences {
		if !declared[s.Form.Name] {
			t.Errorf("%s: quiet form %q silenced a candidate but is not in Rule.Quiet", s.Pos, s.Form.Name)
		}
	}
	for _, f := range r.Quiet {
		checkQuietFixture(t, f, funcs[f.FixtureName()], silences, results)
	}
}

// checkQuietFixture wants one of the functions named for form f silenced
// by f (unless f is Unexplained) and free of findings.
func checkQuietFixture(t *testing.T, f rule.Form, fns []fixtureFunc, silences []analyzers.Silence, results []*analysistest.Result) {
	var reported []string
	for _, fn := range fns {
		in := func(file string, line int) bool {
			return sameFile(file, fn.file) && fn.start <= line && line <= fn.end
		}
		// A Collected form is named too (rule.Decided), unless its rule
		// does not record it yet (rule.CollectedUnexplained, whose
		// documentation says so); its fixture must stay quiet either way
		// (checked below).
		silenced := f.Unexplained
		for _, s := range silences {
			silenced = silenced || s.Form.Name == f.Name && in(s.Pos.Filename, s.Pos.Line)
		}
		if !silenced {
			continue
		}
		clean := true
		for _, res := range results {
			for _, d := range res.Diagnostics {
				if p := res.Pass.Fset.Position(d.Pos); in(p.Filename, p.Line) {
					reported = append(reported, fmt.Sprintf("%s: %s", p, d.Message))
					clean = false
				}
			}
		}
		if clean {
			return
		}
	}
	if len(reported) > 0 {
		t.Errorf("%s, the fixture of quiet form %q, is reported: %s", f.FixtureName(), f.Name, strings.Join(reported, "; "))
		return
	}
	var where []string
	for _, fn := range fns {
		where = append(where, fmt.Sprintf("%s:%d", fn.file, fn.start))
	}
	t.Errorf("quiet form %q did not silence a candidate in %s (%s)", f.Name, f.FixtureName(), strings.Join(where, ", "))
}

func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	ea, err1 := filepath.EvalSymlinks(a)
	eb, err2 := filepath.EvalSymlinks(b)
	return err1 == nil && err2 == nil && ea == eb
}
