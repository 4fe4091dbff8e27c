package integration

import (
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/prodlint/prodlint/analyzers"
)

// factFindings are the findings of the facts fixture, each of which
// depends on a summary of a function in another package of the module.
var factFindings = []string{
	"api/api.go:14 [request-body-unbounded]", // decode.JSON reads the body unlimited
	"svc/svc.go:12 [http-timeout]",           // clients.New sets no Timeout
}

// findingSet returns the findings of out as "dir/file.go:line [rule]",
// relative to dir.
func findingSet(dir, out string) []string {
	var got []string
	for _, f := range parseFindings(out) {
		file := f.file
		if filepath.IsAbs(file) {
			if rel, err := filepath.Rel(dir, file); err == nil {
				file = filepath.ToSlash(rel)
			}
		}
		got = append(got, fmt.Sprintf("%s:%d [%s]", strings.TrimPrefix(file, "./"), f.line, f.rule))
	}
	sort.Strings(got)
	return got
}

// TestFactsAcrossDrivers: the three drivers carry the summaries of one
// package's functions to the packages that import it, and report the same
// findings; the quiet twins (a limiting helper, a client with a Timeout)
// stay quiet everywhere. The standalone driver also analyzes, without
// reporting them, the module's packages the command line does not name.
func TestFactsAcrossDrivers(t *testing.T) {
	dir := fixture(t, "facts")
	env := []string{"GOWORK=off", "PRODLINT_CACHE=" + t.TempDir()}

	runs := map[string]result{
		"prodlint ./...":       run(t, dir, env, prodlintBin, "./..."),
		"prodlint ./api ./svc": run(t, dir, env, prodlintBin, "./api", "./svc"),
		"go vet -vettool":      goVet(t, dir, nil, "./..."),
		"golangci-lint plugin": golangciLint(t, dir, golangciConfig(""), "./..."),
	}
	for name, r := range runs {
		if got := findingSet(dir, r.output()); !reflect.DeepEqual(got, factFindings) {
			t.Errorf("%s: findings %q, want %q; output:\n%s", name, got, factFindings, r.output())
		}
	}

	// Editing the helper alone changes the importer's findings: the
	// result cache does not replay svc's finding once clients.New sets a
	// Timeout.
	path := filepath.Join(dir, "clients", "clients.go")
	writeFile(t, path, strings.Replace(readFile(t, path), "return &http.Client{}", "return &http.Client{Timeout: time.Minute}", 1))
	r := run(t, dir, env, prodlintBin, "./...")
	if got, want := findingSet(dir, r.output()), factFindings[:1]; !reflect.DeepEqual(got, want) {
		t.Errorf("after editing the helper: findings %q, want %q; output:\n%s", got, want, r.output())
	}
}

// TestGoVetFactsUnderDisabledRules: under go vet, rules that every
// rules.toml of the module switches off do not run, nor the summaries
// only they need; a rule that one directory's rules.toml turns on still
// gets the facts of packages governed by a file that turns it off.
func TestGoVetFactsUnderDisabledRules(t *testing.T) {
	dir := fixture(t, "facts")
	var off strings.Builder
	for _, r := range analyzers.Rules() {
		fmt.Fprintf(&off, "[rules.%s]\nenabled = false\n", r.ID)
	}
	writeFile(t, filepath.Join(dir, "rules.toml"), off.String())
	writeFile(t, filepath.Join(dir, "svc", "rules.toml"), strings.Replace(off.String(),
		"[rules.http-timeout]\nenabled = false", "[rules.http-timeout]\nenabled = true", 1))
	r := goVet(t, dir, nil, "./...")
	if got, want := findingSet(dir, r.output()), factFindings[1:]; !reflect.DeepEqual(got, want) {
		t.Errorf("findings %q, want %q; output:\n%s", got, want, r.output())
	}
	writeFile(t, filepath.Join(dir, "svc", "rules.toml"), off.String())
	if r := goVet(t, dir, nil, "./..."); r.code != 0 || len(findingSet(dir, r.output())) != 0 {
		t.Errorf("every rule off: exit %d, output:\n%s", r.code, r.output())
	}
}
