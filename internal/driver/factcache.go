package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// factStore keeps, beside each package's findings, the facts the analyzers
// exported about the package's own objects. A warm run re-analyzes only the
// packages whose findings are not cached (an edited package and its
// importers); their dependencies inside the main module would otherwise be
// parsed and type-checked whole and have every fact-carrying analyzer run
// again, only to recompute facts that did not change. With the facts cached
// such a dependency is type-checked for its API only (like a dependency
// outside the module) and its facts are replayed from the cache.
//
// A package's facts are keyed by everything they depend on: the result
// cache's salt (executable, rules, flags), every configuration file of the
// run, the names of the analyzers that run, and the package's key (its
// files and, transitively, its dependencies'), so that editing any
// dependency re-analyzes it.
type factStore struct {
	cache *resultCache
	salt  string // cache salt + configurations + analyzers

	// replay holds the encoded facts of dependencies analyzed from the
	// cache; record, the packages analyzed with syntax whose facts are
	// stored after the run. Each package's entry is filled once it is
	// type-checked, before its analysis (under mu).
	mu         sync.Mutex
	replayPkgs map[*packages.Package]*factEntry
	replay     map[*types.Package]*factEntry
	record     map[*types.Package]*recorded
	keys       map[*packages.Package]string

	origOf map[*analysis.Analyzer]*analysis.Analyzer // wrapper -> original
}

// factEntry is the cached facts of one package, per analyzer name.
type factEntry struct {
	Analyzers map[string][]factStream
}

// factStream is the facts of one fact type (FactTypes[Type]) of an
// analyzer: the object paths ("" for a package fact) and one gob stream
// holding the facts in the same order.
type factStream struct {
	Type  int
	Paths []string
	Data  []byte
}

// recorded collects the facts exported while a package is analyzed.
type recorded struct {
	mu    sync.Mutex
	facts map[string][]exportedFact // analyzer name ->
}

type exportedFact struct {
	obj  types.Object // nil for a package fact
	fact analysis.Fact
}

// newFactStore returns the store for a run with the given analyzers, or nil
// without a result cache.
func (r *run) newFactStore(cache *resultCache, as []*analysis.Analyzer, pkgs []*packages.Package) *factStore {
	if cache == nil {
		return nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "facts %s\n", cache.salt)
	var names []string
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		names = append(names, a.Name)
		for _, req := range a.Requires {
			visit(req)
		}
	}
	for _, a := range as {
		visit(a)
	}
	sort.Strings(names)
	fmt.Fprintf(h, "analyzers %q\n", names)
	// A rule's facts about a package may depend on the configuration
	// governing it, and an importer's on its dependencies' facts: every
	// configuration file of the run is part of every key.
	configs := map[string]bool{}
	for _, p := range pkgs {
		if dir := packageDir(p); dir != "" {
			if cfg, err := r.configFor(dir); err == nil && cfg.Path != "" {
				configs[cfg.Path] = true
			}
		}
	}
	paths := make([]string, 0, len(configs))
	for p := range configs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		fmt.Fprintf(h, "config %s %s\n", p, fileDigest(p))
	}
	return &factStore{
		cache:      cache,
		salt:       hex.EncodeToString(h.Sum(nil)),
		replayPkgs: map[*packages.Package]*factEntry{},
		replay:     map[*types.Package]*factEntry{},
		record:     map[*types.Package]*recorded{},
		keys:       map[*packages.Package]string{},
	}
}

// key returns the fact key of a package, or "" for one whose facts are
// never cached (load errors, no files).
func (s *factStore) key(p *packages.Package) string {
	if k, ok := s.keys[p]; ok {
		return k
	}
	k := ""
	if len(p.Errors) == 0 && packageDir(p) != "" {
		sum := sha256.Sum256([]byte(s.salt + "\n" + s.cache.pkgKey(p)))
		k = "f" + hex.EncodeToString(sum[:])
	}
	s.keys[p] = k
	return k
}

// planReplay finds the dependencies of roots inside the main module (those
// typeCheck would check whole) whose facts are cached, and returns them:
// typeCheck then checks them for their API only.
func (s *factStore) planReplay(roots []*packages.Package) map[*packages.Package]bool {
	if s == nil {
		return nil
	}
	isRoot := map[*packages.Package]bool{}
	for _, p := range roots {
		isRoot[p] = true
	}
	bodiless := map[*packages.Package]bool{}
	seen := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		if !isRoot[p] && p.Module != nil && p.Module.Main {
			if k := s.key(p); k != "" {
				if e, ok := s.get(k); ok {
					s.replayPkgs[p] = e
					bodiless[p] = true
				}
			}
		}
		for _, imp := range p.Imports {
			visit(imp)
		}
	}
	for _, p := range roots {
		visit(p)
	}
	return bodiless
}

// preparePackage maps a type-checked package to its cached facts, or
// marks it for recording. The driver calls it for each package once it is
// type-checked, before any analyzer runs on it, possibly concurrently.
func (s *factStore) preparePackage(p *packages.Package) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.replayPkgs[p]; ok && p.Types != nil {
		s.replay[p.Types] = e
	} else if p.Syntax != nil && p.Types != nil && s.key(p) != "" {
		s.record[p.Types] = &recorded{facts: map[string][]exportedFact{}}
	}
}

// wrap copies the analyzer graph so that every analyzer runs through
// s.run, which hands the original analyzer a pass whose ResultOf is keyed
// by the original analyzers (rules look their prerequisites up by them).
func (s *factStore) wrap(as []*analysis.Analyzer) []*analysis.Analyzer {
	copies := map[*analysis.Analyzer]*analysis.Analyzer{}
	s.origOf = map[*analysis.Analyzer]*analysis.Analyzer{}
	var cp func(a *analysis.Analyzer) *analysis.Analyzer
	cp = func(a *analysis.Analyzer) *analysis.Analyzer {
		if c, ok := copies[a]; ok {
			return c
		}
		c := *a
		copies[a] = &c
		s.origOf[&c] = a
		c.Requires = make([]*analysis.Analyzer, len(a.Requires))
		for i, req := range a.Requires {
			c.Requires[i] = cp(req)
		}
		orig := a
		c.Run = func(pass *analysis.Pass) (any, error) { return s.run(orig, pass) }
		return &c
	}
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		out[i] = cp(a)
	}
	return out
}

func (s *factStore) run(orig *analysis.Analyzer, pass *analysis.Pass) (any, error) {
	p := *pass
	p.Analyzer = orig
	p.ResultOf = make(map[*analysis.Analyzer]any, len(pass.ResultOf))
	for a, res := range pass.ResultOf {
		p.ResultOf[s.origOf[a]] = res
	}
	if len(orig.FactTypes) > 0 {
		s.mu.Lock()
		e, replay := s.replay[pass.Pkg]
		rec, record := s.record[pass.Pkg]
		s.mu.Unlock()
		if replay {
			if err := replayFacts(&p, orig, e); err != nil {
				return nil, err
			}
		} else if record {
			exportObj, exportPkg := pass.ExportObjectFact, pass.ExportPackageFact
			p.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
				exportObj(obj, fact)
				rec.add(orig.Name, obj, fact)
			}
			p.ExportPackageFact = func(fact analysis.Fact) {
				exportPkg(fact)
				rec.add(orig.Name, nil, fact)
			}
		}
	}
	return orig.Run(&p)
}

func (rec *recorded) add(analyzer string, obj types.Object, fact analysis.Fact) {
	rec.mu.Lock()
	rec.facts[analyzer] = append(rec.facts[analyzer], exportedFact{obj, fact})
	rec.mu.Unlock()
}

// replayFacts exports a package's cached facts of one analyzer. The
// analyzer then runs on the package without syntax, as on a dependency
// outside the module, and sees them as its own.
func replayFacts(pass *analysis.Pass, a *analysis.Analyzer, e *factEntry) error {
	for _, st := range e.Analyzers[a.Name] {
		if st.Type < 0 || st.Type >= len(a.FactTypes) {
			return fmt.Errorf("cached facts of %s for %s do not match the analyzer", pass.Pkg.Path(), a.Name)
		}
		t := reflect.TypeOf(a.FactTypes[st.Type]).Elem()
		dec := gob.NewDecoder(bytes.NewReader(st.Data))
		for _, path := range st.Paths {
			fact := reflect.New(t).Interface().(analysis.Fact)
			if err := dec.Decode(fact); err != nil {
				return fmt.Errorf("cached facts of %s for %s: %v", pass.Pkg.Path(), a.Name, err)
			}
			if path == "" {
				pass.ExportPackageFact(fact)
				continue
			}
			obj, err := objectpath.Object(pass.Pkg, objectpath.Path(path))
			if err != nil {
				return fmt.Errorf("cached facts of %s for %s: %v", pass.Pkg.Path(), a.Name, err)
			}
			pass.ExportObjectFact(obj, fact)
		}
	}
	return nil
}

// save stores the recorded facts of every package whose analyzers all
// succeeded.
func (s *factStore) save(graph *analysisGraph, pkgs []*packages.Package) {
	if s == nil || graph == nil {
		return
	}
	failed := map[*types.Package]bool{}
	factTypes := map[string][]analysis.Fact{}
	for _, act := range graph.All() {
		if act.Err != nil {
			failed[act.Package.Types] = true
		}
		if o := s.origOf[act.Analyzer]; o != nil && len(o.FactTypes) > 0 {
			factTypes[o.Name] = o.FactTypes
		}
	}
	seen := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		if rec, ok := s.record[p.Types]; ok && !failed[p.Types] {
			if e, ok := encodeFacts(p.Types, rec, factTypes); ok {
				s.put(s.key(p), e)
			}
		}
		for _, imp := range p.Imports {
			visit(imp)
		}
	}
	for _, p := range pkgs {
		visit(p)
	}
}

// encodeFacts encodes a package's recorded facts, in a deterministic
// order. A fact on an object with no object path (a local type's method)
// cannot reach an importer and is left out.
func encodeFacts(pkg *types.Package, rec *recorded, factTypes map[string][]analysis.Fact) (*factEntry, bool) {
	e := &factEntry{Analyzers: map[string][]factStream{}}
	var enc objectpath.Encoder
	for name, types := range factTypes {
		facts := rec.facts[name]
		for ti, ft := range types {
			want := reflect.TypeOf(ft)
			type item struct {
				path string
				fact analysis.Fact
			}
			var items []item
			last := map[string]int{} // a later export replaces an earlier one
			for _, f := range facts {
				if reflect.TypeOf(f.fact) != want {
					continue
				}
				path := ""
				if f.obj != nil {
					p, err := enc.For(f.obj)
					if err != nil {
						continue
					}
					path = string(p)
				}
				if i, ok := last[path]; ok {
					items[i].fact = f.fact
					continue
				}
				last[path] = len(items)
				items = append(items, item{path, f.fact})
			}
			if len(items) == 0 {
				continue
			}
			sort.Slice(items, func(i, j int) bool { return items[i].path < items[j].path })
			var buf bytes.Buffer
			genc := gob.NewEncoder(&buf)
			st := factStream{Type: ti}
			for _, it := range items {
				if err := genc.Encode(it.fact); err != nil {
					return nil, false
				}
				st.Paths = append(st.Paths, it.path)
			}
			st.Data = buf.Bytes()
			e.Analyzers[name] = append(e.Analyzers[name], st)
		}
	}
	return e, true
}

func (s *factStore) get(key string) (*factEntry, bool) {
	path := s.cache.path(key)
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var e factEntry
	if err := gob.NewDecoder(f).Decode(&e); err != nil {
		return nil, false
	}
	now := time.Now()
	os.Chtimes(path, now, now)
	return &e, true
}

func (s *factStore) put(key string, e *factEntry) {
	path := s.cache.path(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "tmp-")
	if err != nil {
		return
	}
	err = gob.NewEncoder(tmp).Encode(e)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
	}
}
