package config

import (
	"errors"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

type testOptions struct {
	Timeout Duration `toml:"timeout" doc:"t" min:"1"`
	Limit   int      `toml:"limit" doc:"l" min:"1"`
	Ratio   float64  `toml:"ratio" doc:"r"`
	Allow   []string `toml:"allow" doc:"a"`
}

func testSpecs() []RuleSpec {
	return []RuleSpec{
		{ID: "http-timeout", Enabled: true, Severity: SeverityError, NewOptions: func() any {
			return &testOptions{Timeout: Duration(30 * time.Second), Limit: 3}
		}},
		{ID: "migration-lock", Enabled: false, Severity: SeverityWarning},
	}
}

func TestParseValid(t *testing.T) {
	src := `
exclude = ["gen/**", "**/mocks"]
tests = true

[rules.http-timeout]
severity = "warning"
timeout = "5s"
allow = ["a", "b"]

[rules.migration-lock]
enabled = true
`
	cfg, err := Parse("rules.toml", []byte(src), testSpecs())
	if err != nil {
		t.Fatal(err)
	}
	ht := cfg.Rule("http-timeout")
	opts := ht.Options.(*testOptions)
	if !ht.Enabled || ht.Severity != SeverityWarning || opts.Timeout.Std() != 5*time.Second || opts.Limit != 3 || len(opts.Allow) != 2 {
		t.Errorf("http-timeout = %+v, options %+v", ht, opts)
	}
	if !cfg.Rule("migration-lock").Enabled || !cfg.Tests || cfg.Generated {
		t.Errorf("migration-lock or top-level keys not applied: %+v", cfg)
	}
	// Defaults are not shared between configurations.
	def := Default(testSpecs())
	if def.Rule("http-timeout").Options.(*testOptions).Timeout.Std() != 30*time.Second {
		t.Error("parsing changed the defaults")
	}
}

func TestParseErrorsNameFileLineAndKey(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		key, msg  string
	}{
		{"unknown option key", "[rules.http-timeout]\nenabled = true\ntimout = \"5s\"\n", 3, "rules.http-timeout.timout", `unknown key (did you mean "timeout"?)`},
		{"unknown top-level key", "tests = true\nexclud = []\n", 2, "exclud", `unknown key (did you mean "exclude"?)`},
		{"unknown rule id", "\n[rules.http-timout]\nenabled = false\n", 2, "rules.http-timout", `unknown rule id (did you mean "http-timeout"?)`},
		{"wrong type", "[rules.http-timeout]\nenabled = \"yes\"\n", 2, "rules.http-timeout.enabled", "wants true or false"},
		{"wrong option type", "[rules.http-timeout]\nlimit = \"3\"\n", 2, "rules.http-timeout.limit", "wants an integer"},
		{"bad duration", "[rules.http-timeout]\n\ntimeout = \"5 seconds\"\n", 3, "rules.http-timeout.timeout", "wants a duration"},
		{"bad severity", "[rules.http-timeout]\nseverity = \"fatal\"\n", 2, "rules.http-timeout.severity", "severity must be"},
		{"syntax error", "tests = true\n[rules.http-timeout\n", 2, "", "invalid TOML"},
		{"dotted key", "[rules]\nhttp-timeout.timout = \"1s\"\n", 2, "rules.http-timeout.timout", "unknown key"},
		{"inline table", "rules = { http-timeout = { limit = true } }\n", 1, "rules.http-timeout.limit", "wants an integer"},
		{"bad glob", "exclude = [\"[\"]\n", 1, "exclude", "invalid glob"},
		{"rules not a table", "rules = 3\n", 1, "rules", "wants a table"},
		{"negative number", "[rules.http-timeout]\nenabled = true\nratio = -0.5\n", 3, "rules.http-timeout.ratio", "must not be negative, got -0.5"},
		{"zero pool size", "[rules.http-timeout]\nlimit = 0\n", 2, "rules.http-timeout.limit", "must be at least 1, got 0"},
		{"negative pool size", "[rules.http-timeout]\n\nlimit = -3\n", 3, "rules.http-timeout.limit", "must be at least 1, got -3"},
		{"zero timeout", "[rules.http-timeout]\ntimeout = \"0s\"\n", 2, "rules.http-timeout.timeout", "must be positive, got 0s"},
		{"negative timeout", "[rules.http-timeout]\ntimeout = \"-5s\"\n", 2, "rules.http-timeout.timeout", "wants a positive duration"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("dir/rules.toml", []byte(tt.src), testSpecs())
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Fatalf("error = %v, want *Error", err)
			}
			if cerr.File != "dir/rules.toml" || cerr.Line != tt.line || cerr.Key != tt.key || !strings.Contains(cerr.Msg, tt.msg) {
				t.Errorf("got %q (line %d, key %q), want line %d key %q containing %q", err, cerr.Line, cerr.Key, tt.line, tt.key, tt.msg)
			}
			if want := "dir/rules.toml:"; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("message %q does not start with %q", err, want)
			}
		})
	}
}

func TestLoaderWalksUpAndStopsAtRepositoryRoot(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "svc", "api", "handlers")
	must(t, os.MkdirAll(deep, 0o755))
	must(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
	// Above the repository root: must not be found.
	must(t, os.WriteFile(filepath.Join(root, FileName), []byte("tests = true\n"), 0o644))

	l := NewLoader(testSpecs())
	cfg, err := l.ForDir(deep)
	if err != nil || cfg.Path != "" || cfg.Tests {
		t.Fatalf("without a rules.toml in the repository: cfg=%+v err=%v, want defaults", cfg, err)
	}

	must(t, os.WriteFile(filepath.Join(repo, "svc", FileName), []byte("[rules.migration-lock]\nenabled = true\n"), 0o644))
	l = NewLoader(testSpecs())
	cfg, err = l.ForDir(deep)
	if err != nil || cfg.Path != filepath.Join(repo, "svc", FileName) || !cfg.Rule("migration-lock").Enabled {
		t.Fatalf("cfg=%+v err=%v, want svc/rules.toml", cfg, err)
	}
	if again, _ := l.ForDir(filepath.Join(repo, "svc")); again != cfg {
		t.Error("the loader read the same file twice")
	}
	if !l.Override("http-timeout", false) || l.Override("nope", true) {
		t.Error("Override accepts known ids only")
	}
}

func TestLoaderReportsBrokenFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	must(t, os.WriteFile(path, []byte("[rules.http-timeout]\nenabld = false\n"), 0o644))
	_, err := NewLoader(testSpecs()).ForDir(dir)
	if err == nil || !strings.Contains(err.Error(), path+":2: rules.http-timeout.enabld: unknown key") {
		t.Fatalf("err = %v", err)
	}
}

func TestExcludesAndFileKinds(t *testing.T) {
	cfg, err := Parse("/repo/rules.toml", []byte(`exclude = ["gen/**", "**/mocks", "legacy/*.go"]`), testSpecs())
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		"/repo/gen/a.go":                false,
		"/repo/gen/deep/b.go":           false,
		"/repo/svc/mocks/m.go":          false,
		"/repo/legacy/x.go":             false,
		"/repo/legacy/sub/x.go":         true,
		"/repo/svc/main.go":             true,
		"/repo/svc/main_test.go":        false, // tests = false by default
		"/elsewhere/gen/not_matched.go": true,
	} {
		if got := cfg.AnalyzesFile(name, nil); got != want {
			t.Errorf("AnalyzesFile(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestDurationString(t *testing.T) {
	for d, want := range map[time.Duration]string{30 * time.Second: "30s", 24 * time.Hour: "24h", 90 * time.Minute: "1h30m", 1500 * time.Millisecond: "1.5s"} {
		if got := Duration(d).String(); got != want {
			t.Errorf("Duration(%v) = %q, want %q", d, got, want)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestTestSupportFilesAndExamples(t *testing.T) {
	def := Default(testSpecs())
	fset := token.NewFileSet()
	harness, _ := goparser.ParseFile(fset, "h.go", "package h\n\nimport \"testing\"\n\nvar _ *testing.T\n", 0)
	testify, _ := goparser.ParseFile(fset, "r.go", "package h\n\nimport \"github.com/stretchr/testify/require\"\n\nvar _ = require.NoError\n", 0)
	plain, _ := goparser.ParseFile(fset, "p.go", "package h\n\nimport \"net/http\"\n\nvar _ = http.Get\n", 0)
	if def.AnalyzesFile("/x/h.go", harness) || def.AnalyzesFile("/x/r.go", testify) || !def.AnalyzesFile("/x/p.go", plain) {
		t.Error("with tests = false, test-support files must be skipped and production files analyzed")
	}
	for path, testOnly := range map[string]bool{
		"github.com/ory/dockertest/v3":                              true,
		"github.com/ory/dockertest/v3/docker":                       true,
		"github.com/testcontainers/testcontainers-go/modules/redis": true,
		"github.com/onsi/ginkgo/v2":                                 true,
		"github.com/onsi/gomega/gexec":                              true,
		"github.com/onsi/gomegax":                                   false, // a module path must match whole
		"github.com/ory/dockertestutil":                             false,
		"github.com/docker/docker/client":                           false,
	} {
		f, err := goparser.ParseFile(fset, "c.go", "package h\n\nimport _ \""+path+"\"\n", 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := def.AnalyzesFile("/x/c.go", f); got == testOnly {
			t.Errorf("a file importing %s: AnalyzesFile = %v, want %v", path, got, !testOnly)
		}
	}
	withTests, err := Parse("rules.toml", []byte("tests = true\nexamples = true\n"), testSpecs())
	if err != nil {
		t.Fatal(err)
	}
	if !withTests.AnalyzesFile("/x/h.go", harness) {
		t.Error("tests = true analyzes test-support files")
	}
	for path, want := range map[string]bool{
		"github.com/prometheus/alertmanager/examples/webhook": false,
		"example.com/svc/_example":                            false,
		"example.com/svc/api":                                 true, // a module host named example.com is not an example dir
		"examples/tool":                                       true,
	} {
		if got := def.AnalyzesPackage(path, ""); got != want {
			t.Errorf("AnalyzesPackage(%s) = %v, want %v", path, got, want)
		}
		if !withTests.AnalyzesPackage(path, "") {
			t.Errorf("examples = true must analyze %s", path)
		}
	}
}

func TestTestSupportPackages(t *testing.T) {
	def := Default(testSpecs())
	withTests, err := Parse("rules.toml", []byte("tests = true\n"), testSpecs())
	if err != nil {
		t.Fatal(err)
	}
	for path, testSupport := range map[string]bool{
		"github.com/google/trillian/testonly":             true, // test keys, no testing import
		"github.com/google/trillian/testonly/mdm/mdmtest": true, // a test tool's main under testonly
		"github.com/openfga/openfga/internal/mocks":       true, // a mock OIDC server
		"example.com/svc/internal/mock":                   true,
		"example.com/svc/pkg/testutil":                    true,
		"example.com/svc/testutils/db":                    true,
		"example.com/svc/testing/resources":               true, // test keys of a testing CA, no testing import
		"example.com/svc/pkg/scheduler/testing":           true,
		"example.com/svc/testingx":                        false,
		"example.com/svc/mockserver":                      false, // the whole element must match
		"example.com/svc/testonlyx":                       false,
		"example.com/svc/cmd/mdmtest":                     false,
		"mocks/svc":                                       false, // the first element is the module's root
	} {
		if got := def.AnalyzesPackage(path, ""); got == testSupport {
			t.Errorf("tests = false: AnalyzesPackage(%s) = %v, want %v", path, got, !testSupport)
		}
		if !withTests.AnalyzesPackage(path, "") {
			t.Errorf("tests = true must analyze %s", path)
		}
	}
	// tests = true does not turn on examples, nor examples = true tests.
	if withTests.AnalyzesPackage("example.com/svc/examples/hello", "") {
		t.Error("tests = true analyzed an example package")
	}
	withExamples, err := Parse("rules.toml", []byte("examples = true\n"), testSpecs())
	if err != nil {
		t.Fatal(err)
	}
	if withExamples.AnalyzesPackage("example.com/svc/examples/mocks", "") || !withExamples.AnalyzesPackage("example.com/svc/examples/hello", "") {
		t.Error("examples = true must analyze example packages but still skip test-support ones")
	}
}

func TestNonProductionPackages(t *testing.T) {
	def := Default(testSpecs())
	const mod = "example.com/svc"
	for rel, production := range map[string]bool{
		"":                              true,
		"server":                        true,
		"samples/chat":                  false,
		"internal/sample":               false,
		"bench":                         false,
		"tools/benchmarks/load":         false,
		"demo":                          false,
		"cmd/proxy-demo-server":         false,
		"cmd/demo":                      false,
		"cmd/proxy-tests":               false,
		"cmd/testserver":                false,
		"cmd/conformance_test_tool":     false,
		"conformance/everything-server": false,
		"internal/conformancecheck":     true, // the whole element must match
		"cmd/attest":                    true, // a word of the command's name must be "test"
		"cmd/latest":                    true,
		"cmd/workbench":                 true,
		"cmd/demonstrator":              false, // a name starting with demo reads as a demo
		"e2e/suite":                     false,
		"acceptance/helpers/auth":       false,
		"internal/acceptancecheck":      true, // the whole element must match
		"test/integration-tests":        false,
		"cmd/proxy":                     true,
		"pkg/benchmarking":              true, // the whole element must match
		"samplesvc":                     true,
		"pkg/fuzz":                      false,
		"internal/fuzzing/targets":      false,
		"pkg/fuzzy":                     true,
		"tests":                         false, // an integration suite's helpers
		"test/remote":                   false,
		"internal/testhelper":           true, // the whole element must match
		"internal/cmd/flux-harness-db":  false,
		"cmd/containerd-stress":         false, // a load tool: the word stress
		"cmd/stressed":                  false,
		"cmd/distress":                  true, // a word of the command's name must start with stress
		"cmd/dev/events":                false,
		"cmd/devserver":                 true,
		"hack/gen":                      false,
		"tools/gen":                     false,
		"internal/agent/tools":          true, // only the module's top-level tools directory
		"pkg/tools/search":              true,
		"scripts/plugin":                false, // the module's top-level build and dev scripts
		"scripts":                       false,
		"internal/scripts":              true, // only the top-level scripts directory
		"pkg/lua/scripts":               true,
		"devtools/cmd/css":              false,
		"internal/devtools":             false,
		"pkg/devtoolsapi":               true, // the whole element must match
		"internal/cmd/release":          false,
		"cmd/release":                   false,
		"cmd/releaser":                  true,  // only the release command itself
		"internal/release":              true,  // a release package may be production (release channels, rollout)
		"cmd/mockbackend":               false, // a fake backend for the e2e tests
		"cmd/graphite-mock":             false,
		"cmd/hammock":                   true,  // a word of the command's name must start with mock
		"integration":                   false, // the module's top-level integration-test suite
		"integration/hsic":              false,
		"internal/integration/discord":  true, // a service's integrations with third-party APIs
		"pkg/integration":               true,
		"pkg/internal/testing/process":  false,
		"internal/testing":              false,
		"pkg/testing":                   false, // test support, for the module's tests or its users' (isTestSupportDir): analyzed with tests = true
	} {
		path := mod
		if rel != "" {
			path += "/" + rel
		}
		if got := def.AnalyzesPackage(path, mod); got != production {
			t.Errorf("AnalyzesPackage(%s) = %v, want %v", path, got, production)
		}
	}
	// Directories are read relative to the module: a module named bench is
	// production code.
	if !def.AnalyzesPackage("example.com/bench/server", "example.com/bench") {
		t.Error("a module whose path ends in bench was skipped as a whole")
	}
	cfg, err := Parse("rules.toml", []byte("[production]\nproduction = [\"cmd/proxy-tests\"]\n"), testSpecs())
	must(t, err)
	if !cfg.AnalyzesPackage(mod+"/cmd/proxy-tests", mod) || cfg.AnalyzesPackage(mod+"/cmd/other-tests", mod) {
		t.Error("production globs must make a directory production code, and only that one")
	}
	cfg, err = Parse("rules.toml", []byte("[production]\nnon_production = [\"tools\"]\n"), testSpecs())
	must(t, err)
	if cfg.AnalyzesPackage(mod+"/tools/gen", mod) || !cfg.AnalyzesPackage(mod+"/samples", mod) {
		t.Error("non_production replaces the default globs")
	}
	if !def.HonorNolint {
		t.Error("honor_nolint must default to true")
	}
	cfg, err = Parse("rules.toml", []byte("honor_nolint = false\n"), testSpecs())
	must(t, err)
	if cfg.HonorNolint {
		t.Error("honor_nolint = false was not read")
	}
	for _, bad := range []string{
		"[production]\nnon_production = [\"[\"]\n",
		"[production]\nskip = []\n",
		"production = true\n",
		"honor_nolint = 1\n",
	} {
		if _, err := Parse("rules.toml", []byte(bad), testSpecs()); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", bad)
		}
	}
}

func TestModulePathOf(t *testing.T) {
	dir := t.TempDir()
	must(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("// a comment\nmodule example.com/bench // the module\n\ngo 1.22\n"), 0o644))
	sub := filepath.Join(dir, "internal", "server")
	must(t, os.MkdirAll(sub, 0o755))
	if got := ModulePathOf(sub); got != "example.com/bench" {
		t.Errorf("ModulePathOf = %q, want example.com/bench", got)
	}
	def := Default(testSpecs())
	if !def.AnalyzesPackage("example.com/bench/internal/server", ModulePathOf(sub)) {
		t.Error("a package of a module named bench was skipped")
	}
}

// TestNonProductionModuleAndTrees: "**" marks a whole module, its root
// package included, as non-production; also_non_production adds trees to
// the default list instead of replacing it; the default list never skips
// a module's root package.
func TestNonProductionModuleAndTrees(t *testing.T) {
	const mod = "example.com/emulator"
	if !Default(testSpecs()).AnalyzesPackage(mod, mod) {
		t.Error("the default list must not skip a module's root package")
	}
	cfg, err := Parse("rules.toml", []byte("[production]\nnon_production = [\"**\"]\n"), testSpecs())
	must(t, err)
	for _, path := range []string{mod, mod + "/cmd/emulator", mod + "/internal/api"} {
		if cfg.AnalyzesPackage(path, mod) {
			t.Errorf("non_production = [\"**\"] must skip %s", path)
		}
	}
	cfg, err = Parse("rules.toml", []byte("[production]\nnon_production = [\"**\"]\nproduction = [\"cmd/server\"]\n"), testSpecs())
	must(t, err)
	if !cfg.AnalyzesPackage(mod+"/cmd/server", mod) || cfg.AnalyzesPackage(mod, mod) {
		t.Error("production globs must still win over \"**\", and only where they match")
	}
	cfg, err = Parse("rules.toml", []byte("[production]\nalso_non_production = [\"internal/fake\"]\n"), testSpecs())
	must(t, err)
	if cfg.AnalyzesPackage(mod+"/internal/fake/s3", mod) || cfg.AnalyzesPackage(mod+"/samples/chat", mod) || !cfg.AnalyzesPackage(mod+"/internal/api", mod) {
		t.Error("also_non_production must add to the default globs, not replace them")
	}
	cfg, err = Parse("rules.toml", []byte("[production]\nnon_production = [\"tools\"]\nalso_non_production = [\"internal/fake\"]\n"), testSpecs())
	must(t, err)
	if cfg.AnalyzesPackage(mod+"/tools/gen", mod) || cfg.AnalyzesPackage(mod+"/internal/fake", mod) || !cfg.AnalyzesPackage(mod+"/samples", mod) {
		t.Error("also_non_production must add to a given non_production list")
	}
	if _, err := Parse("rules.toml", []byte("[production]\nalso_non_production = [\"[\"]\n"), testSpecs()); err == nil {
		t.Error("an invalid glob in also_non_production must be an error")
	}
}

func TestSelfGenerator(t *testing.T) {
	fset := token.NewFileSet()
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"package main\n\n//go:generate go run main.go\n", true},
		{"package main\n\n//go:generate go run .\n", true},
		{"package main\n\n//go:generate go run -tags gen . -out ../table.go\n", true},
		{"package main\n\n//go:generate go run main.go other.go\n", true},
		{"package gen\n\n//go:generate go run main.go\n", false},          // not a program
		{"package main\n\n//go:generate go run ./gen\n", false},           // runs another package
		{"package main\n\n//go:generate go run ../tool/main.go\n", false}, // a file of another directory
		{"package main\n\n//go:generate stringer -type=Kind\n", false},    // a generator of another program
		{"package main\n\n// go:generate go run main.go\n", false},        // not a directive
	} {
		f, err := goparser.ParseFile(fset, "/m/gen/main.go", tc.src, goparser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := IsSelfGenerator(f.Name.Name, []*ast.File{f}, []string{"/m/gen/main.go"}); got != tc.want {
			t.Errorf("IsSelfGenerator(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}
