package gclplugin_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers"
	_ "github.com/prodlint/prodlint/gclplugin"
)

// newPlugin builds the plugin the way golangci-lint does: by name, from
// the raw settings its configuration loader produced.
func newPlugin(t *testing.T, raw any) (register.LinterPlugin, error) {
	t.Helper()
	ctor, err := register.GetPlugin("prodlint")
	if err != nil {
		t.Fatalf("GetPlugin: %v", err)
	}
	return ctor(raw)
}

func buildAnalyzers(t *testing.T, raw any) []*analysis.Analyzer {
	t.Helper()
	p, err := newPlugin(t, raw)
	if err != nil {
		t.Fatalf("New(%v): %v", raw, err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatalf("BuildAnalyzers: %v", err)
	}
	return as
}

// directiveAnalyzer returns the plugin's ignore-directive analyzer: the one
// rule that exists whatever families have landed.
func directiveAnalyzer(t *testing.T, raw any) *analysis.Analyzer {
	t.Helper()
	url := analyzers.RuleByID("ignore-directive").URL()
	for _, a := range buildAnalyzers(t, raw) {
		if a.URL == url {
			return a
		}
	}
	t.Fatal("the plugin built no ignore-directive analyzer")
	return nil
}

func TestRegistered(t *testing.T) {
	p, err := newPlugin(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != len(analyzers.Rules())+1 {
		t.Errorf("BuildAnalyzers returned %d analyzers, want one per rule (%d) and the cache key", len(as), len(analyzers.Rules()))
	}
	if err := analysis.Validate(as); err != nil {
		t.Error(err)
	}
	// Rules are named after the linter, so that golangci-lint prints no
	// analyzer name before the message's [rule-id].
	for _, a := range as[:len(as)-1] {
		if a.Name != "prodlint" {
			t.Errorf("rule analyzer named %q, want prodlint", a.Name)
		}
	}
}

// cacheKey returns the name of the analyzer that carries the plugin's
// cache key into golangci-lint's.
func cacheKey(t *testing.T, raw any) string {
	t.Helper()
	as := buildAnalyzers(t, raw)
	name := as[len(as)-1].Name
	if !strings.HasPrefix(name, "prodlint_") {
		t.Fatalf("the last analyzer is %q, want the cache key prodlint_...", name)
	}
	return name
}

func TestCacheKeyFollowsConfiguration(t *testing.T) {
	dir := t.TempDir()
	write := func(path, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "go.mod"), "module example.com/m\n")
	t.Chdir(dir)
	t.Setenv("PRODLINT_CONFIG", "")
	settings := map[string]any{"tests": true}

	k0, s0 := cacheKey(t, nil), cacheKey(t, settings)
	if cacheKey(t, nil) != k0 {
		t.Fatal("the cache key changed with nothing edited")
	}
	// A rules.toml below the module governs the packages there.
	write(filepath.Join(dir, "sub", "pkg", "rules.toml"), "[rules.http-timeout]\nenabled = false\n")
	k1 := cacheKey(t, nil)
	if k1 == k0 {
		t.Error("adding sub/pkg/rules.toml did not change the cache key")
	}
	write(filepath.Join(dir, "sub", "pkg", "rules.toml"), "[rules.http-timeout]\nenabled = true\n")
	if cacheKey(t, nil) == k1 {
		t.Error("editing sub/pkg/rules.toml did not change the cache key")
	}
	// Settings in .golangci.yml govern every package instead: golangci-lint
	// hashes them itself, and rules.toml files do not matter.
	if cacheKey(t, settings) != s0 {
		t.Error("with settings, a rules.toml edit changed the cache key")
	}
	// A testdata directory holds no package golangci-lint loads.
	k2 := cacheKey(t, nil)
	write(filepath.Join(dir, "testdata", "rules.toml"), "tests = true\n")
	if cacheKey(t, nil) != k2 {
		t.Error("a rules.toml under testdata changed the cache key")
	}

	env := filepath.Join(t.TempDir(), "ci.toml")
	write(env, "tests = true\n")
	t.Setenv("PRODLINT_CONFIG", env)
	e1 := cacheKey(t, nil)
	write(env, "tests = false\n")
	if cacheKey(t, nil) == e1 {
		t.Error("editing $PRODLINT_CONFIG did not change the cache key")
	}
}

func TestBuildAnalyzersIsFresh(t *testing.T) {
	p, err := newPlugin(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	a1, _ := p.BuildAnalyzers()
	a2, _ := p.BuildAnalyzers()
	if len(a1) == 0 || a1[0] == a2[0] {
		t.Fatal("BuildAnalyzers returned the same analyzer twice: instances must not be shared")
	}
}

func TestDefaultSettingsReport(t *testing.T) {
	for _, raw := range []any{nil, map[string]any{}} {
		analysistest.Run(t, analysistest.TestData(), directiveAnalyzer(t, raw), "directive")
	}
}

func TestSettingsDisableRule(t *testing.T) {
	// As golangci-lint passes them: maps decoded from YAML by viper.
	raw := map[string]any{"rules": map[string]any{
		"ignore-directive": map[string]any{"enabled": false},
	}}
	// The settings govern every package: a rule they switch off is not
	// built at all, so nothing it requires runs, and the package it would
	// report on stays quiet under every analyzer that is built.
	url := analyzers.RuleByID("ignore-directive").URL()
	as := buildAnalyzers(t, raw)
	on := 0
	for _, r := range analyzers.Rules() {
		if r.Enabled && r.ID != "ignore-directive" {
			on++
		}
	}
	if len(as) != on+1 {
		t.Errorf("BuildAnalyzers returned %d analyzers, want one per rule on (%d) and the cache key", len(as), on)
	}
	for _, a := range as {
		if a.URL == url {
			t.Fatal("the plugin built the ignore-directive analyzer although the settings switch it off")
		}
		analysistest.Run(t, analysistest.TestData(), a, "quiet")
	}
}

func TestSettingsExclude(t *testing.T) {
	// Globs are relative to the directory golangci-lint runs in: here,
	// the test's working directory, the package directory.
	raw := map[string]any{"exclude": []any{"testdata/src/excluded/**"}}
	analysistest.Run(t, analysistest.TestData(), directiveAnalyzer(t, raw), "excluded")
	analysistest.Run(t, analysistest.TestData(), directiveAnalyzer(t, raw), "directive")
}

func TestSettingsValid(t *testing.T) {
	raw := map[string]any{
		"exclude":      []any{"gen/**", filepath.ToSlash("vendor/**")},
		"tests":        true,
		"generated":    false,
		"honor_nolint": false,
		"production": map[string]any{
			"non_production": []any{"**/samples"},
			"production":     []any{"cmd/loadtest"},
		},
		"rules": map[string]any{
			"ignore-directive": map[string]any{"enabled": true, "severity": "info"},
		},
	}
	if _, err := newPlugin(t, raw); err != nil {
		t.Fatalf("valid settings rejected: %v", err)
	}
}

func TestSettingsErrors(t *testing.T) {
	tests := []struct {
		name string
		raw  any
		want []string // substrings of the error
	}{
		{"unknown top-level key",
			map[string]any{"exlude": []any{"x"}},
			[]string{`prodlint settings`, `unknown field "exlude"`, "known keys: exclude, tests, generated, examples, honor_nolint, production, rules"}},
		{"wrong type at top level",
			map[string]any{"tests": "yes"},
			[]string{"prodlint settings", "tests"}},
		{"unknown rule id",
			map[string]any{"rules": map[string]any{"http-timeout-typo": map[string]any{"enabled": true}}},
			[]string{"prodlint settings: rules.http-timeout-typo: unknown rule id"}},
		{"unknown rule key",
			map[string]any{"rules": map[string]any{"ignore-directive": map[string]any{"enable": true}}},
			[]string{"prodlint settings: rules.ignore-directive.enable: unknown key", `did you mean "enabled"`}},
		{"enabled not a bool",
			map[string]any{"rules": map[string]any{"ignore-directive": map[string]any{"enabled": "yes"}}},
			[]string{"prodlint settings: rules.ignore-directive.enabled: wants true or false"}},
		{"bad severity",
			map[string]any{"rules": map[string]any{"ignore-directive": map[string]any{"severity": "fatal"}}},
			[]string{"prodlint settings: rules.ignore-directive.severity", `got "fatal"`}},
		{"rule settings not a table",
			map[string]any{"rules": map[string]any{"ignore-directive": true}},
			[]string{"prodlint settings", "must be a table"}},
		{"invalid production glob",
			map[string]any{"production": map[string]any{"non_production": []any{"[a-"}}},
			[]string{"prodlint settings: production.non_production: invalid glob"}},
		{"invalid glob",
			map[string]any{"exclude": []any{"[a-"}},
			[]string{"prodlint settings: exclude: invalid glob"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newPlugin(t, tt.raw)
			if err == nil {
				t.Fatalf("New accepted %v", tt.raw)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}
