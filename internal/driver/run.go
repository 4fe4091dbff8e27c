package driver

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"time"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/prodlint/prodlint/analyzers"
)

// run is one invocation of the standalone driver.
type run struct {
	opts   Options
	flags  *flags
	loader *analyzers.ConfigLoader
	fixed  *analyzers.Config // -config or $PRODLINT_CONFIG; nil for per-package discovery
	failed bool              // a package or rule could not be analyzed

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
		f, err := os.Create(r.flags.cpuprofile)
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
	tests, err := r.wantTests()
	if err != nil {
		fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
		return ExitUsage
	}
	pkgs, err := r.load(tests)
	if err != nil {
		fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
		return ExitAnalysis
	}
	r.packages = len(pkgs)
	if code, ok := r.validateConfigs(pkgs); !ok {
		return code
	}
	cache := r.openCache()
	cached, misses, keys := r.lookupCache(cache, pkgs)
	typeCheck(misses)
	roots := r.reportLoadErrors(misses)

	as := r.opts.NewAnalyzers(analyzers.Options{Config: r.fixed, Loader: r.loader, IgnoreEnv: true, Rules: r.opts.Rules})
	var graph *checker.Graph
	if len(roots) > 0 {
		graph, err = checker.Analyze(as, roots, nil)
		if err != nil {
			fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
			return ExitAnalysis
		}
	}
	findings := r.collect(graph, cached, func(p *packages.Package, fs []*finding) {
		if k, ok := keys[p]; ok {
			cache.put(k, fs)
		}
	})

	failing := false
	for _, f := range findings {
		failing = failing || f.Severity.Fails()
	}
	if r.flags.fix {
		remaining, err := r.applyFixes(findings)
		if err != nil {
			fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
			return ExitAnalysis
		}
		findings = remaining
		failing = false
		for _, f := range findings {
			failing = failing || f.Severity.Fails()
		}
		if r.flags.diff {
			// The diff is the output; findings go to stderr so that the
			// diff can be piped to patch.
			r.printText(r.opts.Stderr, findings)
			findings = nil
		}
	}
	if err := r.print(findings); err != nil {
		fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
		return ExitAnalysis
	}
	if !r.flags.quiet {
		fmt.Fprintln(r.opts.Stderr, r.summary(findings, time.Since(r.start)))
	}
	switch {
	case r.failed:
		return ExitAnalysis
	case failing:
		return ExitFindings
	}
	return ExitClean
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
	if !filepath.IsAbs(path) && r.opts.Dir != "" {
		path = filepath.Join(r.opts.Dir, path)
	}
	cfg, err := r.loader.Load(path)
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
		k := cache.key(p, cfg.Path)
		if fs, ok := cache.get(k); ok {
			cached = append(cached, fs...)
			continue
		}
		keys[p] = k
		misses = append(misses, p)
	}
	return cached, misses, keys
}

// configFor returns the configuration that governs a package directory.
func (r *run) configFor(dir string) (*analyzers.Config, error) {
	if r.fixed != nil {
		return r.fixed, nil
	}
	return r.loader.ForDir(dir)
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
		if _, err := r.configFor(dir); err != nil && !seen[err.Error()] {
			seen[err.Error()] = true
			msgs = append(msgs, err.Error())
		}
	}
	sort.Strings(msgs)
	for _, m := range msgs {
		fmt.Fprintf(r.opts.Stderr, "prodlint: %s\n", m)
	}
	if len(msgs) > 0 {
		return ExitUsage, false
	}
	return 0, true
}

func packageDir(p *packages.Package) string {
	for _, files := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles} {
		if len(files) > 0 {
			return filepath.Dir(files[0])
		}
	}
	return ""
}
