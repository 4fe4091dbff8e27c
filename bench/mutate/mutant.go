package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/prodlint/prodlint/analyzers"
)

const (
	statusDetected  = "detected"
	statusElsewhere = "elsewhere" // reported in the package, outside the mutated function
	statusMissed    = "missed"
	statusJudged    = "judged" // undetected, but the mutation left correct code
	statusError     = "error"  // prodlint did not analyze the mutated package
)

type mutant struct {
	ID      string
	Module  string
	Site    *site
	Rel     string // file, relative to the module
	PkgDir  string // package directory, relative to the module
	PkgPath string
	Src     []byte
	Status  string
	Note    string
}

type pkgState struct {
	root    *packages.Package
	sources []source
	dir     string // relative
}

// mutateModule makes, checks and runs the mutants of one module; it also
// returns the number of candidate sites each operator found.
func mutateModule(o options, m module, ops []*operator, prodlint, cfg string) ([]*mutant, map[string]int, error) {
	dir, err := scratchCopy(m, o.Scratch)
	if err != nil {
		return nil, nil, err
	}
	l, err := newLoader(dir)
	if err != nil {
		return nil, nil, err
	}
	nsites := map[string]int{}
	roots := append([]*packages.Package(nil), l.roots...)
	sort.Slice(roots, func(i, j int) bool { return roots[i].PkgPath < roots[j].PkgPath })
	states := map[string]*pkgState{}
	byOp := map[*operator][]*site{}
	sitePkg := map[*site]*pkgState{}
	for _, p := range roots {
		if len(p.GoFiles) == 0 || len(p.Errors) > 0 {
			continue
		}
		rel, err := filepath.Rel(dir, filepath.Dir(p.GoFiles[0]))
		if err != nil || skipDir(rel) {
			continue
		}
		srcs, err := readSources(p)
		if err != nil {
			return nil, nil, err
		}
		c := l.check(p, srcs)
		if len(c.Errs) > 0 {
			continue // prodlint does not analyze it either
		}
		st := &pkgState{root: p, sources: srcs, dir: rel}
		states[p.PkgPath] = st
		for _, s := range scanPackage(c, ops) {
			byOp[s.Op] = append(byOp[s.Op], s)
			sitePkg[s] = st
		}
	}
	// choose and check the mutants
	var muts []*mutant
	ids := map[string]int{}
	for _, op := range ops {
		sites := byOp[op]
		sort.SliceStable(sites, func(i, j int) bool {
			if sites[i].File != sites[j].File {
				return sites[i].File < sites[j].File
			}
			return sites[i].Edits[0].Start < sites[j].Edits[0].Start
		})
		h := fnv.New64a()
		h.Write([]byte(m.Name + "/" + op.Name))
		r := rand.New(rand.NewPCG(o.Seed, h.Sum64()))
		r.Shuffle(len(sites), func(i, j int) { sites[i], sites[j] = sites[j], sites[i] })
		limit := o.Cap
		if op.Cap > 0 {
			limit = min(limit, op.Cap)
		}
		kept, tried := 0, 0
		for _, s := range sites {
			if kept >= limit || tried >= limit*o.Tries {
				break
			}
			tried++
			st := sitePkg[s]
			mu := newMutant(m, dir, st, s, ids)
			if !mu.build(l, st) {
				continue
			}
			muts = append(muts, mu)
			kept++
		}
		nsites[op.Name] = len(sites)
		fmt.Fprintf(os.Stderr, "mutate: %s: %s: %d sites, %d mutants\n", m.Name, op.Name, len(sites), kept)
	}
	if len(muts) == 0 {
		return nil, nsites, nil
	}
	if o.List {
		for _, mu := range muts {
			src := states[mu.PkgPath].sources[mu.Site.FileIdx].Src
			var b strings.Builder
			for _, e := range mu.Site.Edits {
				fmt.Fprintf(&b, "\t%q -> %q", src[e.Start:e.End], strings.ReplaceAll(e.Text, secretPlaceholder, strconv.Quote(fakeKey(mu.ID))))
			}
			fmt.Printf("%s\t%s%s\n", mu.ID, mu.Site.Func, b.String())
		}
		return muts, nsites, nil
	}
	if o.Explain != "" {
		return muts, nsites, explainMutants(o, dir, prodlint, cfg, states, muts)
	}
	return muts, nsites, runMutants(o, m, dir, prodlint, cfg, states, muts, importersOf(l.roots, states, o.Importers))
}

func newMutant(m module, dir string, st *pkgState, s *site, ids map[string]int) *mutant {
	rel, _ := filepath.Rel(dir, s.File)
	rel = filepath.ToSlash(rel)
	id := fmt.Sprintf("%s/%s:%d:%s", m.Name, rel, s.Line, s.Op.Name)
	ids[id]++
	if ids[id] > 1 {
		id = fmt.Sprintf("%s#%d", id, ids[id])
	}
	return &mutant{ID: id, Module: m.Name, Site: s, Rel: rel, PkgDir: st.dir, PkgPath: st.root.PkgPath}
}

// build applies the site's edits, adds the imports they need, repairs the
// unused variables and imports the edit leaves, and keeps the mutant only if
// its package then type-checks.
func (mu *mutant) build(l *loader, st *pkgState) bool {
	src, ok := applySite(st.sources[mu.Site.FileIdx].Src, mu.Site, mu.ID)
	if !ok {
		return false
	}
	for range 8 {
		sources := append([]source(nil), st.sources...)
		sources[mu.Site.FileIdx] = source{Name: sources[mu.Site.FileIdx].Name, Src: src}
		c := l.check(st.root, sources)
		if len(c.Errs) == 0 {
			mu.Src = src
			return true
		}
		e := c.Errs[0]
		if !e.Pos.IsValid() || c.Fset.Position(e.Pos).Filename != sources[mu.Site.FileIdx].Name {
			return false
		}
		fixed, ok := repair(src, c.Fset.Position(e.Pos).Offset, e.Msg)
		if !ok {
			return false
		}
		src = fixed
	}
	return false
}

// applySite applies the site's edits to the original file and adds the
// imports they need; false when the edits overlap or the result does not
// parse.
func applySite(orig []byte, site *site, id string) ([]byte, bool) {
	edits := append([]edit(nil), site.Edits...)
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start > edits[j].Start })
	src := append([]byte(nil), orig...)
	for i, e := range edits {
		if i > 0 && e.End > edits[i-1].Start {
			return nil, false // overlapping edits
		}
		text := strings.ReplaceAll(e.Text, secretPlaceholder, strconv.Quote(fakeKey(id)))
		src = append(src[:e.Start:e.Start], append([]byte(text), src[e.End:]...)...)
	}
	if len(site.Imports) > 0 {
		f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.PackageClauseOnly)
		if err != nil {
			return nil, false
		}
		o := int(f.Name.End()) - 1
		var add strings.Builder
		for _, p := range site.Imports {
			fmt.Fprintf(&add, "\n\nimport %q", p)
		}
		src = append(src[:o:o], append([]byte(add.String()), src[o:]...)...)
	}
	return src, true
}

// repair fixes the compile errors a deletion leaves behind: a variable no
// longer used becomes _, an import no longer used goes.
func repair(src []byte, off int, msg string) ([]byte, bool) {
	switch {
	case strings.HasPrefix(msg, "declared and not used: "):
		name := strings.TrimPrefix(msg, "declared and not used: ")
		if !bytes.HasPrefix(src[off:], []byte(name)) {
			return nil, false
		}
		return splice(src, off, off+len(name), "_"), true
	case strings.HasPrefix(msg, "no new variables on left side of :="):
		i := bytes.Index(src[off:min(len(src), off+300)], []byte(":="))
		if i < 0 {
			return nil, false
		}
		return splice(src, off+i, off+i+2, "="), true
	case strings.Contains(msg, "imported and not used"):
		start := bytes.LastIndexByte(src[:off], '\n') + 1
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			return nil, false
		}
		line := strings.TrimSpace(string(src[start : off+end]))
		if strings.HasPrefix(line, "import (") || strings.HasSuffix(line, "(") {
			return nil, false
		}
		return splice(src, start, off+end+1, ""), true
	}
	return nil, false
}

func splice(src []byte, start, end int, text string) []byte {
	out := append([]byte(nil), src[:start]...)
	out = append(out, text...)
	return append(out, src[end:]...)
}

// fakeKey is an AWS access key id shaped string (a format every secret
// scanner knows), derived from the mutant id: built at run time, never
// committed, and not a real key.
func fakeKey(id string) string {
	h := fnv.New64a()
	h.Write([]byte(id))
	r := rand.New(rand.NewPCG(h.Sum64(), 0x5eed))
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	b := []byte("AKIA")
	for range 16 {
		b = append(b, alphabet[r.IntN(len(alphabet))])
	}
	return string(b)
}

// scratchCopy copies the module into the scratch directory (once per
// version), so that mutants are written into a private copy and never into
// the shared corpus.
func scratchCopy(m module, scratch string) (string, error) {
	dst := filepath.Join(scratch, m.Name)
	want, _ := os.ReadFile(filepath.Join(m.Dir, ".corpus-version"))
	have, _ := os.ReadFile(filepath.Join(dst, ".corpus-version"))
	_, dirty := os.Stat(filepath.Join(dst, ".mutate-dirty"))
	if len(want) > 0 && bytes.Equal(want, have) && dirty != nil {
		return dst, nil
	}
	if err := os.RemoveAll(dst); err != nil {
		return "", err
	}
	if out, err := exec.Command("cp", "-R", m.Dir, dst).CombinedOutput(); err != nil {
		return "", fmt.Errorf("copy %s: %v: %s", m.Dir, err, out)
	}
	return dst, nil
}

type diag struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
}

type finding struct {
	Rule string
	File string // relative to the module
	Line int
}

// prodlintRun runs prodlint -json on the package directories.
func prodlintRun(prodlint, cfg, dir string, pkgDirs []string) ([]finding, string, error) {
	args := []string{"-json", "-config", cfg}
	for _, d := range pkgDirs {
		args = append(args, "./"+filepath.ToSlash(d))
	}
	cmd := exec.Command(prodlint, args...)
	cmd.Dir = dir
	cmd.Env = goEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok && (ee.ExitCode() == 1 || ee.ExitCode() == 3) {
		err = nil
	}
	if err != nil {
		return nil, stderr.String(), fmt.Errorf("prodlint: %v: %s", err, stderr.String())
	}
	var tree map[string]map[string][]diag
	if stdout.Len() > 0 {
		if err := json.Unmarshal(stdout.Bytes(), &tree); err != nil {
			return nil, "", fmt.Errorf("prodlint -json: %v", err)
		}
	}
	var out []finding
	for _, byRule := range tree {
		for rule, ds := range byRule {
			for _, d := range ds {
				file, line, ok := splitPosn(d.Posn)
				if !ok {
					continue
				}
				rel, err := filepath.Rel(dir, file)
				if err != nil {
					continue
				}
				if d.Category != "" {
					rule = d.Category
				}
				out = append(out, finding{Rule: rule, File: filepath.ToSlash(rel), Line: line})
			}
		}
	}
	return out, stderr.String(), nil
}

func splitPosn(p string) (string, int, bool) {
	i := strings.LastIndexByte(p, ':')
	if i < 0 {
		return "", 0, false
	}
	j := strings.LastIndexByte(p[:i], ':')
	if j < 0 {
		return "", 0, false
	}
	line, err := strconv.Atoi(p[j+1 : i])
	return p[:j], line, err == nil
}

type span struct {
	Key        string
	Start, End int
}

func funcSpans(src []byte) []span {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	var out []span
	for fd, k := range funcKeys(f) {
		out = append(out, span{k, fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line})
	}
	_ = ast.IsExported
	return out
}

func funcAt(spans []span, line int) string {
	for _, s := range spans {
		if line >= s.Start && line <= s.End {
			return s.Key
		}
	}
	return ""
}

// counts maps file and function to rule to findings.
type counts map[string]map[string]int

func (c counts) add(file, fn, rule string) {
	k := file + "\x00" + fn
	if c[k] == nil {
		c[k] = map[string]int{}
	}
	c[k][rule]++
}

// runMutants runs the baseline and then rounds of mutants, one per package
// per round, and sets each mutant's status. A mutant its own package does
// not report is run again with the packages of the module that import its
// package (importers, from importersOf): a helper's bug is often reported
// at the handler of another package that calls it, through the facts the
// rules carry across packages; such a finding counts as elsewhere. Only the
// misses pay for the importers' analysis.
func runMutants(o options, m module, dir, prodlint, cfg string, states map[string]*pkgState, muts []*mutant, importers map[string][]string) error {
	origSpans := map[string][]span{}
	spansOf := func(rel string) []span {
		if s, ok := origSpans[rel]; ok {
			return s
		}
		b, _ := os.ReadFile(filepath.Join(dir, rel))
		origSpans[rel] = funcSpans(b)
		return origSpans[rel]
	}
	baseCounts := counts{}
	baseline := func(pkgs []string) error {
		var dirs []string
		for _, p := range pkgs {
			dirs = append(dirs, states[p].dir)
		}
		base, _, err := prodlintRun(prodlint, cfg, dir, dirs)
		if err != nil {
			return err
		}
		for _, f := range base {
			baseCounts.add(f.File, funcAt(spansOf(f.File), f.Line), f.Rule)
		}
		return nil
	}
	// run writes a round's mutants, runs prodlint on their packages and
	// the extra ones, restores the files, and counts the findings of the
	// packages scope gives each mutant, by file and function.
	dirtyMark := filepath.Join(dir, ".mutate-dirty")
	run := func(batch []*mutant, extra []string, scope func(*mutant) map[string]bool) (map[*mutant]counts, string, error) {
		if err := os.WriteFile(dirtyMark, nil, 0o644); err != nil {
			return nil, "", err
		}
		var written []*mutant
		restore := func() error {
			for _, mu := range written {
				st := states[mu.PkgPath]
				if err := os.WriteFile(mu.Site.File, st.sources[mu.Site.FileIdx].Src, 0o644); err != nil {
					return err
				}
			}
			return os.Remove(dirtyMark)
		}
		var bdirs []string
		seen := map[string]bool{}
		for _, mu := range batch {
			if err := os.WriteFile(mu.Site.File, mu.Src, 0o644); err != nil {
				restore()
				return nil, "", err
			}
			written = append(written, mu)
			if !seen[mu.PkgDir] {
				seen[mu.PkgDir] = true
				bdirs = append(bdirs, mu.PkgDir)
			}
		}
		for _, p := range extra {
			if d := states[p].dir; !seen[d] {
				seen[d] = true
				bdirs = append(bdirs, d)
			}
		}
		found, stderr, err := prodlintRun(prodlint, cfg, dir, bdirs)
		if rerr := restore(); rerr != nil {
			return nil, "", rerr
		}
		if err != nil {
			return nil, "", err
		}
		mutated := map[string][]span{}
		for _, mu := range batch {
			mutated[mu.Rel] = funcSpans(mu.Src)
		}
		dirPkg := map[string]string{}
		for p, st := range states {
			dirPkg[filepath.ToSlash(st.dir)] = p
		}
		got := map[*mutant]counts{}
		for _, mu := range batch {
			in := scope(mu)
			c := counts{}
			for _, f := range found {
				if !in[dirPkg[filepath.ToSlash(filepath.Dir(f.File))]] {
					continue
				}
				spans := spansOf(f.File)
				if m, ok := mutated[f.File]; ok {
					spans = m
				}
				c.add(f.File, funcAt(spans, f.Line), f.Rule)
			}
			got[mu] = c
		}
		return got, stderr, nil
	}

	byPkg := map[string][]*mutant{}
	for _, mu := range muts {
		byPkg[mu.PkgPath] = append(byPkg[mu.PkgPath], mu)
	}
	pkgs := sortedKeys(byPkg)
	if err := baseline(pkgs); err != nil {
		return err
	}
	own := func(mu *mutant) map[string]bool { return map[string]bool{mu.PkgPath: true} }
	for round := 0; ; round++ {
		// One round holds, per package, mutants of distinct files and
		// distinct rules, so that no two mutants can meet in one function
		// or one package-wide decision of a rule.
		var batch []*mutant
		for _, p := range pkgs {
			files, rules := map[string]bool{}, map[string]bool{}
			left := byPkg[p][:0]
			for _, mu := range byPkg[p] {
				if files[mu.Rel] || rules[mu.Site.Op.Rule] {
					left = append(left, mu)
					continue
				}
				files[mu.Rel], rules[mu.Site.Op.Rule] = true, true
				batch = append(batch, mu)
			}
			byPkg[p] = left
		}
		if len(batch) == 0 {
			break
		}
		got, stderr, err := run(batch, nil, own)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "mutate: %s: round %d: %d mutants\n", m.Name, round+1, len(batch))
		for _, mu := range batch {
			rule := mu.Site.Op.Rule
			k := mu.Rel + "\x00" + mu.Site.Func
			switch {
			case got[mu][k][rule] > baseCounts[k][rule]:
				mu.Status = statusDetected
			case strings.Contains(stderr, mu.PkgPath+":") || strings.Contains(stderr, mu.PkgPath+" "):
				mu.Status, mu.Note = statusError, firstLine(stderr, mu.PkgPath)
			default:
				mu.Status = statusMissed
				if key, ok := newFinding(got[mu], baseCounts, rule); ok {
					file, fn, _ := strings.Cut(key, "\x00")
					mu.Status, mu.Note = statusElsewhere, "reported in "+file+" "+fn
				}
				if mu.Status == statusMissed && baseCounts[k][rule] > 0 {
					mu.Note = "the function already had a finding of the rule"
				}
			}
		}
	}
	return runImporters(m, muts, importers, baseline, run, baseCounts)
}

// runImporters runs the missed mutants again with the packages that import
// theirs. A round holds, per package, mutants of distinct files and rules,
// and mutants of one rule whose packages and importers are disjoint, so a
// new finding in an importer has one cause.
func runImporters(m module, muts []*mutant, importers map[string][]string, baseline func([]string) error,
	run func([]*mutant, []string, func(*mutant) map[string]bool) (map[*mutant]counts, string, error), baseCounts counts) error {
	var left []*mutant
	need := map[string]bool{}
	crosses := factRules()
	for _, mu := range muts {
		if mu.Status == statusMissed && len(importers[mu.PkgPath]) > 0 && crosses[mu.Site.Op.Rule] {
			left = append(left, mu)
			for _, p := range importers[mu.PkgPath] {
				need[p] = true
			}
		}
	}
	if len(left) == 0 {
		return nil
	}
	// The baseline of the importers not yet run (the mutated packages'
	// own counts are already in baseCounts).
	var extra []string
	for _, p := range sortedKeys(need) {
		if !hasMutants(muts, p) {
			extra = append(extra, p)
		}
	}
	if len(extra) > 0 {
		if err := baseline(extra); err != nil {
			return err
		}
	}
	imp := func(mu *mutant) map[string]bool {
		in := map[string]bool{}
		for _, p := range importers[mu.PkgPath] {
			in[p] = true
		}
		return in
	}
	for round := 0; len(left) > 0; round++ {
		var batch, next []*mutant
		files := map[string]bool{}   // package dir + file
		pkgRule := map[string]bool{} // package + rule
		claimed := map[string]bool{} // rule + package in some mutant's scope
		for _, mu := range left {
			rule := mu.Site.Op.Rule
			scope := append([]string{mu.PkgPath}, importers[mu.PkgPath]...)
			clash := files[mu.Rel] || pkgRule[mu.PkgPath+"\x00"+rule]
			for _, p := range scope {
				clash = clash || claimed[rule+"\x00"+p]
			}
			if clash {
				next = append(next, mu)
				continue
			}
			files[mu.Rel], pkgRule[mu.PkgPath+"\x00"+rule] = true, true
			for _, p := range scope {
				claimed[rule+"\x00"+p] = true
			}
			batch = append(batch, mu)
		}
		var ext []string
		seen := map[string]bool{}
		for _, mu := range batch {
			for _, p := range importers[mu.PkgPath] {
				if !seen[p] {
					seen[p] = true
					ext = append(ext, p)
				}
			}
		}
		got, _, err := run(batch, ext, imp)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "mutate: %s: importers round %d: %d mutants, %d importing packages\n", m.Name, round+1, len(batch), len(ext))
		for _, mu := range batch {
			if key, ok := newFinding(got[mu], baseCounts, mu.Site.Op.Rule); ok {
				file, fn, _ := strings.Cut(key, "\x00")
				mu.Status, mu.Note = statusElsewhere, importerNote+file+" "+fn
			}
		}
		left = next
	}
	return nil
}

// factRules names the rules that read facts of the packages a package
// imports (their own, or those of an analyzer they require): only their
// findings in an importer can change with a mutant of the imported
// package's function bodies.
func factRules() map[string]bool {
	var carries func(a *analysis.Analyzer, seen map[*analysis.Analyzer]bool) bool
	carries = func(a *analysis.Analyzer, seen map[*analysis.Analyzer]bool) bool {
		if seen[a] {
			return false
		}
		seen[a] = true
		if len(a.FactTypes) > 0 {
			return true
		}
		for _, r := range a.Requires {
			if carries(r, seen) {
				return true
			}
		}
		return false
	}
	out := map[string]bool{}
	for _, r := range analyzers.Rules() {
		seen := map[*analysis.Analyzer]bool{}
		out[r.ID] = len(r.FactTypes) > 0
		for _, a := range r.Requires {
			out[r.ID] = out[r.ID] || carries(a, seen)
		}
	}
	return out
}

// importerNote starts the note of a mutant reported in a package that
// imports the mutated one.
const importerNote = "reported in an importing package: "

// newFinding returns a file and function (key) where got has more findings
// of rule than the baseline, the first in key order.
func newFinding(got, base counts, rule string) (string, bool) {
	for _, key := range sortedKeys(got) {
		if got[key][rule] > base[key][rule] {
			return key, true
		}
	}
	return "", false
}

func hasMutants(muts []*mutant, pkg string) bool {
	for _, mu := range muts {
		if mu.PkgPath == pkg {
			return true
		}
	}
	return false
}

// importersOf maps each analyzed package of the module to the analyzed
// packages of the module that import it, directly or (depth > 1, or < 0
// for any depth) through others, sorted; depth 0 maps nothing.
func importersOf(roots []*packages.Package, states map[string]*pkgState, depth int) map[string][]string {
	out := map[string][]string{}
	if depth == 0 {
		return out
	}
	direct := map[string][]string{}
	for _, r := range roots {
		if states[r.PkgPath] == nil {
			continue
		}
		for path := range r.Imports {
			if states[path] != nil && path != r.PkgPath {
				direct[path] = append(direct[path], r.PkgPath)
			}
		}
	}
	for p := range states {
		seen := map[string]bool{p: true}
		frontier := []string{p}
		for d := 0; len(frontier) > 0 && (depth < 0 || d < depth); d++ {
			var next []string
			for _, q := range frontier {
				for _, i := range direct[q] {
					if !seen[i] {
						seen[i] = true
						next = append(next, i)
					}
				}
			}
			frontier = next
		}
		delete(seen, p)
		if len(seen) > 0 {
			out[p] = sortedKeys(seen)
		}
	}
	return out
}

func firstLine(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return strings.TrimSpace(l)
		}
	}
	return ""
}

// explainMutants writes each mutant -explain names, one at a time, runs
// prodlint -explain on its package and prints the quiet forms of the
// mutant's rule on its file, marking those on the mutated line, so that a
// miss can be read without rebuilding it by hand.
func explainMutants(o options, dir, prodlint, cfg string, states map[string]*pkgState, muts []*mutant) error {
	want := map[string]bool{}
	for _, id := range strings.Split(o.Explain, ",") {
		want[strings.TrimSpace(id)] = true
	}
	for _, mu := range muts {
		if !want[mu.ID] {
			continue
		}
		orig := states[mu.PkgPath].sources[mu.Site.FileIdx].Src
		line := mu.Site.Line + 2*len(mu.Site.Imports) // applySite adds each import as two lines after the package clause
		if err := os.WriteFile(mu.Site.File, mu.Src, 0o644); err != nil {
			return err
		}
		cmd := exec.Command(prodlint, "-config", cfg, "-explain", "./"+filepath.ToSlash(mu.PkgDir))
		cmd.Dir = dir
		cmd.Env = append(goEnv(), "PRODLINT_CACHE=off")
		out, _ := cmd.CombinedOutput()
		if err := os.WriteFile(mu.Site.File, orig, 0o644); err != nil {
			return err
		}
		fmt.Printf("== %s (%s, line %d after the edit)\n", mu.ID, mu.Site.Func, line)
		for _, l := range strings.Split(string(out), "\n") {
			if !strings.HasPrefix(l, mu.Rel+":") || !strings.Contains(l, "["+mu.Site.Op.Rule+"]") {
				continue
			}
			if i := strings.Index(l, "quiet: ["); i >= 0 {
				if j := strings.Index(l[i:], ": A "); j >= 0 {
					l = l[:i+j] // the form's name, not its doc
				} else if j := strings.Index(l[i+len("quiet: ["):], ": "); j >= 0 {
					l = l[:i+len("quiet: [")+j]
				}
			}
			mark := "  "
			if strings.HasPrefix(l, fmt.Sprintf("%s:%d:", mu.Rel, line)) {
				mark = "=>"
			}
			fmt.Println(mark, l)
		}
	}
	return nil
}
