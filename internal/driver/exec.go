package driver

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"log"
	"net/url"
	"os"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// The standalone driver runs the analyzers itself instead of through
// golang.org/x/tools/go/analysis/checker, with the same graph (one action
// per analyzer and package, an analyzer with facts run on every import),
// the same order of roots and the same pass, and four differences that
// bound the run's memory:
//
//   - type-checking is a step of the same schedule: a package is parsed
//     and checked once its imports are, and its analyzers run right after
//     (the last ready step runs first), instead of the whole module being
//     type-checked, and held, before the first analyzer runs;
//   - a fixed pool of one worker per core runs the actions whose
//     prerequisites are done; the checker starts a goroutine per edge of
//     the graph, tens of thousands on a mid-size module, each with its own
//     stack;
//   - once every action on a package is done, the package's syntax, its
//     types.Info and the results of its analyzers (inspector, index,
//     summaries) are released: nothing else reads them. Its types and its
//     facts stay, for its importers;
//   - a fact lives only in the action of the package that exported it;
//     an importer looks it up there, with the checker's visibility rule,
//     instead of copying every fact of every dependency into each action.

// action is the application of one analyzer to one package.
type action struct {
	Analyzer    *analysis.Analyzer
	Package     *packages.Package
	IsRoot      bool
	Deps        []*action
	Err         error
	Diagnostics []analysis.Diagnostic

	g        *analysisGraph
	load     *packages.Package // a type-check node (no analyzer): p's loading
	result   any
	rdeps    []*action // actions that wait for this one
	pending  int       // prerequisites not done yet (guarded by g.mu)
	exporter bool      // Run is in progress: the pass may export facts

	objectFacts  map[objectFactKey]analysis.Fact // facts on this package's objects
	packageFacts map[reflect.Type]analysis.Fact  // facts on this package
}

func (act *action) String() string {
	return fmt.Sprintf("%s@%s", act.Analyzer, act.Package)
}

type objectFactKey struct {
	obj types.Object
	typ reflect.Type
}

type factOwner struct {
	a   *analysis.Analyzer
	pkg *types.Package
}

// analysisGraph is the run's actions: Roots holds one per analyzer and
// package given, analyzers outermost, as checker.Analyze orders them.
type analysisGraph struct {
	Roots []*action
	all   []*action
	// owners finds the action that holds the facts an analyzer exported
	// about a package, once the package is type-checked.
	ownersMu sync.RWMutex
	owners   map[factOwner]*action
	// funcs holds, for each root package, the functions declared in it,
	// taken before its syntax is released (findings name them).
	funcs map[*packages.Package]*funcIndex

	mu    sync.Mutex
	left  map[*packages.Package]int // actions on the package not done yet
	byPkg map[*packages.Package][]*action
	// hidden holds the packages given to analyze that do not load: their
	// analyzers run without syntax, as on an opaque dependency.
	hidden map[*packages.Package]bool
	ready  []*action // last in, first out: finish started packages first
	cond   *sync.Cond
	todo   int // actions not done yet
}

// loader type-checks one package whose imports are checked, and returns
// whether the package is analyzed with its syntax (false for a package
// given to analyze that does not load or type-check: its analyzers then
// run on it as on a dependency outside the module, without syntax).
type loader func(p *packages.Package) bool

// analyzeGraph runs analyzers on pkgs and returns the graph with every
// action done. Every package reachable from pkgs is type-checked by load,
// in dependency order and interleaved with the analysis, so that only the
// packages in flight hold their syntax.
func analyzeGraph(analyzers []*analysis.Analyzer, pkgs []*packages.Package, load loader) (*analysisGraph, error) {
	if err := analysis.Validate(analyzers); err != nil {
		return nil, err
	}
	g := &analysisGraph{
		owners: map[factOwner]*action{},
		funcs:  map[*packages.Package]*funcIndex{},
		left:   map[*packages.Package]int{},
		byPkg:  map[*packages.Package][]*action{},
		hidden: map[*packages.Package]bool{},
	}
	g.cond = sync.NewCond(&g.mu)
	type key struct {
		a   *analysis.Analyzer
		pkg *packages.Package
	}
	actions := map[key]*action{}
	var mk func(a *analysis.Analyzer, pkg *packages.Package) *action
	mk = func(a *analysis.Analyzer, pkg *packages.Package) *action {
		k := key{a, pkg}
		if act, ok := actions[k]; ok {
			return act
		}
		act := &action{Analyzer: a, Package: pkg, g: g}
		for _, req := range a.Requires {
			act.Deps = append(act.Deps, mk(req, pkg))
		}
		if len(a.FactTypes) > 0 {
			paths := make([]string, 0, len(pkg.Imports))
			for path := range pkg.Imports {
				paths = append(paths, path)
			}
			sort.Strings(paths)
			for _, path := range paths {
				act.Deps = append(act.Deps, mk(a, pkg.Imports[path]))
			}
		}
		actions[k] = act
		g.all = append(g.all, act)
		g.left[pkg]++
		g.byPkg[pkg] = append(g.byPkg[pkg], act)
		return act
	}
	for _, a := range analyzers {
		for _, pkg := range pkgs {
			root := mk(a, pkg)
			root.IsRoot = true
			g.Roots = append(g.Roots, root)
		}
	}
	isRootPkg := map[*packages.Package]bool{}
	for _, p := range pkgs {
		isRootPkg[p] = true
	}
	nodes := g.all
	{
		// One node per package to type-check, after its imports' nodes
		// and before every action on it.
		loads := map[*packages.Package]*action{}
		var mkLoad func(p *packages.Package) *action
		mkLoad = func(p *packages.Package) *action {
			if n, ok := loads[p]; ok {
				return n
			}
			n := &action{load: p, Package: p, g: g}
			loads[p] = n
			for _, imp := range p.Imports {
				d := mkLoad(imp)
				d.rdeps = append(d.rdeps, n)
				n.pending++
			}
			nodes = append(nodes, n)
			return n
		}
		for _, p := range pkgs {
			mkLoad(p)
		}
		for _, act := range g.all {
			n := mkLoad(act.Package)
			n.rdeps = append(n.rdeps, act)
			act.pending++
		}
	}
	for _, act := range g.all {
		act.pending += len(act.Deps)
		for _, dep := range act.Deps {
			dep.rdeps = append(dep.rdeps, act)
		}
	}
	for _, n := range nodes {
		if n.pending == 0 {
			g.ready = append(g.ready, n)
		}
	}
	g.todo = len(nodes)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(nodes), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				g.mu.Lock()
				for len(g.ready) == 0 && g.todo > 0 {
					g.cond.Wait()
				}
				if g.todo == 0 {
					g.mu.Unlock()
					return
				}
				act := g.ready[len(g.ready)-1]
				g.ready = g.ready[:len(g.ready)-1]
				g.mu.Unlock()

				if act.load != nil {
					ok := load(act.load)
					g.mu.Lock()
					if !ok {
						g.hidden[act.load] = true
					}
					g.mu.Unlock()
					g.addOwners(act.load)
				} else {
					act.exec()
				}

				g.mu.Lock()
				for _, r := range act.rdeps {
					if r.pending--; r.pending == 0 {
						g.ready = append(g.ready, r)
					}
				}
				g.todo--
				release := false
				if act.load == nil {
					g.left[act.Package]--
				}
				if g.left[act.Package] == 0 {
					release = true // also a package that no analyzer visits
				}
				g.cond.Broadcast()
				g.mu.Unlock()
				if release {
					g.release(act.Package, isRootPkg[act.Package])
				}
			}
		}()
	}
	wg.Wait()
	return g, nil
}

// release drops what no action needs once every action on p is done: its
// syntax and types.Info, and its analyzers' results. Its types and facts
// stay for its importers (their actions are done only later). A root
// package keeps an index of its functions for the findings.
func (g *analysisGraph) release(p *packages.Package, root bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if root && slices.ContainsFunc(g.byPkg[p], func(act *action) bool { return len(act.Diagnostics) > 0 }) {
		g.funcs[p] = newFuncIndex(p)
	}
	p.Syntax = nil
	p.TypesInfo = nil
	for _, act := range g.byPkg[p] {
		act.result = nil
	}
	delete(g.byPkg, p)
}

// addOwners records the fact actions on p, which is type-checked.
func (g *analysisGraph) addOwners(p *packages.Package) {
	if p.Types == nil {
		return
	}
	g.mu.Lock()
	acts := slices.Clone(g.byPkg[p])
	g.mu.Unlock()
	g.ownersMu.Lock()
	defer g.ownersMu.Unlock()
	for _, act := range acts {
		if len(act.Analyzer.FactTypes) > 0 {
			g.owners[factOwner{act.Analyzer, p.Types}] = act
		}
	}
}

// owner returns the action of analyzer a on the package pkg, if any.
func (g *analysisGraph) owner(a *analysis.Analyzer, pkg *types.Package) *action {
	g.ownersMu.RLock()
	defer g.ownersMu.RUnlock()
	return g.owners[factOwner{a, pkg}]
}

// keepRoots keeps the roots on the given packages: the others did not
// load, and their actions ran only for their importers.
func (g *analysisGraph) keepRoots(pkgs []*packages.Package) {
	keep := map[*packages.Package]bool{}
	for _, p := range pkgs {
		keep[p] = true
	}
	roots := g.Roots[:0]
	for _, act := range g.Roots {
		if keep[act.Package] {
			roots = append(roots, act)
		} else {
			act.IsRoot = false
		}
	}
	g.Roots = roots
}

// All returns every action of the graph (roots and their prerequisites).
func (g *analysisGraph) All() []*action { return g.all }

func (act *action) exec() {
	var failed []string
	for _, dep := range act.Deps {
		if dep.Err != nil {
			failed = append(failed, dep.String())
		}
	}
	if failed != nil {
		sort.Strings(failed)
		act.Err = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
		return
	}
	inputs := map[*analysis.Analyzer]any{}
	for _, dep := range act.Deps {
		if dep.Package == act.Package {
			inputs[dep.Analyzer] = dep.result
		}
	}
	pkg := act.Package
	if pkg.Errors == nil {
		if pkg.Name == "" || pkg.PkgPath == "" || pkg.Types == nil || pkg.Fset == nil || pkg.TypesSizes == nil {
			panic("packages must be loaded with packages.LoadSyntax mode")
		}
	}
	module := &analysis.Module{}
	if mod := pkg.Module; mod != nil {
		module = analysisModule(mod)
	}
	act.g.mu.Lock()
	hidden := act.g.hidden[pkg]
	act.g.mu.Unlock()
	act.objectFacts = map[objectFactKey]analysis.Fact{}
	act.packageFacts = map[reflect.Type]analysis.Fact{}
	pass := &analysis.Pass{
		Analyzer:     act.Analyzer,
		Fset:         pkg.Fset,
		Files:        pkg.Syntax,
		OtherFiles:   pkg.OtherFiles,
		IgnoredFiles: pkg.IgnoredFiles,
		Pkg:          pkg.Types,
		TypesInfo:    pkg.TypesInfo,
		TypesSizes:   pkg.TypesSizes,
		TypeErrors:   pkg.TypeErrors,
		Module:       module,
		ResultOf:     inputs,
		Report: func(d analysis.Diagnostic) {
			if err := validateFixes(pkg.Fset, act.Analyzer, d.SuggestedFixes); err != nil {
				panic(err)
			}
			act.Diagnostics = append(act.Diagnostics, d)
		},
		ImportObjectFact:  act.objectFact,
		ExportObjectFact:  act.exportObjectFact,
		ImportPackageFact: act.packageFact,
		ExportPackageFact: act.exportPackageFact,
		AllObjectFacts:    act.allObjectFacts,
		AllPackageFacts:   act.allPackageFacts,
	}
	pass.ReadFile = func(filename string) ([]byte, error) {
		if err := checkReadable(pass, filename); err != nil {
			return nil, err
		}
		return os.ReadFile(filename)
	}
	act.exporter = true
	act.result, act.Err = func() (any, error) {
		if pkg.IllTyped && !hidden && !act.Analyzer.RunDespiteErrors {
			return nil, fmt.Errorf("analysis skipped due to errors in package")
		}
		result, err := act.Analyzer.Run(pass)
		if err != nil {
			return nil, err
		}
		if got, want := reflect.TypeOf(result), act.Analyzer.ResultType; got != want {
			return nil, fmt.Errorf(
				"internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v",
				pass.Pkg.Path(), pass.Analyzer, got, want)
		}
		for i := range act.Diagnostics {
			url, err := resolveURL(act.Analyzer, act.Diagnostics[i])
			if err != nil {
				return nil, err
			}
			act.Diagnostics[i].URL = url
		}
		return result, nil
	}()
	act.exporter = false
}

// visibleFrom reports whether a fact an analyzer exported about obj, in
// package from, reaches an importer, where direct says whether the
// importer imports from itself. It is the rule the checker applies when
// it copies facts one import edge at a time: at each edge, functions that
// are not methods must be exported by the package of that edge and
// variables that are not fields must belong to it; methods, fields, types
// and constants pass every edge.
func visibleFrom(obj types.Object, from *types.Package, direct bool) bool {
	switch obj := obj.(type) {
	case *types.Func:
		if obj.Signature().Recv() != nil {
			return true
		}
		return direct && obj.Exported() && obj.Pkg() == from
	case *types.Var:
		if obj.IsField() {
			return true
		}
		return direct && obj.Pkg() == from
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}

// imports reports whether p imports the package q directly.
func imports(p *packages.Package, q *types.Package) bool {
	for _, imp := range p.Imports {
		if imp.Types == q {
			return true
		}
	}
	return false
}

func (act *action) objectFact(obj types.Object, ptr analysis.Fact) bool {
	if obj == nil {
		panic("nil object")
	}
	key := objectFactKey{obj, factType(ptr)}
	facts := act.objectFacts
	if from := obj.Pkg(); from != act.Package.Types {
		owner := act.g.owner(act.Analyzer, from)
		if owner == nil || owner == act || !visibleFrom(obj, from, imports(act.Package, from)) {
			return false
		}
		facts = owner.objectFacts
	}
	if v, ok := facts[key]; ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		return true
	}
	return false
}

func (act *action) exportObjectFact(obj types.Object, fact analysis.Fact) {
	if !act.exporter {
		log.Panicf("%s: Pass.ExportObjectFact(%s, %T) called after Run", act, obj, fact)
	}
	if obj.Pkg() != act.Package.Types {
		log.Panicf("internal error: in analysis %s of package %s: Fact.Set(%s, %T): can't set facts on objects belonging another package",
			act.Analyzer, act.Package, obj, fact)
	}
	act.objectFacts[objectFactKey{obj, factType(fact)}] = fact
}

func (act *action) packageFact(pkg *types.Package, ptr analysis.Fact) bool {
	if pkg == nil {
		panic("nil package")
	}
	facts := act.packageFacts
	if pkg != act.Package.Types {
		owner := act.g.owner(act.Analyzer, pkg)
		if owner == nil || owner == act {
			return false
		}
		facts = owner.packageFacts
	}
	if v, ok := facts[factType(ptr)]; ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		return true
	}
	return false
}

func (act *action) exportPackageFact(fact analysis.Fact) {
	if !act.exporter {
		log.Panicf("%s: Pass.ExportPackageFact(%T) called after Run", act, fact)
	}
	act.packageFacts[factType(fact)] = fact
}

func factType(fact analysis.Fact) reflect.Type {
	t := reflect.TypeOf(fact)
	if t.Kind() != reflect.Pointer {
		log.Fatalf("invalid Fact type: got %T, want pointer", fact)
	}
	return t
}

// dependencies calls f for the action of the same analyzer on every
// package p imports, directly or not, with whether the import is direct.
func (act *action) dependencies(f func(owner *action, direct bool)) {
	seen := map[*packages.Package]bool{act.Package: true}
	var visit func(p *packages.Package, direct bool)
	visit = func(p *packages.Package, direct bool) {
		if seen[p] {
			return
		}
		seen[p] = true
		if p.Types != nil {
			if owner := act.g.owner(act.Analyzer, p.Types); owner != nil {
				f(owner, direct)
			}
		}
		for _, imp := range p.Imports {
			visit(imp, false)
		}
	}
	// Direct imports first, so that none is first reached indirectly.
	for _, imp := range act.Package.Imports {
		seen[imp] = true
	}
	for _, imp := range act.Package.Imports {
		seen[imp] = false
		visit(imp, true)
	}
}

func (act *action) allObjectFacts() []analysis.ObjectFact {
	var facts []analysis.ObjectFact
	for k, fact := range act.objectFacts {
		facts = append(facts, analysis.ObjectFact{Object: k.obj, Fact: fact})
	}
	act.dependencies(func(owner *action, direct bool) {
		for k, fact := range owner.objectFacts {
			if visibleFrom(k.obj, owner.Package.Types, direct) {
				facts = append(facts, analysis.ObjectFact{Object: k.obj, Fact: fact})
			}
		}
	})
	return facts
}

func (act *action) allPackageFacts() []analysis.PackageFact {
	var facts []analysis.PackageFact
	for _, fact := range act.packageFacts {
		facts = append(facts, analysis.PackageFact{Package: act.Package.Types, Fact: fact})
	}
	act.dependencies(func(owner *action, _ bool) {
		for _, fact := range owner.packageFacts {
			facts = append(facts, analysis.PackageFact{Package: owner.Package.Types, Fact: fact})
		}
	})
	return facts
}

func analysisModule(mod *packages.Module) *analysis.Module {
	if mod == nil {
		return nil
	}
	var modErr *analysis.ModuleError
	if mod.Error != nil {
		modErr = &analysis.ModuleError{Err: mod.Error.Err}
	}
	return &analysis.Module{
		Path:      mod.Path,
		Version:   mod.Version,
		Replace:   analysisModule(mod.Replace),
		Time:      mod.Time,
		Main:      mod.Main,
		Indirect:  mod.Indirect,
		Dir:       mod.Dir,
		GoMod:     mod.GoMod,
		GoVersion: mod.GoVersion,
		Error:     modErr,
	}
}

// checkReadable is the access policy of Pass.ReadFile: the package's own
// files only.
func checkReadable(pass *analysis.Pass, filename string) error {
	if slices.Contains(pass.OtherFiles, filename) || slices.Contains(pass.IgnoredFiles, filename) {
		return nil
	}
	for _, f := range pass.Files {
		if pass.Fset.File(f.FileStart).Name() == filename {
			return nil
		}
	}
	return fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", filename)
}

// resolveURL resolves a diagnostic's URL against its analyzer's, as the
// checker does.
func resolveURL(a *analysis.Analyzer, d analysis.Diagnostic) (string, error) {
	if d.URL == "" && d.Category == "" && a.URL == "" {
		return "", nil
	}
	raw := d.URL
	if d.URL == "" && d.Category != "" {
		raw = "#" + d.Category
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("invalid Diagnostic.URL %q: %s", raw, err)
	}
	base, err := url.Parse(a.URL)
	if err != nil {
		return "", fmt.Errorf("invalid Analyzer.URL %q: %s", a.URL, err)
	}
	return base.ResolveReference(u).String(), nil
}

// validateFixes checks that a rule's fixes are well formed (distinct
// messages; each edit within one file, in order, not overlapping) and
// gives an insertion its End, as the checker does.
func validateFixes(fset *token.FileSet, a *analysis.Analyzer, fixes []analysis.SuggestedFix) error {
	messages := map[string]bool{}
	for i := range fixes {
		fix := &fixes[i]
		if messages[fix.Message] {
			return fmt.Errorf("analyzer %q suggests two fixes with same Message (%s)", a.Name, fix.Message)
		}
		messages[fix.Message] = true
		if err := validateFix(fset, fix); err != nil {
			return fmt.Errorf("analyzer %q suggests invalid fix (%s): %v", a.Name, fix.Message, err)
		}
	}
	return nil
}

func validateFix(fset *token.FileSet, fix *analysis.SuggestedFix) error {
	slices.SortStableFunc(fix.TextEdits, func(x, y analysis.TextEdit) int {
		if sign := cmp.Compare(x.Pos, y.Pos); sign != 0 {
			return sign
		}
		return cmp.Compare(x.End, y.End)
	})
	var prev *analysis.TextEdit
	for i := range fix.TextEdits {
		edit := &fix.TextEdits[i]
		start := edit.Pos
		file := fset.File(start)
		if file == nil {
			return fmt.Errorf("no token.File for TextEdit.Pos (%v)", edit.Pos)
		}
		fileEnd := token.Pos(file.Base() + file.Size())
		if end := edit.End; end.IsValid() {
			if end < start {
				return fmt.Errorf("TextEdit.Pos (%v) > TextEdit.End (%v)", edit.Pos, edit.End)
			}
			endFile := fset.File(end)
			if endFile != file && end < fileEnd+10 {
				// An End computed slightly beyond EOF (ast.StructType and
				// the like): truncated to EOF, as the checker does.
				edit.End = fileEnd
				continue
			}
			if endFile == nil {
				return fmt.Errorf("no token.File for TextEdit.End (%v; File(start).FileEnd is %d)", end, file.Base()+file.Size())
			}
			if endFile != file {
				return fmt.Errorf("edit #%d spans files (%v and %v)", i, file.Position(edit.Pos), endFile.Position(edit.End))
			}
		} else {
			edit.End = start
		}
		if eof := fileEnd; edit.End > eof {
			return fmt.Errorf("end is (%v) beyond end of file (%v)", edit.End, eof)
		}
		if prev != nil && edit.Pos < prev.End {
			xpos, xend := fset.Position(prev.Pos), fset.Position(prev.End)
			ypos, yend := fset.Position(edit.Pos), fset.Position(edit.End)
			return fmt.Errorf("overlapping edits to %s (%d:%d-%d:%d and %d:%d-%d:%d)",
				xpos.Filename, xpos.Line, xpos.Column, xend.Line, xend.Column, ypos.Line, ypos.Column, yend.Line, yend.Column)
		}
		prev = edit
	}
	return nil
}
