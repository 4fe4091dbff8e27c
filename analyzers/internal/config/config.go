// Package config holds prodlint's typed configuration, read from rules.toml.
//
// A Config says which rules run, at which severity and with which options,
// and which files are analyzed at all. It is built from a list of rule
// specifications (the registry) so that unknown rule ids and unknown option
// keys are rejected with the file, line and key that named them.
package config

import (
	"go/ast"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// FileName is the name prodlint looks for when it walks up from a package
// directory.
const FileName = "rules.toml"

// Severity says how much a finding matters; it is shown in every output and
// decides whether a finding fails the run.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info" // reported, but does not make the run fail
)

func (s Severity) valid() bool {
	return s == SeverityError || s == SeverityWarning || s == SeverityInfo
}

// Fails reports whether a finding of this severity makes prodlint exit 1.
func (s Severity) Fails() bool { return s != SeverityInfo }

// RuleSpec is what the configuration needs to know about a rule: its id,
// its defaults and a constructor of its typed options.
type RuleSpec struct {
	ID       string
	Enabled  bool
	Severity Severity
	// NewOptions returns a pointer to a fresh options struct holding the
	// rule's defaults, or nil when the rule takes no options. Fields are
	// decoded from the rule's table by their `toml` tags.
	NewOptions func() any
}

// RuleSettings is one rule's effective configuration.
type RuleSettings struct {
	Enabled  bool
	Severity Severity
	// Options is the pointer returned by RuleSpec.NewOptions, with the
	// file's values decoded into it; nil when the rule takes no options.
	Options any
}

// Config is the effective configuration for the packages under one
// rules.toml (or the built-in defaults when there is none).
type Config struct {
	// Path is the file this configuration came from; empty for defaults.
	Path string
	// Exclude holds globs, matched against slash-separated paths relative
	// to the directory of Path (or absolute paths for defaults); "**"
	// matches any number of directories.
	Exclude []string
	// Tests says whether test code is analyzed: _test.go files,
	// test-support files (non-test files that import "testing" or a
	// test-only library such as testify, ginkgo or dockertest: harnesses,
	// mock servers, fixture loaders), which only test
	// binaries link, and test-support packages (an import path element
	// testonly, testing, testutil, testutils, mock or mocks), which hold such code
	// without importing testing, packages a file of which starts an
	// httptest server (a fake of an API for tests: deployed programs never
	// serve through httptest), and internal packages that only test files
	// import (ImportScanner: harnesses only test binaries link).
	Tests bool
	// Examples says whether packages whose import path has an example,
	// examples, _example or _examples element are analyzed: programs to
	// read, not to deploy (golangci-lint skips them by default too).
	Examples bool
	// Generated says whether files marked "Code generated ... DO NOT EDIT."
	// are analyzed.
	Generated bool
	// NonProduction holds globs of package directories, relative to the
	// module root, that hold no production code (samples, benchmarks,
	// demos, test tools): findings in their packages are not reported.
	// "*" matches within a path element, "**" any number of elements, and
	// a glob that matches a directory matches every package below it.
	// A glob that matches everything ("**") covers the module's root
	// package too: the way to mark a whole module (an emulator, a fake
	// server, a test CA) as non-production. The also_non_production key of
	// rules.toml appends to this list instead of replacing it.
	NonProduction []string
	// Production holds globs of package directories that are production
	// code although they match NonProduction.
	Production []string
	// HonorNolint says whether the suppressions of gosec (#nosec) and
	// golangci-lint (//nolint) silence the prodlint rules that report the
	// same thing (see rule.ForeignChecks).
	HonorNolint bool

	rules map[string]RuleSettings
}

// Default returns the configuration used when no rules.toml is found.
func Default(specs []RuleSpec) *Config {
	c := &Config{
		NonProduction: append([]string(nil), DefaultNonProduction...),
		HonorNolint:   true,
		rules:         make(map[string]RuleSettings, len(specs)),
	}
	for _, s := range specs {
		var opts any
		if s.NewOptions != nil {
			opts = s.NewOptions()
		}
		c.rules[s.ID] = RuleSettings{Enabled: s.Enabled, Severity: s.Severity, Options: opts}
	}
	return c
}

// Rule returns the settings of the rule with the given id. An id the
// configuration was not built with is reported as disabled.
func (c *Config) Rule(id string) RuleSettings {
	return c.rules[id]
}

// SetEnabled switches a rule on or off, as the command line's -enable and
// -disable flags do. It reports false for an unknown id.
func (c *Config) SetEnabled(id string, on bool) bool {
	s, ok := c.rules[id]
	if !ok {
		return false
	}
	s.Enabled = on
	c.rules[id] = s
	return true
}

// AnalyzesFile reports whether findings in the named file are reported
// under this configuration. file may be nil when the syntax is unknown, in
// which case generated-code and test-support detection are skipped.
func (c *Config) AnalyzesFile(filename string, file *ast.File) bool {
	if !c.Tests && IsTestFile(filename, file) {
		return false
	}
	if !c.Generated && file != nil && ast.IsGenerated(file) {
		return false
	}
	return !c.Excluded(filename)
}

// IsTestFile reports whether the named file is test code: a _test.go file,
// or (when its syntax is known) one that imports testing or a test-only
// library (testLibraries).
func IsTestFile(filename string, file *ast.File) bool {
	return strings.HasSuffix(filename, "_test.go") || file != nil && importsTestSupport(file)
}

// DefaultNonProduction is the default of NonProduction: the directories
// that, by widespread convention, hold programs that are run by hand or by
// a test harness and never deployed. Names are matched as whole path
// elements, or as words of a command's name (split on "-" and "_"), so
// that cmd/attest or a workbench package stay production.
var DefaultNonProduction = []string{
	// samples
	"**/sample", "**/samples", "**/_sample", "**/_samples",
	// benchmarks and load generators
	"**/bench", "**/benchmark", "**/benchmarks", "**/loadtest", "**/loadtests",
	// demos: a demo directory, or a command whose name has the word demo
	"**/demo", "**/demos", "**/cmd/demo*", "**/cmd/*-demo*", "**/cmd/*_demo*",
	// end-to-end, integration and acceptance suites (an acceptance directory holds the tests that
	// drive a deployed build from outside, and their helpers)
	"**/e2e", "**/e2e-test", "**/e2e-tests", "**/integration-test", "**/integration-tests", "**/acceptance",
	// the module's top-level integration directory: its integration-test suite and harness (an
	// integration package deeper down may be production, such as a service's integrations with
	// third-party APIs)
	"integration",
	// test directories: external test programs and the helpers of integration suites (the
	// standard Go project layout's /test), and test harness commands
	"**/test", "**/tests", "**/cmd/harness*", "**/cmd/*-harness*", "**/cmd/*_harness*",
	// developer tools: a cmd/dev directory of commands run by hand while developing, a hack
	// directory of development scripts and programs, and the module's top-level tools directory
	// (the standard layout's supporting tools; a tools package deeper down may be production,
	// such as the tools an agent serves) and top-level scripts directory (the standard layout's
	// build, install and analysis scripts, programs run with go run by the Makefile or a
	// developer; a scripts package deeper down may be production, such as a script engine's)
	"**/cmd/dev", "**/hack", "tools", "scripts",
	// a devtools directory of commands and scripts run by hand by the module's developers, and a
	// release command (a cmd/release directory: the maintainers' release script)
	"**/devtools", "**/cmd/release",
	// a testing package under internal/: the module's own test-environment harness (it starts
	// local servers for tests and polls them), importable only by the module itself
	"**/internal/testing",
	// conformance suites: programs that check an implementation against a specification
	"**/conformance",
	// fuzzing harnesses: packages that feed fuzz targets, imported by tests
	"**/fuzz", "**/fuzzing",
	// test tools: a command whose name has the word test, e2e, bench, loadtest or stress
	"**/cmd/test*", "**/cmd/*-test*", "**/cmd/*_test*",
	"**/cmd/e2e*", "**/cmd/*-e2e*", "**/cmd/*_e2e*",
	"**/cmd/bench*", "**/cmd/*-bench*", "**/cmd/*_bench*",
	"**/cmd/loadtest*", "**/cmd/*-loadtest*", "**/cmd/*_loadtest*",
	"**/cmd/stress*", "**/cmd/*-stress*", "**/cmd/*_stress*",
	// test doubles: a command whose name has the word mock (a fake backend the test suite starts)
	"**/cmd/mock*", "**/cmd/*-mock*", "**/cmd/*_mock*",
}

// AnalyzesPackage reports whether findings in the package with the given
// import path, in the module with the given path ("" when unknown), are
// reported: example programs only when Examples is set, test-support
// packages only when Tests is set, and packages under a NonProduction
// directory only when they also match Production. Directories are read
// relative to the module root, so a module named for one of them (a
// module ".../bench") is not skipped as a whole; when the module is
// unknown the first element of the path (the host or root) is dropped.
func (c *Config) AnalyzesPackage(importPath, modulePath string) bool {
	rel := ModuleRelative(importPath, modulePath)
	if rel == "" {
		return c.IsProduction("") // the root package: only "**" (the whole module) matches it
	}
	for _, e := range strings.Split(rel, "/") {
		if !c.Examples && isExampleDir(e) || !c.Tests && isTestSupportDir(e) {
			return false
		}
	}
	return c.IsProduction(rel)
}

// IsProduction reports whether the package directory rel, relative to the
// module root, holds production code under the NonProduction and
// Production globs.
func (c *Config) IsProduction(rel string) bool {
	for _, g := range c.NonProduction {
		if MatchGlob(g, rel) {
			return c.NamedProduction(rel)
		}
	}
	return true
}

// ModuleRelative returns importPath relative to its module: the path after
// modulePath, or, when the module is unknown or does not contain the
// package (GOPATH mode), the path without its first element.
func ModuleRelative(importPath, modulePath string) string {
	if modulePath != "" {
		if importPath == modulePath {
			return ""
		}
		if rest, ok := strings.CutPrefix(importPath, modulePath+"/"); ok {
			return rest
		}
	}
	if _, rest, ok := strings.Cut(importPath, "/"); ok {
		return rest
	}
	return ""
}

// isExampleDir reports whether a path element names a directory of example
// programs, by the Go convention golangci-lint also follows.
func isExampleDir(elem string) bool {
	switch elem {
	case "example", "examples", "_example", "_examples":
		return true
	}
	return false
}

// isTestSupportDir reports whether a path element names a directory of
// test-support code by a widespread convention: testonly (Google's, e.g.
// trillian: "code and data that should only be used by tests"), testing
// (named after the standard library's package, which production code has no
// reason to shadow: fakes, fixtures and harnesses, as in client-go's
// testing), testutil and testutils (helpers), mock and mocks (mockery, gomock
// and hand-written mocks). Such packages often do not import testing
// themselves (a mock OIDC server, a package of test keys), so the file check
// misses them. The match is on the whole element: mockserver, testonlyx or
// testingx are production names.
func isTestSupportDir(elem string) bool {
	switch elem {
	case "testonly", "testing", "testutil", "testutils", "mock", "mocks":
		return true
	}
	return false
}

// importsTestSupport reports whether f imports the testing package or a
// library that exists only to write tests, which production code does not.
func importsTestSupport(f *ast.File) bool {
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		if path == "testing" || isTestLibrary(path) {
			return true
		}
	}
	return false
}

// testLibraries are the module paths of libraries whose only use is tests:
// assertions (testify), BDD suites and matchers (ginkgo, gomega), and the
// harnesses that start throw-away containers for integration tests
// (dockertest, testcontainers).
var testLibraries = []string{
	"github.com/stretchr/testify",
	"github.com/onsi/ginkgo",
	"github.com/onsi/gomega",
	"github.com/ory/dockertest",
	"github.com/testcontainers/testcontainers-go",
}

// isTestLibrary reports whether the import path is a package of one of the
// testLibraries, at any major version.
func isTestLibrary(path string) bool {
	for _, lib := range testLibraries {
		if path == lib || strings.HasPrefix(path, lib+"/") {
			return true
		}
	}
	return false
}

// Excluded reports whether filename matches one of the Exclude globs.
func (c *Config) Excluded(filename string) bool {
	if len(c.Exclude) == 0 {
		return false
	}
	rel := filename
	if c.Path != "" {
		if r, err := filepath.Rel(filepath.Dir(c.Path), filename); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	for _, g := range c.Exclude {
		if MatchGlob(g, rel) {
			return true
		}
	}
	return false
}

// Known reports whether id is the id of a rule the configuration was
// built with.
func (c *Config) Known(id string) bool {
	_, ok := c.rules[id]
	return ok
}

// ModulePathOf returns the module path declared by the nearest go.mod at or
// above dir, or "" when there is none: how a package's module is found
// when the driver does not say (analysis.Pass.Module is nil).
func ModulePathOf(dir string) string {
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
					path := strings.TrimSpace(rest)
					if i := strings.Index(path, "//"); i >= 0 {
						path = strings.TrimSpace(path[:i])
					}
					if uq, err := strconv.Unquote(path); err == nil {
						path = uq
					}
					return path
				}
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
