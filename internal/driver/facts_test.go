package driver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodlint/prodlint/analyzers"
)

const factMiddleware = `package mw

import "net/http"

// LimitBody caps every request body.
func LimitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next.ServeHTTP(w, r)
	})
}
`

const factAPI = `package api

import (
	"io"
	"net/http"

	"example.com/m/mw"
)

func upload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

// Handler serves every route behind the body limit.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", upload)
	return mw.LimitBody(mux)
}
`

// TestFactsAcrossPackages: a middleware of another package of the module
// is seen (through request-body-unbounded's fact) on a cold run, on a warm
// run where only the importer changed, and when only the importer is
// named on the command line.
func TestFactsAcrossPackages(t *testing.T) {
	dir := writeModule(t, map[string]string{"mw/mw.go": factMiddleware, "api/api.go": factAPI})
	rules := []*analyzers.Rule{analyzers.RuleByID("request-body-unbounded")}
	t.Setenv(CacheEnv, t.TempDir())
	if r := runProdlint(t, dir, rules, "./..."); r.code != ExitClean || r.stdout != "" {
		t.Fatalf("cold: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	api := filepath.Join(dir, "api", "api.go")
	if err := os.WriteFile(api, []byte(factAPI+"\n// edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runProdlint(t, dir, rules, "./..."); r.code != ExitClean || r.stdout != "" {
		t.Errorf("warm, importer changed: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := runProdlint(t, dir, rules, "./api"); r.code != ExitClean || r.stdout != "" {
		t.Errorf("./api only: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	// The twin: without the middleware the read is reported.
	if err := os.WriteFile(api, []byte(strings.Replace(factAPI, "mw.LimitBody(mux)", "mux", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runProdlint(t, dir, rules, "./..."); r.code != ExitFindings || !strings.Contains(r.stdout, "[request-body-unbounded]") {
		t.Errorf("unwrapped: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// TestBrokenDependencyDoesNotFailImporter: a package that does not
// type-check is reported, and a package importing it is still analyzed by
// a rule with facts.
func TestBrokenDependencyDoesNotFailImporter(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"mw/mw.go":   factMiddleware + "\nfunc Broken() int { return \"s\" }\n",
		"api/api.go": strings.Replace(factAPI, "mw.LimitBody(mux)", "mux", 1),
	})
	rules := []*analyzers.Rule{analyzers.RuleByID("request-body-unbounded")}
	r := runProdlint(t, dir, rules, "./...")
	if !strings.Contains(r.stdout, "api/api.go:11:13: [request-body-unbounded]") || strings.Contains(r.stderr, "failed prerequisites") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}
