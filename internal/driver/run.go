package driver

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/prodlint/prodlint/analyzers"
)

// run is one invocation of the standalone driver.
type run struct {
	opts   Options
	flags  *flags
	loader *analyzers.ConfigLoader
	fixed  *analyzers.Config // -config or $PRODLINT_CONFIG; nil for per-package discovery
	// configs holds the configuration of each package directory, resolved
	// once: the analysis (through Options.Resolve), the cache keys and the
	// severity of each finding all read this value. pkgDirs maps a
	// package ID to its directory.
	configMu sync.Mutex
	configs  map[string]resolvedConfig
	pkgDirs  map[string]string
	failed   bool // a package or rule could not be analyzed (this round)
	// errw receives what a round says about packages that do not load and
	// rules that fail; -fix keeps only the last round's.
	errw io.Writer
	// overlay holds the contents -fix has given files without writing
	// them yet: later rounds load and analyze these instead of the disk.
	overlay map[string][]byte
	// baseline and changed filter the findings (-baseline, -new-from-rev).
	baseline *baseline
	changed  *changedLines
	// baselined and baselineFixed count the findings the baseline held
	// back and its entries that matched nothing.
	baselined, baselineFixed int
	modRoots                 map[string]string // directory -> module root, memoized

	explain  *explainer // -explain; nil without it
	start    time.Time
	packages int               // packages loaded, failed ones included
	notes    []notification    // why packages or rules could not be analyzed
	broken   map[string]string // package ID -> "load-error" or "rule-error"
}

// notification is a package that could not be loaded or a rule that failed:
// printed on stderr as it happens, and a SARIF tool execution notification.
type notification struct {
	ID      string // "load-error" or "rule-error"
	Package string
	Message string
}

func (r *run) main() int {
	r.start = time.Now()
	r.broken = map[string]string{}
	if r.flags.cpuprofile != "" {
		f, err := os.Create(r.abs(r.flags.cpuprofile))
		if err != nil {
			fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
			return ExitUsage
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err == nil {
			defer pprof.StopCPUProfile()
		}
	}
	if code, ok := r.configure(); !ok {
		return code
	}
	if r.flags.explain.on {
		r.explain = &explainer{line: r.flags.explain.line}
		if r.flags.explain.file != "" {
			r.explain.file = r.abs(r.flags.explain.file)
			if abs, err := filepath.Abs(r.explain.file); err == nil {
				r.explain.file = abs
			}
		}
	}
	if code, ok := r.prepareFilters(); !ok {
		return code
	}
	if r.flags.fix {
		return r.fixMain()
	}
	res, code, ok := r.analyze()
	if !ok {
		return code
	}
	r.opts.Stderr.Write(res.errs.Bytes())
	findings := res.findings
	if r.flags.baselineWrite != "" {
		return r.writeBaseline(findings, res.failed)
	}
	findings = r.filter(findings)
	if err := r.print(findings); err != nil {
		fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
		return ExitAnalysis
	}
	if r.explain != nil {
		r.explain.print(r.opts.Stdout, r.relPath)
	}
	if !r.flags.quiet {
		fmt.Fprintln(r.opts.Stderr, r.summary(findings, time.Since(r.start)))
	}
	return exitCode(findings, res.failed)
}

// exitCode is the run's exit status for the findings it reports.
func exitCode(findings []*finding, failed bool) int {
	if failed {
		return ExitAnalysis
	}
	for _, f := range findings {
		if f.Severity.Fails() {
			return ExitFindings
		}
	}
	return ExitClean
}

// roundResult is what one load-and-analyze round found.
type roundResult struct {
	findings []*finding
	failed   bool         // a package or rule could not be analyzed
	errs     bytes.Buffer // the errors to show for it
}

// analyze loads the packages (with r.overlay), analyzes them and returns
// their findings. When it cannot go on, it prints why and returns false
// with the exit code.
func (r *run) analyze() (*roundResult, int, bool) {
	res := &roundResult{}
	r.errw = &res.errs
	r.failed = false
	r.notes, r.broken = nil, map[string]string{}
	fail := func(code int, err error) (*roundResult, int, bool) {
		r.opts.Stderr.Write(res.errs.Bytes())
		if err != nil {
			fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
		}
		return nil, code, false
	}
	tests, err := r.wantTests()
	if err != nil {
		return fail(ExitUsage, err)
	}
	pkgs, err := r.load(tests)
	if err != nil {
		return fail(ExitAnalysis, err)
	}
	r.packages = len(pkgs)
	if code, ok := r.validateConfigs(pkgs); !ok {
		return fail(code, nil)
	}
	var cache *resultCache
	if len(r.overlay) == 0 && r.explain == nil {
		cache = r.openCache() // keys digest the files on disk, not the overlay; -explain must analyze
	}
	cached, misses, keys := r.lookupCache(cache, pkgs)

	aopts := analyzers.Options{Config: r.fixed, Resolve: r.configFor, Loader: r.loader, IgnoreEnv: true, Rules: r.opts.Rules}
	if r.explain != nil {
		aopts.Explain = r.explain.add
	}
	as := r.active(r.opts.NewAnalyzers(aopts), pkgs)
	facts := r.newFactStore(cache, as, pkgs)
	// Type-checking is interleaved with the analysis: a package is checked
	// once its imports are, analyzed right after, and its syntax released
	// once every analyzer is done with it.
	tc := newTypeChecker(misses, r.overlay, facts.planReplay(misses))
	isMiss := map[*packages.Package]bool{}
	for _, p := range misses {
		isMiss[p] = true
	}
	load := func(p *packages.Package) bool {
		tc.check(p)
		ok := !isMiss[p] || loaded(p)
		if !ok {
			// Reported below; its importers' fact analyzers see it without
			// syntax, as a dependency outside the module.
			p.Syntax, p.TypesInfo = nil, nil
		}
		facts.preparePackage(p)
		return ok
	}
	if facts != nil {
		as = facts.wrap(as)
	}
	if len(r.overlay) > 0 {
		as = r.readingOverlay(as)
	}
	var graph *analysisGraph
	if len(misses) > 0 {
		graph, err = analyzeGraph(as, misses, load)
		if err != nil {
			return fail(ExitAnalysis, err)
		}
	}
	roots := r.reportLoadErrors(misses)
	if graph != nil {
		graph.keepRoots(roots)
	}
	r.writeHeapProfile()
	facts.save(graph, roots)
	res.findings = r.collect(graph, cached, func(p *packages.Package, fs []*finding) {
		if k, ok := keys[p]; ok {
			cache.put(k, fs)
		}
	})
	res.failed = r.failed
	return res, 0, true
}

// writeHeapProfile writes -memprofile: the live heap (after a collection)
// at the end of the analysis, before the findings are collected.
func (r *run) writeHeapProfile() {
	if r.flags.memprofile == "" {
		return
	}
	f, err := os.Create(r.abs(r.flags.memprofile))
	if err != nil {
		fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
		return
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
	}
}

// abs resolves a path given on the command line against the directory
// prodlint runs in (-C).
func (r *run) abs(path string) string {
	if filepath.IsAbs(path) || r.opts.Dir == "" {
		return path
	}
	return filepath.Join(r.opts.Dir, path)
}

// configure reads -config / $PRODLINT_CONFIG and applies -enable and
// -disable.
func (r *run) configure() (int, bool) {
	r.loader = analyzers.NewConfigLoader(r.opts.Rules...)
	for _, pair := range []struct {
		list string
		on   bool
	}{{r.flags.enable, true}, {r.flags.disable, false}} {
		for _, id := range splitIDs(pair.list) {
			if !r.loader.Override(id, pair.on) {
				fmt.Fprintf(r.opts.Stderr, "prodlint: unknown rule id %q; `prodlint help` lists the rules\n", id)
				return ExitUsage, false
			}
		}
	}
	path := r.flags.config
	if path == "" {
		path = os.Getenv(analyzers.ConfigEnv)
	}
	if path == "" {
		return 0, true
	}
	cfg, err := r.loader.Load(r.abs(path))
	if err != nil {
		fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
		return ExitUsage, false
	}
	r.fixed = cfg
	return 0, true
}

// lookupCache returns the findings of packages whose results are cached,
// the packages left to analyze, and the keys to store their results under.
func (r *run) lookupCache(cache *resultCache, pkgs []*packages.Package) ([]*finding, []*packages.Package, map[*packages.Package]string) {
	if cache == nil {
		return nil, pkgs, nil
	}
	var cached []*finding
	var misses []*packages.Package
	keys := map[*packages.Package]string{}
	for _, p := range pkgs {
		dir := packageDir(p)
		cfg, err := r.configFor(dir)
		if len(p.Errors) > 0 || dir == "" || err != nil {
			misses = append(misses, p) // errors are reported afresh, never cached
			continue
		}
		k := cache.key(p, cfg.Path, r.loader.Imports.ImportedOnlyByTests(dir, p.PkgPath))
		if fs, ok := cache.get(k); ok {
			cached = append(cached, fs...)
			continue
		}
		keys[p] = k
		misses = append(misses, p)
	}
	return cached, misses, keys
}

// resolvedConfig is a package directory's configuration, or why it could
// not be read.
type resolvedConfig struct {
	cfg *analyzers.Config
	err error
}

// configFor returns the configuration that governs a package directory,
// resolving it the first time it is asked for. It is safe for concurrent
// use: the analysis calls it from its goroutines.
func (r *run) configFor(dir string) (*analyzers.Config, error) {
	if r.fixed != nil {
		return r.fixed, nil
	}
	dir = filepath.Clean(dir)
	r.configMu.Lock()
	defer r.configMu.Unlock()
	if c, ok := r.configs[dir]; ok {
		return c.cfg, c.err
	}
	cfg, err := r.loader.ForDir(dir)
	if r.configs == nil {
		r.configs = map[string]resolvedConfig{}
	}
	r.configs[dir] = resolvedConfig{cfg, err}
	return cfg, err
}

// packageConfig returns the configuration of the package with the given
// ID, as resolved for its directory; ok is false for a package the run
// did not load (a finding then falls back to its file's directory).
func (r *run) packageConfig(id string) (cfg *analyzers.Config, ok bool) {
	r.configMu.Lock()
	dir, known := r.pkgDirs[id]
	r.configMu.Unlock()
	if !known {
		return nil, false
	}
	cfg, err := r.configFor(dir)
	return cfg, err == nil
}

// validateConfigs loads the rules.toml of every package before analysis,
// so that a broken file is reported once, with its line, and exits 2.
func (r *run) validateConfigs(pkgs []*packages.Package) (int, bool) {
	seen := map[string]bool{}
	var msgs []string
	for _, p := range pkgs {
		dir := packageDir(p)
		if dir == "" {
			continue
		}
		r.configMu.Lock()
		if r.pkgDirs == nil {
			r.pkgDirs = map[string]string{}
		}
		r.pkgDirs[p.ID] = dir
		r.configMu.Unlock()
		if _, err := r.configFor(dir); err != nil && !seen[err.Error()] {
			seen[err.Error()] = true
			msgs = append(msgs, err.Error())
		}
	}
	sort.Strings(msgs)
	for _, m := range msgs {
		fmt.Fprintf(r.errw, "prodlint: %s\n", m)
	}
	if len(msgs) > 0 {
		return ExitUsage, false
	}
	return 0, true
}

// active drops the analyzer of every rule that the configuration of every
// loaded package switches off (analyzers.Active): the summary analyzers
// such a rule requires then do not run for nothing. A summary analyzer
// runs as soon as a rule that reads it is on in some package, and then for
// every package, so that its facts reach the packages where the rule is
// on. Run after validateConfigs: every package's configuration resolves.
func (r *run) active(as []*analysis.Analyzer, pkgs []*packages.Package) []*analysis.Analyzer {
	if r.fixed != nil {
		return analyzers.Active(as, r.opts.Rules, r.fixed)
	}
	var cfgs []*analyzers.Config
	seen := map[*analyzers.Config]bool{}
	for _, p := range pkgs {
		dir := packageDir(p)
		if dir == "" {
			continue
		}
		cfg, err := r.configFor(dir)
		if err != nil {
			return as // reported by the analysis: keep every rule
		}
		if !seen[cfg] {
			seen[cfg] = true
			cfgs = append(cfgs, cfg)
		}
	}
	return analyzers.Active(as, r.opts.Rules, cfgs...)
}

func packageDir(p *packages.Package) string {
	for _, files := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles} {
		if len(files) > 0 {
			return filepath.Dir(files[0])
		}
	}
	return ""
}

// readingOverlay wraps the analyzers so that Pass.ReadFile returns the
// overlay's contents (the checker reads the disk), which the syntax
// trees were parsed from: a rule that rewrites source text must see the
// text it was given positions in.
func (r *run) readingOverlay(as []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		w := *a
		w.Run = func(pass *analysis.Pass) (any, error) {
			wrapped := *pass
			read := pass.ReadFile
			wrapped.ReadFile = func(name string) ([]byte, error) {
				if data, ok := r.overlay[name]; ok {
					if _, err := read(name); err != nil {
						return nil, err // not a file of the package
					}
					return data, nil
				}
				return read(name)
			}
			return a.Run(&wrapped)
		}
		out[i] = &w
	}
	return out
}
