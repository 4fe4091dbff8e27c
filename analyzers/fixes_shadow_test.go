package analyzers_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/prodlint/prodlint/analyzers"
)

// TestFixesBuildWhateverTheFileShadows runs the fix of every rule that has
// one on variants of its fixtures that shadow each package name the fix
// writes (time, http, os, tls, jwt, ...): a local variable in every
// function, a named result, a package-level variable, the import under
// an alias, a dot import. Each fixed package must type-check ("imported
// and not used" included) and each fixed file stay gofmt-clean. A fix
// that names a package without asking fix.NameAt for a name free at the
// insertion point fails here.
func TestFixesBuildWhateverTheFileShadows(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every fixture three times")
	}
	gopath := t.TempDir()
	if err := copyTree(filepath.Join("testdata", "src"), filepath.Join(gopath, "src")); err != nil {
		t.Fatal(err)
	}
	var fixing []*analyzers.Rule
	var toml strings.Builder // every fixing rule on, as its fixture tests run it
	for _, r := range analyzers.Rules() {
		if r.Doc.Fix != "" {
			fixing = append(fixing, r)
			fmt.Fprintf(&toml, "[rules.%s]\nenabled = true\n", r.ID)
			if r.ID == "goroutine-unbounded" {
				toml.WriteString("all-loops = true\n") // the fixture's loops are not all over request data
			}
			if r.ID == "secret-literal" {
				toml.WriteString("names = true\n") // its fix is for an env-tagged field, by name
			}
			if r.ID == "ctx-background" {
				toml.WriteString("go-statements = true\n") // its fix is for fresh roots in go statements
			}
			if r.ID == "ctx-variant" {
				toml.WriteString("http = true\nnet = true\ncommands = true\nsql-prepare = true\nother-apis = true\n") // every tier's fix
			}
		}
	}
	if len(fixing) < 10 {
		t.Fatalf("only %d rules document a fix", len(fixing))
	}
	cfg, err := analyzers.ParseConfig("rules.toml", []byte(toml.String()))
	if err != nil {
		t.Fatal(err)
	}
	analyzerOf := func(r *analyzers.Rule) *analysis.Analyzer {
		return analyzers.New(analyzers.Options{Config: cfg, Rules: []*analyzers.Rule{r}, IgnoreEnv: true})[0]
	}

	// 1. The fixtures with goldens, and what each rule's fixes write there.
	var fixtures []string
	filepath.WalkDir(filepath.Join(gopath, "src"), func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".go.golden") {
			rel, _ := filepath.Rel(filepath.Join(gopath, "src"), filepath.Dir(path))
			fixtures = append(fixtures, filepath.ToSlash(rel))
		}
		return err
	})
	fixtures = dedupe(fixtures)
	originals := load(t, gopath, fixtures)
	type fileKey struct{ pkg, file string }  // import path, base name
	fixedBy := map[string]map[fileKey]bool{} // rule -> files its fixes edit
	names := map[fileKey]map[string]bool{}   // package names the fixes write in the file
	for _, r := range fixing {
		fixedBy[r.ID] = map[fileKey]bool{}
		for _, d := range diagnostics(t, analyzerOf(r), originals) {
			for _, sf := range d.diag.SuggestedFixes {
				for _, e := range sf.TextEdits {
					file := d.pkg.Fset.File(e.Pos)
					k := fileKey{d.pkg.PkgPath, filepath.Base(file.Name())}
					fixedBy[r.ID][k] = true
					if names[k] == nil {
						names[k] = map[string]bool{}
					}
					for _, m := range qualifier.FindAllStringSubmatch(string(e.NewText), -1) {
						if importsName(d.pkg, file.Name(), m[1]) || importedByFix(sf, m[1]) {
							names[k][m[1]] = true
						}
					}
				}
			}
		}
		if len(fixedBy[r.ID]) == 0 {
			t.Errorf("%s documents a fix but offers none on the fixtures", r.ID)
		}
	}

	// 2. The variants: each is a copy of a fixture package with one file
	// changed, under shadow/vN/<fixture path> so that rules that look at
	// the path see the same one.
	type variant struct {
		path, kind, name string
		key              fileKey
	}
	var variants []variant
	byPath := map[string]*packages.Package{}
	for _, p := range originals {
		byPath[p.PkgPath] = p
	}
	keys := make([]fileKey, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].pkg+keys[i].file < keys[j].pkg+keys[j].file })
	for _, k := range keys {
		pkg := byPath[k.pkg]
		shadows := map[string]map[string]string{"none": {"": readSource(t, pkg, k.file)}}
		for name := range names[k] {
			for kind, src := range shadowVariants(pkg, k.file, name) {
				if shadows[kind] == nil {
					shadows[kind] = map[string]string{}
				}
				shadows[kind][name] = src
			}
		}
		for kind, byName := range shadows {
			for name, src := range byName {
				v := variant{path: fmt.Sprintf("shadow/v%d/%s", len(variants), k.pkg), kind: kind, name: name, key: k}
				writePackage(t, gopath, pkg, v.path, map[string][]byte{k.file: []byte(src)})
				variants = append(variants, v)
			}
		}
	}
	var paths []string
	for _, v := range variants {
		paths = append(paths, v.path)
	}
	loaded := map[string]*packages.Package{}
	for _, p := range loadAll(t, gopath, paths) {
		loaded[p.PkgPath] = p
	}

	// 3. Fix each variant with each rule that fixes its file; the fixed
	// packages go under fixed/<rule>/vN/...
	type outcome struct {
		v    variant
		rule string
		diff string
	}
	fixedPkgs := map[string]outcome{}
	tested := map[string]int{}
	shadowed := map[string]int{}
	for _, r := range fixing {
		var pkgs []*packages.Package
		byVariant := map[string]variant{}
		for _, v := range variants {
			p := loaded[v.path]
			if !fixedBy[r.ID][v.key] || p == nil {
				continue
			}
			if len(p.Errors) > 0 {
				if v.kind == "none" {
					t.Errorf("fixture %s does not build in the copy: %v", v.key.pkg, p.Errors[0])
				}
				continue // the shadow breaks the author's code: no variant to fix
			}
			pkgs = append(pkgs, p)
			byVariant[p.PkgPath] = v
		}
		if len(pkgs) == 0 {
			continue
		}
		files := map[string]map[string][]analysis.SuggestedFix{} // variant -> file -> fixes
		for _, d := range diagnostics(t, analyzerOf(r), pkgs) {
			for _, sf := range d.diag.SuggestedFixes {
				name := d.pkg.Fset.File(sf.TextEdits[0].Pos).Name()
				if files[d.pkg.PkgPath] == nil {
					files[d.pkg.PkgPath] = map[string][]analysis.SuggestedFix{}
				}
				files[d.pkg.PkgPath][name] = append(files[d.pkg.PkgPath][name], sf)
			}
		}
		for _, p := range pkgs {
			v := byVariant[p.PkgPath]
			changed := map[string][]byte{}
			var diff strings.Builder
			for name, fixes := range files[p.PkgPath] {
				src, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				out, ok := applyFixes(p.Fset, src, fixes)
				if !ok {
					continue
				}
				if formatted, err := format.Source(src); err == nil && bytes.Equal(formatted, src) {
					if formatted, err := format.Source(out); err != nil || !bytes.Equal(formatted, out) {
						t.Errorf("%s: the fix of %s, with %s shadowed by %s, leaves %s not gofmt-clean:\n%s", r.ID, v.key.pkg, v.name, v.kind, filepath.Base(name), out)
					}
				}
				changed[filepath.Base(name)] = out
				fmt.Fprintf(&diff, "--- %s\n%s\n", filepath.Base(name), out)
				if v.kind != "none" && aliasImport.Match(out) && !aliasImport.Match(src) {
					shadowed[r.ID]++
				}
			}
			if len(changed) == 0 {
				continue
			}
			path := "fixed/" + strings.ReplaceAll(r.ID, "-", "") + "/" + v.path
			writePackage(t, gopath, p, path, changed)
			fixedPkgs[path] = outcome{v, r.ID, diff.String()}
			tested[r.ID]++
		}
	}
	for _, r := range fixing {
		if tested[r.ID] == 0 {
			t.Errorf("%s: no fixture fix was applied, so its fixes are untested here", r.ID)
		}
		t.Logf("%s: %d fixed variants, %d of them with a name taken that the fix had to import under an alias", r.ID, tested[r.ID], shadowed[r.ID])
	}

	// 4. Every fixed package must type-check.
	paths = paths[:0]
	for p := range fixedPkgs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range loadAll(t, gopath, paths) {
		if len(p.Errors) == 0 {
			continue
		}
		o := fixedPkgs[p.PkgPath]
		var errs []string
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
		t.Errorf("%s: the fix of %s (%s, %s shadowed by %s) does not build:\n  %s\n%s",
			o.rule, o.v.key.pkg, o.v.key.file, o.v.name, o.v.kind, strings.Join(errs, "\n  "), o.diff)
	}
}

// qualifier matches a package-qualified name in fix text: time.Second.
var qualifier = regexp.MustCompile(`\b([a-z][a-z0-9]*)\.[A-Z]`)

// aliasImport matches an aliased import line: timepkg "time".
var aliasImport = regexp.MustCompile(`(?m)^\s*(import\s+)?[a-z][a-z0-9]*\s+"[^"]+"\s*$`)

// importsName reports whether the file of pkg imports a package under name.
func importsName(pkg *packages.Package, filename, name string) bool {
	for _, f := range pkg.Syntax {
		if pkg.Fset.File(f.Pos()).Name() != filename {
			continue
		}
		for _, imp := range f.Imports {
			if pkg.TypesInfo.PkgNameOf(imp) != nil && pkg.TypesInfo.PkgNameOf(imp).Name() == name {
				return true
			}
		}
	}
	return false
}

// importedByFix reports whether the fix adds an import that it names name.
func importedByFix(sf analysis.SuggestedFix, name string) bool {
	for _, e := range sf.TextEdits {
		t := string(e.NewText)
		if strings.Contains(t, `"`) && (strings.Contains(t, "/"+name+`"`) || strings.Contains(t, `"`+name+`"`) || strings.Contains(t, name+` "`)) {
			return true
		}
	}
	return false
}

// shadowVariants returns the source of file in pkg rewritten so that name
// is shadowed in each of the ways a fix must survive, keyed by kind. A
// rewrite that would not apply (no function free of name) is left out;
// one that breaks the author's code is weeded out by type-checking.
func shadowVariants(pkg *packages.Package, base, name string) map[string]string {
	var file *ast.File
	for _, f := range pkg.Syntax {
		if filepath.Base(pkg.Fset.File(f.Pos()).Name()) == base {
			file = f
		}
	}
	src, err := os.ReadFile(pkg.Fset.File(file.Pos()).Name())
	if err != nil {
		return nil
	}
	tf := pkg.Fset.File(file.Pos())
	off := func(p token.Pos) int { return tf.Offset(p) }
	out := map[string]string{}
	add := func(kind string, edits []textEdit) {
		if len(edits) == 0 {
			return
		}
		text := applyText(src, edits)
		if formatted, err := format.Source(text); err == nil {
			out[kind] = string(formatted)
		}
	}
	mentions := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == name {
				found = true
			}
			return !found
		})
		return found
	}

	// A local variable at the top of every function whose body does not
	// mention name, and a named result in every such function (the
	// signature's types are resolved outside the function's scope).
	var locals, results []textEdit
	for _, d := range file.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Body == nil || mentions(fn.Body) || fn.Type.Params != nil && declares(fn.Type.Params, name) {
			continue
		}
		locals = append(locals, textEdit{off(fn.Body.Lbrace) + 1, off(fn.Body.Lbrace) + 1, "\n" + name + " := 0\n_ = " + name + "\n"})
		if res := fn.Type.Results; res != nil && len(res.List) > 0 && len(res.List[0].Names) == 0 {
			var parts []string
			for i, f := range res.List {
				n := "_"
				if i == 0 {
					n = name
				}
				parts = append(parts, n+" "+string(src[off(f.Type.Pos()):off(f.Type.End())]))
			}
			results = append(results, textEdit{off(res.Pos()), off(res.End()), "(" + strings.Join(parts, ", ") + ")"})
		}
	}
	add("local variable", locals)
	add("named result", results)

	// A package-level declaration.
	add("package-level var", []textEdit{{len(src), len(src), "\nvar " + name + " = 0\n"}})

	// The file's import of name under an alias, or as a dot import.
	for _, imp := range file.Imports {
		pn := pkg.TypesInfo.PkgNameOf(imp)
		if pn == nil || pn.Name() != name {
			continue
		}
		var alias, dot []textEdit
		spec := textEdit{off(imp.Pos()), off(imp.Path.Pos()), ""}
		alias = append(alias, textEdit{spec.start, spec.end, "x" + name + " "})
		dot = append(dot, textEdit{spec.start, spec.end, ". "})
		ast.Inspect(file, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && pkg.TypesInfo.Uses[id] == types.Object(pn) {
				alias = append(alias, textEdit{off(id.Pos()), off(id.End()), "x" + name})
				dot = append(dot, textEdit{off(id.Pos()), off(sel.Sel.Pos()), ""})
			}
			return true
		})
		add("alias import", alias)
		add("dot import", dot)
	}
	return out
}

// declares reports whether the field list declares name.
func declares(fields *ast.FieldList, name string) bool {
	for _, f := range fields.List {
		for _, n := range f.Names {
			if n.Name == name {
				return true
			}
		}
	}
	return false
}

type textEdit struct {
	start, end int
	text       string
}

// applyText applies non-overlapping edits to src.
func applyText(src []byte, edits []textEdit) []byte {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.start < last {
			continue
		}
		b.Write(src[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(src[last:])
	return b.Bytes()
}

// applyFixes applies whole fixes to src, skipping a fix whose edits
// overlap the edits of one applied before (identical edits merge); ok
// is false when none applies.
func applyFixes(fset *token.FileSet, src []byte, fixes []analysis.SuggestedFix) ([]byte, bool) {
	var taken []textEdit
	seen := map[textEdit]bool{}
	for _, sf := range fixes {
		var edits []textEdit
		for _, e := range sf.TextEdits {
			tf := fset.File(e.Pos)
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			edits = append(edits, textEdit{tf.Offset(e.Pos), tf.Offset(end), string(e.NewText)})
		}
		conflict := false
		for _, e := range edits {
			for _, o := range taken {
				if e != o && (e.start < o.end && o.start < e.end || e.start == o.start) {
					conflict = true
				}
			}
		}
		if conflict {
			continue
		}
		for _, e := range edits {
			if !seen[e] {
				seen[e] = true
				taken = append(taken, e)
			}
		}
	}
	if len(taken) == 0 {
		return nil, false
	}
	return applyText(src, taken), true
}

type diag struct {
	pkg  *packages.Package
	diag analysis.Diagnostic
}

// diagnostics runs a over pkgs and returns the root diagnostics.
func diagnostics(t *testing.T, a *analysis.Analyzer, pkgs []*packages.Package) []diag {
	t.Helper()
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []diag
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			out = append(out, diag{act.Package, d})
		}
	}
	return out
}

// load loads packages of the GOPATH tree and fails on any error.
func load(t *testing.T, gopath string, paths []string) []*packages.Package {
	t.Helper()
	pkgs := loadAll(t, gopath, paths)
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Fatalf("%s: %v", p.PkgPath, e)
		}
	}
	return pkgs
}

// loadAll loads packages of the GOPATH tree, errors and all.
func loadAll(t *testing.T, gopath string, paths []string) []*packages.Package {
	t.Helper()
	if len(paths) == 0 {
		return nil
	}
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  gopath,
		Env:  append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOWORK=off", "GOFLAGS="),
	}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// readSource returns the source of the file of pkg named base.
func readSource(t *testing.T, pkg *packages.Package, base string) string {
	t.Helper()
	for _, name := range pkg.GoFiles {
		if filepath.Base(name) == base {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		}
	}
	t.Fatalf("%s has no file %s", pkg.PkgPath, base)
	return ""
}

// writePackage copies the Go files of pkg to src/path under gopath, with
// the contents of the files named in replace replaced.
func writePackage(t *testing.T, gopath string, pkg *packages.Package, path string, replace map[string][]byte) {
	t.Helper()
	dir := filepath.Join(gopath, "src", filepath.FromSlash(path))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range pkg.GoFiles {
		data, ok := replace[filepath.Base(name)]
		if !ok {
			var err error
			if data, err = os.ReadFile(name); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// copyTree copies the directory tree from to to.
func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

func dedupe(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
