package analyzers

import (
	"os"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// Rule describes one check: its id, documentation, defaults and run
// function.
type Rule = rule.Rule

// Pass is what a rule's Run receives.
type Pass = rule.Pass

// Secret marks the secret a finding is about (Pass.ReportSecret).
type Secret = rule.Secret

// Doc is a rule's documentation.
type Doc = rule.Doc

// Config is a validated rules.toml.
type Config = config.Config

// ConfigError is a problem in a configuration file, with its line and key.
type ConfigError = config.Error

// ConfigLoader finds and caches rules.toml files.
type ConfigLoader = config.Loader

// Severity is a rule's severity: "error", "warning" or "info".
type Severity = config.Severity

// PanicError is the error an analyzer returns when its rule panicked.
type PanicError = rule.PanicError

// Silence is a candidate finding a rule's quiet form silenced, as
// Options.Explain receives it.
type Silence = rule.Silence

// QuietForm is the documentation of one quiet form of a rule.
type QuietForm = rule.Form

// ConfigFileName is the file prodlint looks for, walking up from each
// package directory.
const ConfigFileName = config.FileName

// ConfigEnv names the environment variable that points every driver
// (including go vet -vettool) at one configuration file.
const ConfigEnv = "PRODLINT_CONFIG"

// Specs returns what the configuration must know of every rule.
func specs(rules []*Rule) []config.RuleSpec {
	out := make([]config.RuleSpec, len(rules))
	for i, r := range rules {
		out[i] = r.Spec()
	}
	return out
}

// DefaultConfig returns the configuration in force when there is no
// rules.toml.
func DefaultConfig() *Config { return config.Default(specs(Rules())) }

// LoadConfig reads and validates the rules.toml at path.
func LoadConfig(path string) (*Config, error) { return config.LoadFile(path, specs(Rules())) }

// ParseConfig validates data, the contents of a rules.toml named path.
func ParseConfig(path string, data []byte) (*Config, error) {
	return config.Parse(path, data, specs(Rules()))
}

// ConfigFromValues validates a configuration given as Go values, as
// decoded from YAML or JSON (the golangci-lint plugin's settings), with
// the checks and messages of ParseConfig; path names it in errors and
// anchors its exclude globs.
func ConfigFromValues(path string, doc map[string]any) (*Config, error) {
	return config.FromValues(path, doc, specs(Rules()))
}

// ConfigKeys returns the keys allowed at the top level of a configuration.
func ConfigKeys() []string { return append([]string(nil), config.TopKeys...) }

// NewConfigLoader returns a loader that finds rules.toml by walking up from
// a package directory, validating against the given rules (all rules when
// none are given).
func NewConfigLoader(rules ...*Rule) *ConfigLoader {
	if len(rules) == 0 {
		rules = Rules()
	}
	return config.NewLoader(specs(rules))
}

// ConfigDigest identifies the configuration a run started in dir would
// read: the file $PRODLINT_CONFIG names, or every rules.toml that may
// govern the packages below dir's module. Drivers that cache results by
// the tool's identity (go vet -vettool, golangci-lint) fold it into their
// key, so that a configuration edit is seen at once.
func ConfigDigest(dir string) string { return config.Digest(dir, os.Getenv(ConfigEnv)) }

// TreeConfigs returns every configuration in force for the packages of
// the tree a run started in dir analyzes, the files ConfigDigest covers:
// the one $PRODLINT_CONFIG names, or else the rules.toml governing the
// tree's root and each rules.toml below it. A driver that cannot list the
// packages it will analyze (go vet runs the tool once per package) passes
// them to Active.
func TreeConfigs(dir string) ([]*Config, error) {
	if path := os.Getenv(ConfigEnv); path != "" {
		cfg, err := LoadConfig(path)
		if err != nil {
			return nil, err
		}
		return []*Config{cfg}, nil
	}
	l := NewConfigLoader()
	var cfgs []*Config
	for _, d := range config.TreeDirs(dir) {
		cfg, err := l.ForDir(d)
		if err != nil {
			return nil, err
		}
		cfgs = append(cfgs, cfg)
	}
	return cfgs, nil
}

// CheckConfig returns the error that analyzing the package in dir with
// New(Options{}) would report: an unreadable or invalid $PRODLINT_CONFIG,
// or else rules.toml found by walking up from dir. Drivers that must fail
// (not merely report) on a configuration error call it first.
func CheckConfig(dir string) error {
	if path := os.Getenv(ConfigEnv); path != "" {
		_, err := LoadConfig(path)
		return err
	}
	_, err := NewConfigLoader().ForDir(dir)
	return err
}

// Options says where the analyzers built by New take their configuration.
type Options struct {
	// Config, when set, governs every package.
	Config *Config
	// Loader, used when Config is nil, finds each package's rules.toml by
	// walking up from its directory; New makes one when it is nil.
	Loader *ConfigLoader
	// Resolve, used when Config is nil, returns the configuration of a
	// package directory instead of Loader: a driver passes the function
	// it resolves each package's configuration with, so that the analysis
	// and the driver read the same value.
	Resolve func(dir string) (*Config, error)
	// IgnoreEnv makes New ignore $PRODLINT_CONFIG.
	IgnoreEnv bool
	// Rules are the rules to build; nil means Rules(). A Loader must have
	// been made for the same rules.
	Rules []*Rule
	// Explain, when set, receives every candidate a rule's quiet form
	// silenced (prodlint -explain); it must be safe for concurrent use.
	Explain func(Silence)
}

// New returns a fresh analyzer for every rule, each requiring one shared
// configuration analyzer built for these options. Rules switched off in
// the configuration run and report nothing.
//
// When opts.Config is nil and $PRODLINT_CONFIG names a file, that file
// governs every package; this is how go vet -vettool is pointed at a
// configuration outside the packages' directories.
func New(opts Options) []*analysis.Analyzer {
	rules := opts.Rules
	if rules == nil {
		rules = Rules()
	}
	src := rule.ConfigSource{Fixed: opts.Config, Resolve: opts.Resolve, Loader: opts.Loader, Explain: opts.Explain}
	if src.Loader == nil {
		src.Loader = config.NewLoader(specs(rules))
	}
	if src.Fixed == nil && !opts.IgnoreEnv {
		if path := os.Getenv(ConfigEnv); path != "" {
			src.Fixed, src.Err = src.Loader.Load(path)
		}
	}
	return rule.NewAnalyzers(rules, rule.NewConfigAnalyzer(src))
}

// All returns New(Options{}): analyzers that find each package's
// rules.toml themselves.
func All() []*analysis.Analyzer { return New(Options{}) }

// SecretMarkers returns whether an analyzer built from one of rules is
// for a rule whose findings can mark a secret (Rule.Secrets).
func SecretMarkers(rules []*Rule) func(*analysis.Analyzer) bool {
	names := map[string]bool{}
	for _, r := range rules {
		if r.Secrets {
			names[rule.AnalyzerName(r.ID)] = true
		}
	}
	return func(a *analysis.Analyzer) bool { return names[a.Name] }
}

// AnalyzerName returns the name of the analyzer New builds for the rule
// with the given id.
func AnalyzerName(id string) string { return rule.AnalyzerName(id) }

// Active returns as (built by New for rules) without the analyzers of the
// rules that every one of cfgs switches off: such an analyzer runs and
// reports nothing, while the summary analyzers it requires (function
// summaries over every package) would still cost their time. A driver
// that knows every configuration in force (a fixed one, or each analyzed
// package's) passes them all; with none, as is returned unchanged.
func Active(as []*analysis.Analyzer, rules []*Rule, cfgs ...*Config) []*analysis.Analyzer {
	if len(cfgs) == 0 {
		return as
	}
	if rules == nil {
		rules = Rules()
	}
	off := map[string]bool{}
	for _, rl := range rules {
		on := false
		for _, cfg := range cfgs {
			on = on || cfg.Rule(rl.ID).Enabled
		}
		if !on {
			off[rule.AnalyzerName(rl.ID)] = true
		}
	}
	if len(off) == 0 {
		return as
	}
	kept := as[:0:0]
	for _, a := range as {
		if !off[a.Name] {
			kept = append(kept, a)
		}
	}
	return kept
}

// RuleByID returns the rule with the given id, or nil.
func RuleByID(id string) *Rule {
	for _, r := range Rules() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
