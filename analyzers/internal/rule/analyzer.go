package rule

import (
	"fmt"
	"go/token"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/index"
)

// ConfigSource says where the configuration of a package comes from.
type ConfigSource struct {
	// Fixed, when set, governs every package (prodlint -config FILE, the
	// golangci-lint plugin's settings, tests).
	Fixed *config.Config
	// Resolve, when set and Fixed is nil, returns the configuration of a
	// package directory: a driver that has resolved each package's
	// configuration once hands the same value to the analysis and to its
	// own lookups (severity, cache keys).
	Resolve func(dir string) (*config.Config, error)
	// Loader finds rules.toml by walking up from each package directory
	// when Fixed and Resolve are nil. It caches files, so drivers share one.
	Loader *config.Loader
	// Err, when set, is returned by every analysis: the configuration the
	// driver was asked to use could not be read.
	Err error
	// Explain, when set, receives every candidate a quiet form silenced
	// (prodlint -explain). Packages are analyzed in parallel: it must be
	// safe for concurrent use.
	Explain func(Silence)
}

// PackageConfig is the result of the config analyzer: the configuration
// that governs one package, which files it analyzes, and the package's
// //prodlint:ignore directives.
type PackageConfig struct {
	// Err is why the configuration could not be read; Config is nil then.
	// It travels in the result, not as the config analyzer's error, so
	// that go vet (which prints only its root analyzers' errors) shows it.
	Err        error
	Config     *config.Config
	skipped    map[string]bool // filename -> excluded by the configuration
	directives *directiveIndex
	explain    func(Silence) // ConfigSource.Explain
	// testOnly, when set, reports (once, on the first finding, since it
	// reads the import lines of the whole tree that may import the
	// package) whether the package is an internal one only tests import.
	testOnly func() bool
}

// Analyzes reports whether findings at pos are reported.
func (pc *PackageConfig) Analyzes(fset *token.FileSet, pos token.Pos) bool {
	if pc.skipped[fset.Position(pos).Filename] {
		return false
	}
	return pc.testOnly == nil || !pc.testOnly()
}

// NewConfigAnalyzer returns the analyzer every rule requires: it finds the
// package's rules.toml (once per package, whatever the driver) and parses
// the package's suppression directives.
func NewConfigAnalyzer(src ConfigSource) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "prodlint_config",
		Doc:        "finds the rules.toml that governs a package and its //prodlint:ignore directives",
		ResultType: reflect.TypeOf((*PackageConfig)(nil)),
		Run: func(pass *analysis.Pass) (any, error) {
			cfg, err := src.configFor(pass)
			if err != nil {
				return &PackageConfig{Err: err}, nil
			}
			pc := &PackageConfig{Config: cfg, skipped: map[string]bool{}, explain: src.Explain}
			modPath := ""
			if pass.Module != nil {
				modPath = pass.Module.Path
			} else if len(pass.Files) > 0 { // a driver that does not say (golangci-lint): read go.mod
				modPath = config.ModulePathOf(filepath.Dir(pass.Fset.Position(pass.Files[0].Pos()).Filename))
			}
			pkgOK := cfg.AnalyzesPackage(pass.Pkg.Path(), modPath) && (cfg.Tests || !startsTestServer(pass)) && !isGeneratorOnly(pass, cfg, modPath)
			for _, f := range pass.Files {
				name := pass.Fset.Position(f.Pos()).Filename
				if !pkgOK || !cfg.AnalyzesFile(name, f) {
					pc.skipped[name] = true
				}
			}
			if pkgOK && !cfg.Tests && len(pass.Files) > 0 {
				dir := filepath.Dir(pass.Fset.Position(pass.Files[0].Pos()).Filename)
				scanner := &config.ImportScanner{}
				if src.Loader != nil {
					scanner = &src.Loader.Imports
				}
				pc.testOnly = sync.OnceValue(func() bool { return scanner.ImportedOnlyByTests(dir, pass.Pkg.Path()) })
			}
			pc.directives = parseDirectives(pass.Fset, pass.Files, cfg.HonorNolint)
			return pc, nil
		},
	}
}

func (src ConfigSource) configFor(pass *analysis.Pass) (*config.Config, error) {
	switch {
	case src.Err != nil:
		return nil, src.Err
	case src.Fixed != nil:
		return src.Fixed, nil
	case len(pass.Files) == 0:
		return config.Default(src.Loader.Specs()), nil
	}
	dir := filepath.Dir(pass.Fset.Position(pass.Files[0].Pos()).Filename)
	if src.Resolve != nil {
		return src.Resolve(dir)
	}
	return src.Loader.ForDir(dir)
}

// NewAnalyzers builds a fresh analyzer for each rule, all taking their
// configuration from configAnalyzer. The first one reports a configuration
// that cannot be read, once, as its error; the others then stay silent.
func NewAnalyzers(rules []*Rule, configAnalyzer *analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(rules))
	for i, r := range rules {
		out[i] = newAnalyzer(r, configAnalyzer, i == 0)
	}
	return out
}

// NewAnalyzer builds a fresh analyzer for r that takes its configuration
// from configAnalyzer (see NewConfigAnalyzer) and reports a configuration
// that cannot be read as its error.
func NewAnalyzer(r *Rule, configAnalyzer *analysis.Analyzer) *analysis.Analyzer {
	return newAnalyzer(r, configAnalyzer, true)
}

func newAnalyzer(r *Rule, configAnalyzer *analysis.Analyzer, reportsConfigErrors bool) *analysis.Analyzer {
	requires := append([]*analysis.Analyzer{inspect.Analyzer, index.Analyzer, configAnalyzer}, r.Requires...)
	return &analysis.Analyzer{
		Name:      AnalyzerName(r.ID),
		Doc:       r.analyzerDoc(),
		URL:       r.URL(),
		Requires:  requires,
		FactTypes: r.FactTypes,
		Run: func(pass *analysis.Pass) (any, error) {
			pc := pass.ResultOf[configAnalyzer].(*PackageConfig)
			if pc.Err != nil {
				if reportsConfigErrors {
					return nil, pc.Err
				}
				return nil, nil
			}
			return nil, run(r, pass, pc)
		},
	}
}

func run(r *Rule, pass *analysis.Pass, pc *PackageConfig) (err error) {
	settings := pc.Config.Rule(r.ID)
	if !settings.Enabled || pass.TypesInfo == nil {
		return nil // off, or a dependency a driver loaded without syntax (for a rule with facts)
	}
	p := &Pass{
		Pass:      pass,
		Rule:      r,
		Settings:  settings,
		Package:   pc,
		Inspector: pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		Index:     pass.ResultOf[index.Analyzer].(*index.Index),
		used:      map[*directive]bool{},
	}
	defer func() {
		if v := recover(); v != nil {
			err = &PanicError{Rule: r.ID, Package: pass.Pkg.Path(), Pos: p.position(), Value: v, Stack: string(debug.Stack())}
		}
	}()
	if importsAny(pass, r.Imports) {
		if err := r.Run(p); err != nil {
			return fmt.Errorf("%s: %w", r.ID, err)
		}
	}
	p.reportUnusedDirectives()
	return nil
}

// importsAny reports whether the package imports one of paths directly, or
// paths is empty: the fast path out for packages that cannot contain a
// finding (as in x/tools' httpresponse).
func importsAny(pass *analysis.Pass, paths []string) bool {
	if len(paths) == 0 {
		return true
	}
	for _, imp := range pass.Pkg.Imports() {
		for _, p := range paths {
			if imp.Path() == p {
				return true
			}
		}
	}
	return false
}

// PanicError is a panic inside a rule, caught so that the other rules and
// packages still run.
type PanicError struct {
	Rule    string
	Package string
	Pos     string // the node being analyzed, or "" when unknown
	Value   any
	Stack   string
}

func (e *PanicError) Error() string {
	at := ""
	if e.Pos != "" {
		at = " at " + e.Pos
	}
	return fmt.Sprintf("internal error: rule %s panicked on package %s%s: %v\n"+
		"This is a bug in prodlint, not in your code; please report it with this message at "+
		"https://github.com/prodlint/prodlint/issues\n%s", e.Rule, e.Package, at, e.Value, e.Stack)
}

// position returns where the rule was when it panicked.
func (p *Pass) position() string {
	if p.at == nil {
		return ""
	}
	return p.Fset.Position(p.at.Pos()).String()
}

// isGeneratorOnly reports whether the package is a code generator that
// go:generate runs (config.IsSelfGenerator) and no production glob claims.
func isGeneratorOnly(pass *analysis.Pass, cfg *config.Config, modPath string) bool {
	names := make([]string, len(pass.Files))
	for i, f := range pass.Files {
		names[i] = pass.Fset.Position(f.FileStart).Filename
	}
	return config.IsSelfGenerator(pass.Pkg.Name(), pass.Files, names) && !cfg.NamedProduction(config.ModuleRelative(pass.Pkg.Path(), modPath))
}
