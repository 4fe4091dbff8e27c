package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers"
)

// factAnalyzers returns the names of the analyzers as runs, with those
// they require, that carry facts: the summaries computed over every
// package.
func factAnalyzers(as []*analysis.Analyzer) []string {
	var names []string
	seen := map[*analysis.Analyzer]bool{}
	var walk func([]*analysis.Analyzer)
	walk = func(as []*analysis.Analyzer) {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			if len(a.FactTypes) > 0 {
				names = append(names, a.Name)
			}
			walk(a.Requires)
		}
	}
	walk(as)
	return names
}

// TestVetActiveDropsSummariesOfDisabledRules: under go vet, the rules
// that every configuration of the tree switches off do not run, and
// neither do the summary analyzers only they require; a rules.toml
// anywhere in the tree that turns one on keeps them for every package.
func TestVetActiveDropsSummariesOfDisabledRules(t *testing.T) {
	t.Setenv(analyzers.ConfigEnv, "")
	dir := t.TempDir()
	write := func(path, data string) { writeTestFile(t, path, data) }
	write(filepath.Join(dir, "go.mod"), "module example.com/m\n")
	write(filepath.Join(dir, "a", "a.go"), "package a\n")
	unit := func(name string, vetxOnly bool) string {
		data, _ := json.Marshal(map[string]any{"GoFiles": []string{filepath.Join(dir, "a", "a.go")}, "VetxOnly": vetxOnly})
		path := filepath.Join(t.TempDir(), name+".cfg")
		write(path, string(data))
		return path
	}
	cfg, vetx := unit("unit", false), unit("vetx", true)

	if got := factAnalyzers(vetActive(analyzers.All(), dir, cfg)); len(got) == 0 {
		t.Fatal("with the default configuration no summary analyzer runs")
	}

	var off strings.Builder
	for _, r := range analyzers.Rules() {
		fmt.Fprintf(&off, "[rules.%s]\nenabled = false\n", r.ID)
	}
	write(filepath.Join(dir, "rules.toml"), off.String())
	for _, u := range []string{cfg, vetx} {
		if got := factAnalyzers(vetActive(analyzers.All(), dir, u)); len(got) != 0 {
			t.Errorf("every rule off (%s): summary analyzers %q still run", filepath.Base(u), got)
		}
	}

	// A package elsewhere in the tree turns http-timeout on: every unit
	// keeps its summaries, so that the facts reach that package.
	write(filepath.Join(dir, "b", "rules.toml"), strings.Replace(off.String(),
		"[rules.http-timeout]\nenabled = false", "[rules.http-timeout]\nenabled = true", 1))
	for _, u := range []string{cfg, vetx} {
		as := vetActive(analyzers.All(), dir, u)
		if len(factAnalyzers(as)) == 0 || !hasAnalyzer(as, analyzers.AnalyzerName("http-timeout")) {
			t.Errorf("http-timeout on in b/rules.toml (%s): want it and its summaries kept; fact analyzers %q", filepath.Base(u), factAnalyzers(as))
		}
	}
	if hasAnalyzer(vetActive(analyzers.All(), dir, cfg), analyzers.AnalyzerName("sql-rows-close")) {
		t.Error("sql-rows-close is off everywhere but still runs")
	}
	// A flag that names it keeps it: unitchecker must accept the flag.
	if !hasAnalyzer(vetActive(analyzers.All(), dir, cfg, "-sql_rows_close=true"), analyzers.AnalyzerName("sql-rows-close")) {
		t.Error("-sql_rows_close named sql-rows-close, but vetActive dropped it")
	}

	// An invalid configuration keeps every analyzer: the analysis
	// reports the error.
	write(filepath.Join(dir, "b", "rules.toml"), "[rules.http-timeout]\nenabled = \"yes\"\n")
	if got, all := len(vetActive(analyzers.All(), dir, cfg)), len(analyzers.All()); got != all {
		t.Errorf("invalid b/rules.toml: %d analyzers, want all %d", got, all)
	}
}

func hasAnalyzer(as []*analysis.Analyzer, name string) bool {
	for _, a := range as {
		if a.Name == name {
			return true
		}
	}
	return false
}

// writeTestFile writes data to path, making its directory.
func writeTestFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
