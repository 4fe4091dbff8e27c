// Package driver is the prodlint command's standalone driver: it loads
// packages with go/packages, runs the analyzers with go/analysis/checker
// (the engine behind multichecker), and prints findings as text, JSON or
// SARIF with documented exit codes. Under go vet -vettool, the command
// hands over to unitchecker instead (see cmd/prodlint).
package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers"
)

// Exit codes, documented in README.md.
const (
	ExitClean    = 0 // no findings that fail the run
	ExitFindings = 1 // findings of severity error or warning
	ExitUsage    = 2 // bad flags, an unreadable or invalid rules.toml, an unknown rule id
	ExitAnalysis = 3 // a package could not be loaded or type-checked, or a rule failed
)

// Options configures one run.
type Options struct {
	Args []string
	Dir  string // working directory; "" for the current one
	// RelTo is the directory printed paths are relative to; "" means Dir.
	RelTo          string
	Stdout, Stderr io.Writer
	// NewAnalyzers builds the analyzers; nil means analyzers.New. Tests
	// use it to add a rule that panics.
	NewAnalyzers func(analyzers.Options) []*analysis.Analyzer
	// Rules lists the rules for help, SARIF and validation; nil means
	// analyzers.Rules().
	Rules []*analyzers.Rule
}

// flags holds the parsed command line.
type flags struct {
	config          string
	json, sarif     bool
	fix, diff       bool
	tests           string // "", "true" or "false"
	enable, disable string
	cpuprofile      string
	memprofile      string
	noCache         bool
	version         bool
	baseline        string // -baseline FILE: report only findings not in it
	baselineWrite   string // -baseline write FILE: record the findings in FILE
	newFromRev      string
	chdir           string // -C
	modulesOf       bool
	list            bool        // -list: print the rules (with -json, as JSON)
	quiet           bool        // -q: no summary line on stderr
	explain         explainFlag // -explain[=FILE:LINE]: print which quiet form silenced each candidate
	patterns        []string
}

// Main runs prodlint with the given options and returns its exit code.
func Main(opts Options) int {
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	if opts.Rules == nil {
		opts.Rules = analyzers.Rules()
	}
	if opts.NewAnalyzers == nil {
		opts.NewAnalyzers = analyzers.New
	}
	f, err := parseFlags(opts)
	if errors.Is(err, flag.ErrHelp) {
		return ExitClean
	}
	if err != nil {
		fmt.Fprintf(opts.Stderr, "prodlint: %v\n", err)
		return ExitUsage
	}
	if f.version {
		fmt.Fprintln(opts.Stdout, VersionLine())
		return ExitClean
	}
	if f.list {
		return listRules(opts, f.json)
	}
	if len(f.patterns) > 0 && f.patterns[0] == "help" {
		return help(opts, f.patterns[1:])
	}
	if f.chdir != "" {
		dir := f.chdir
		if !filepath.IsAbs(dir) && opts.Dir != "" {
			dir = filepath.Join(opts.Dir, dir)
		}
		if abs, err := filepath.Abs(dir); err == nil {
			dir = abs
		}
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			fmt.Fprintf(opts.Stderr, "prodlint: -C %s: not a directory\n", f.chdir)
			return ExitUsage
		}
		opts.Dir = dir
	}
	if f.modulesOf {
		return modulesOf(opts, f)
	}
	r := &run{opts: opts, flags: f}
	return r.main()
}

func parseFlags(opts Options) (*flags, error) {
	f := &flags{}
	fs := flag.NewFlagSet("prodlint", flag.ContinueOnError)
	fs.SetOutput(opts.Stderr)
	fs.StringVar(&f.config, "config", "", "use this rules.toml for every package (default: the nearest rules.toml above each package, or $"+analyzers.ConfigEnv+")")
	fs.BoolVar(&f.json, "json", false, "print findings as go/analysis JSON, fixes included")
	fs.BoolVar(&f.sarif, "sarif", false, "print findings as SARIF 2.1.0 (GitHub code scanning)")
	fs.BoolVar(&f.fix, "fix", false, "apply the first suggested fix of every finding")
	fs.BoolVar(&f.diff, "diff", false, "with -fix, print the fixes as a unified diff instead of writing files")
	fs.StringVar(&f.tests, "tests", "", "analyze _test.go files: true or false (default: the configuration's `tests`)")
	fs.StringVar(&f.enable, "enable", "", "comma-separated rule ids to switch on, overriding rules.toml")
	fs.StringVar(&f.disable, "disable", "", "comma-separated rule ids to switch off, overriding rules.toml")
	fs.StringVar(&f.cpuprofile, "cpuprofile", "", "write a CPU profile to this file")
	fs.StringVar(&f.memprofile, "memprofile", "", "write a heap profile to this file, taken when the analysis ends (what it keeps live)")
	fs.BoolVar(&f.noCache, "no-cache", false, "neither read nor write the result cache ($"+CacheEnv+", default the user cache directory)")
	fs.BoolVar(&f.version, "version", false, "print the module version, VCS revision and dirty flag, and exit")
	fs.StringVar(&f.baseline, "baseline", "", "report only findings not recorded in this baseline file (-baseline write FILE records today's findings in FILE)")
	fs.StringVar(&f.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision (uncommitted and untracked files included)")
	fs.StringVar(&f.chdir, "C", "", "run as if started in this directory (relative paths in other flags are resolved against it)")
	fs.BoolVar(&f.modulesOf, "modules-of", false, "the arguments are file names: analyze ./... of each module holding one (the pre-commit hook's mode)")
	fs.BoolVar(&f.list, "list", false, "list the rules and exit; with -json, as JSON (id, title, severity, enabled, options, url)")
	fs.BoolVar(&f.quiet, "q", false, "do not print the summary line on stderr")
	fs.Var(&f.explain, "explain", "after the findings, print which quiet form of which rule silenced each candidate finding, including forms decided while collecting candidates (-explain=FILE:LINE: those on that line); analyzes afresh, without the cache")
	fs.Usage = func() { usage(opts.Stderr, fs) }
	if err := fs.Parse(opts.Args); err != nil {
		return nil, err
	}
	if f.json && f.sarif {
		return nil, errors.New("-json and -sarif cannot be used together")
	}
	if f.diff {
		f.fix = true
	}
	if f.tests != "" && f.tests != "true" && f.tests != "false" {
		return nil, fmt.Errorf("-tests must be true or false, got %q", f.tests)
	}
	f.patterns = fs.Args()
	if f.baseline == "write" {
		// -baseline write FILE [packages]
		if len(f.patterns) == 0 {
			return nil, errors.New("-baseline write needs a file name: -baseline write FILE")
		}
		f.baselineWrite, f.baseline = f.patterns[0], ""
		f.patterns = f.patterns[1:]
		if f.newFromRev != "" {
			return nil, errors.New("-baseline write records every finding: drop -new-from-rev")
		}
	}
	if f.explain.on && (f.json || f.sarif || f.fix || f.baselineWrite != "" || f.modulesOf) {
		return nil, errors.New("-explain prints text after one analysis: it cannot be combined with -json, -sarif, -fix, -baseline write or -modules-of")
	}
	if f.modulesOf && (f.json || f.sarif || f.baseline != "" || f.baselineWrite != "") {
		return nil, errors.New("-modules-of prints text, one run per module: it cannot be combined with -json, -sarif or -baseline")
	}
	if f.modulesOf {
		return f, nil // the arguments are files, not patterns
	}
	if len(f.patterns) == 0 {
		f.patterns = []string{"./..."}
	}
	return f, nil
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, `prodlint finds Go code that compiles but fails in production.

Usage:
  prodlint [flags] [packages]        analyze packages (default ./...)
  prodlint help                      list the rules
  prodlint help RULE                 show a rule's documentation and options
  prodlint -baseline write FILE      record today's findings in FILE
  prodlint -baseline FILE            report only findings not in FILE
  prodlint -modules-of FILE...       analyze each module holding one of the files
  prodlint -list [-json]             list the rules (as JSON with -json)
  go vet -vettool=$(command -v prodlint) ./...

Findings print as "file:line:col: [rule-id] message" for severity error and
as "file:line:col: warning: [rule-id] message" (or "info: ") otherwise,
sorted by file, line and column; a summary line follows on stderr (-q omits
it).

Exit status: 0 no failing findings, 1 findings, 2 usage or configuration error,
3 a package could not be analyzed or a rule failed.

Flags:
`)
	fs.PrintDefaults()
}

// splitIDs splits a comma-separated list of rule ids.
func splitIDs(s string) []string {
	var out []string
	for _, id := range strings.Split(s, ",") {
		if id = strings.TrimSpace(id); id != "" {
			out = append(out, id)
		}
	}
	return out
}
