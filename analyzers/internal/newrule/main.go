// Command newrule scaffolds a rule: run from the repository root,
//
//	go run ./analyzers/internal/newrule FAMILY ID
//
// (or make newrule FAMILY=... ID=...) writes
//
//	analyzers/FAMILY/ID.go          the rule: constructor, Doc, run (dashes become underscores)
//	analyzers/FAMILY/ID_quiet.go    its table of quiet forms (one placeholder entry)
//	analyzers/FAMILY/ID_test.go     its analysistest
//	analyzers/testdata/src/ID/ID.go a fixture: a positive beside its safe twin, and
//	                                a quietNAME function for each quiet form
//
// adds the constructor to the family's Rules() (creating the family, and
// its line in analyzers/registry.go, when it is new) and lists the rule
// under "New rules" in CHANGELOG.md. The rule it writes builds and passes
// its test: it reports time.Sleep, a placeholder to replace with the
// rule's own check. Then run make generate for the docs and rules.toml.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
)

var (
	idPattern     = regexp.MustCompile(`^[a-z]+(-[a-z0-9]+)*$`)
	familyPattern = regexp.MustCompile(`^[a-z][a-z0-9]*$`)
)

func main() {
	root := flag.String("C", ".", "the repository root")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./analyzers/internal/newrule [-C root] FAMILY ID")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	files, err := scaffold(*root, flag.Arg(0), flag.Arg(1))
	if err != nil {
		fmt.Fprintf(os.Stderr, "newrule: %v\n", err)
		os.Exit(1)
	}
	for _, f := range files {
		fmt.Println(f)
	}
	fmt.Printf("next: write the check and its fixture, then make generate (docs/rules/%s.md, rules.toml) and go test ./analyzers/%s/\n",
		flag.Arg(1), flag.Arg(0))
}

// names are what the templates fill in.
type names struct {
	Family, ID, Ctor, Run, File, Pkg string
}

func newNames(family, id string) names {
	var ctor strings.Builder
	for _, w := range strings.Split(id, "-") {
		ctor.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return names{
		Family: family,
		ID:     id,
		Ctor:   ctor.String(),
		Run:    "run" + ctor.String(),
		File:   strings.ReplaceAll(id, "-", "_"),
		Pkg:    strings.ReplaceAll(id, "-", ""),
	}
}

// scaffold writes the rule's files under root and registers it, and
// returns the paths it wrote or changed.
func scaffold(root, family, id string) ([]string, error) {
	if !familyPattern.MatchString(family) {
		return nil, fmt.Errorf("family %q must be a lower-case Go package name (sqlcheck, httpclient)", family)
	}
	if !idPattern.MatchString(id) {
		return nil, fmt.Errorf("rule id %q must be lower-case words joined by - (sql-select-star)", id)
	}
	n := newNames(family, id)
	famDir := filepath.Join(root, "analyzers", family)
	fixDir := filepath.Join(root, "analyzers", "testdata", "src", id)
	create := map[string]*template.Template{
		filepath.Join(famDir, n.File+".go"):       ruleTmpl,
		filepath.Join(famDir, n.File+"_test.go"):  testTmpl,
		filepath.Join(famDir, n.File+"_quiet.go"): quietTmpl,
		filepath.Join(fixDir, n.Pkg+".go"):        fixtureTmpl,
	}
	for path := range create {
		if _, err := os.Stat(path); err == nil {
			return nil, fmt.Errorf("%s exists: rule %s already scaffolded?", path, id)
		}
	}
	if _, err := os.Stat(fixDir); err == nil {
		return nil, fmt.Errorf("%s exists: fixture directories are named after the rule id", fixDir)
	}
	var written []string
	docGo := filepath.Join(famDir, "doc.go")
	newFamily := false
	if _, err := os.Stat(docGo); errors.Is(err, os.ErrNotExist) {
		newFamily = true
		create[docGo] = familyTmpl
	}
	for path, tmpl := range create {
		if err := writeTemplate(path, tmpl, n); err != nil {
			return nil, err
		}
		written = append(written, path)
	}
	if !newFamily {
		if err := register(docGo, n.Ctor+"()"); err != nil {
			return nil, err
		}
		written = append(written, docGo)
	} else {
		reg := filepath.Join(root, "analyzers", "registry.go")
		if err := registerFamily(reg, family); err != nil {
			return nil, err
		}
		written = append(written, reg)
	}
	changelog := filepath.Join(root, "CHANGELOG.md")
	if err := listInChangelog(changelog, id); err != nil {
		return nil, err
	}
	written = append(written, changelog)
	return written, nil
}

func writeTemplate(path string, tmpl *template.Template, n names) error {
	var b bytes.Buffer
	if err := tmpl.Execute(&b, n); err != nil {
		return err
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, src, 0o644)
}

// register adds call to the []*rule.Rule literal that the family's
// Rules() returns.
func register(docGo, call string) error {
	src, err := os.ReadFile(docGo)
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, docGo, src, 0)
	if err != nil {
		return err
	}
	var lit *ast.CompositeLit
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != "Rules" || fd.Recv != nil || fd.Body == nil {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
				lit, _ = ret.Results[0].(*ast.CompositeLit)
			}
			return lit == nil
		})
	}
	if lit == nil {
		return fmt.Errorf("%s: no Rules() returning a []*rule.Rule literal", docGo)
	}
	at := fset.Position(lit.Rbrace).Offset
	insert := call
	if len(lit.Elts) > 0 {
		last := fset.Position(lit.Elts[len(lit.Elts)-1].End()).Offset
		if fset.Position(lit.Rbrace).Line > fset.Position(lit.Elts[len(lit.Elts)-1].End()).Line {
			at, insert = last+1, "\n"+call+"," // one element per line: the last has its comma
			if src[last] != ',' {
				at, insert = last, ",\n"+call+","
			}
		} else {
			at, insert = last, ", "+call
		}
	}
	return writeFormatted(docGo, splice(src, at, insert))
}

// registerFamily imports a new family in analyzers/registry.go and adds
// its Rules() to the list Rules() walks.
func registerFamily(reg, family string) error {
	src, err := os.ReadFile(reg)
	if err != nil {
		return err
	}
	const ruleImport = "\t\"github.com/prodlint/prodlint/analyzers/internal/rule\"\n"
	i := bytes.Index(src, []byte(ruleImport))
	if i < 0 {
		return fmt.Errorf("%s: cannot find the import of the rule package", reg)
	}
	src = splice(src, i, "\t\"github.com/prodlint/prodlint/analyzers/"+family+"\"\n")
	const list = "families := [][]*rule.Rule{"
	j := bytes.Index(src, []byte(list))
	if j < 0 {
		return fmt.Errorf("%s: cannot find the families list", reg)
	}
	end := bytes.Index(src[j:], []byte("\n\t}\n"))
	if end < 0 {
		return fmt.Errorf("%s: cannot find the end of the families list", reg)
	}
	return writeFormatted(reg, splice(src, j+end, "\n\t\t"+family+".Rules(),"))
}

// listInChangelog adds the rule under the first "### New rules" heading.
func listInChangelog(path, id string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	const heading = "### New rules\n"
	i := bytes.Index(src, []byte(heading))
	if i < 0 {
		return fmt.Errorf("%s: no %q heading", path, strings.TrimSpace(heading))
	}
	at := i + len(heading)
	if bytes.HasPrefix(src[at:], []byte("\n")) {
		at++
	}
	for bytes.HasPrefix(src[at:], []byte("- ")) { // after the last item of the list
		nl := bytes.IndexByte(src[at:], '\n')
		if nl < 0 {
			at = len(src)
			break
		}
		at += nl + 1
	}
	line := "- `" + id + "`: TODO what it reports, in one line\n"
	return os.WriteFile(path, splice(src, at, line), 0o644)
}

func splice(src []byte, at int, s string) []byte {
	out := make([]byte, 0, len(src)+len(s))
	out = append(out, src[:at]...)
	out = append(out, s...)
	return append(out, src[at:]...)
}

func writeFormatted(path string, src []byte) error {
	out, err := format.Source(src)
	if err != nil {
		return fmt.Errorf("%s: after the edit: %v", path, err)
	}
	return os.WriteFile(path, out, 0o644)
}

var ruleTmpl = template.Must(template.New("rule").Parse(`package {{.Family}}

import (
	"go/ast"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// {{.Ctor}} returns the {{.ID}} rule.
//
// TODO: the scaffold reports time.Sleep as a placeholder. Replace the
// check in {{.Run}}, the Doc and the fixture (analyzers/testdata/src/{{.ID}})
// with the rule's own; match APIs by type identity through match and the
// API tables (analyzers/internal/apis), never by import name.
func {{.Ctor}}() *rule.Rule {
	return &rule.Rule{
		ID:       "{{.ID}}",
		Severity: config.SeverityWarning,
		Enabled:  true,
		Imports:  []string{"time"}, // the fast path: packages importing none of these are skipped
		Doc: rule.Doc{
			Title: "report calls of time.Sleep (placeholder)",
			Why:   "TODO: the production failure the rule prevents, in general terms.",
			Bad:   "time.Sleep(time.Second)",
			Good: "select {\ncase <-ctx.Done():\n\treturn ctx.Err()\ncase <-time.After(time.Second):\n}",
			// Scope: only what the quiet-form tables cannot say (what the
			// analysis does not see); the safe forms are in {{.File}}_quiet.go.
		},
		Quiet: rule.Declare(rule.Forms({{.Run}}Quiet)),
		Run:   {{.Run}},
	}
}

func {{.Run}}(p *rule.Pass) error {
	for c := range p.Cursors((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		if !match.IsCallTo(p.TypesInfo, call, "time", "Sleep") || rule.Quiet(p, call, {{.Run}}Quiet, call) {
			continue
		}
		p.Reportf(call, "time.Sleep cannot be cancelled: the goroutine waits out the whole delay after its caller has gone; "+
			"wait in a select on ctx.Done() and time.After")
	}
	return nil
}
`))

var quietTmpl = template.Must(template.New("quiet").Parse(`package {{.Family}}

import (
	"go/ast"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// {{.Run}}Quiet are the safe forms of {{.ID}}: the candidate is the call.
// Each entry is one name, one sentence (the docs are generated from it)
// and a predicate, and has a fixture function quietNAME
// (rule.FixtureFunc) in analyzers/testdata/src/{{.ID}}.
//
// TODO: replace the placeholder entry with the rule's safe forms.
var {{.Run}}Quiet = []rule.QuietForm[*ast.CallExpr]{
	{
		Name:    "literal-zero",
		Doc:     "time.Sleep(0), which only yields the processor.",
		Applies: func(call *ast.CallExpr) bool { return len(call.Args) == 1 && isZeroLiteral(call.Args[0]) },
	},
}

func isZeroLiteral(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	return ok && lit.Value == "0"
}
`))

var testTmpl = template.Must(template.New("test").Parse(`package {{.Family}}_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/{{.Family}}"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

func Test{{.Ctor}}(t *testing.T) {
	a := ruletest.Analyzer(t, "", {{.Family}}.{{.Ctor}}())
	analysistest.Run(t, ruletest.TestData(), a, "{{.ID}}")
}
`))

var fixtureTmpl = template.Must(template.New("fixture").Parse(`// Package {{.Pkg}} holds the cases of {{.ID}}: each positive beside its
// safe twin.
package {{.Pkg}}

import (
	"context"
	"time"
)

func waitBlindly() {
	time.Sleep(time.Second) // want ` + "`" + `\[{{.ID}}\] time.Sleep cannot be cancelled` + "`" + `
}

func quietLiteralZero() {
	time.Sleep(0)
}

func waitOrStop(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(time.Second):
	}
	return nil
}
`))

var familyTmpl = template.Must(template.New("family").Parse(`// Package {{.Family}} holds the {{.Family}} rules.
//
// TODO: what the family is about, and what its rules share.
package {{.Family}}

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the {{.Family}} family.
func Rules() []*rule.Rule {
	return []*rule.Rule{ {{- .Ctor}}()}
}
`))
