package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// These tests run the real prodlint binary on modules written to
// temporary directories: broken code, cgo, build tags, generics, vendored
// modules, workspaces and very large inputs.

var prodlintBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "prodlint-bin")
	if err != nil {
		panic(err)
	}
	prodlintBin = filepath.Join(dir, "prodlint")
	if out, err := exec.Command("go", "build", "-o", prodlintBin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building prodlint: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type run struct {
	code           int
	stdout, stderr string
	elapsed        time.Duration
	maxRSSKiB      int64
}

func prodlint(t *testing.T, dir string, env []string, args ...string) run {
	t.Helper()
	cmd := exec.Command(prodlintBin, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "PRODLINT_CONFIG=", "PRODLINT_CACHE="+t.TempDir()), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	r := run{stdout: out.String(), stderr: errOut.String(), elapsed: time.Since(start)}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running prodlint: %v", err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSSKiB = ru.Maxrss
	}
	if strings.Contains(r.stderr, "goroutine ") && strings.Contains(r.stderr, "panic") && !strings.Contains(r.stderr, "internal error: rule") {
		t.Fatalf("prodlint crashed:\n%s", r.stderr)
	}
	return r
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const goMod = "module example.com/m\n\ngo 1.22\n"

const httpGet = `package %s

import "net/http"

func Fetch(u string) (*http.Response, error) {
	return http.Get(u)
}
`

func pkg(name string) string { return fmt.Sprintf(httpGet, name) }

func wantFinding(t *testing.T, r run, fileLine string) {
	t.Helper()
	if !strings.Contains(r.stdout, fileLine) || !strings.Contains(r.stdout, "[http-timeout]") {
		t.Errorf("want the http-timeout finding at %s; stdout:\n%s\nstderr:\n%s", fileLine, r.stdout, r.stderr)
	}
}

func TestSyntaxErrorInOnePackageOthersStillAnalyzed(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"go.mod":           goMod,
		"client/client.go": pkg("client"),
		"broken/ok.go":     "package broken\n\nfunc OK() {}\n",
		"broken/bad.go":    "package broken\n\nfunc Bad() {\n\tx := \n}\n",
	})
	r := prodlint(t, dir, nil, "./...")
	if r.code != 3 {
		t.Errorf("exit %d, want 3 (documented: a package could not be loaded)", r.code)
	}
	if !strings.Contains(r.stderr, "broken/bad.go:5:1") {
		t.Errorf("the load error is not reported with its position:\n%s", r.stderr)
	}
	wantFinding(t, r, "client/client.go:6:9")
}

func TestMissingImportAndMissingDependency(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"go.mod":           goMod + "\nrequire example.org/absent v1.0.0\n",
		"client/client.go": pkg("client"),
		"noimport/n.go":    "package noimport\n\nimport _ \"example.com/m/nosuchpkg\"\n",
		"nodep/d.go":       "package nodep\n\nimport _ \"example.org/absent/lib\"\n",
	})
	r := prodlint(t, dir, []string{"GOPROXY=off", "GOFLAGS=-mod=mod"}, "./...")
	if r.code != 3 {
		t.Errorf("exit %d, want 3", r.code)
	}
	for _, want := range []string{"noimport/n.go:3:10: could not import example.com/m/nosuchpkg (", "nodep/d.go:3:10: could not import example.org/absent/lib (", "example.com/m/noimport not analyzed", "example.com/m/nodep not analyzed"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	wantFinding(t, r, "client/client.go:6:9")
}

func TestCgoBuildTagsAndGenerics(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Fatalf("the cgo case needs gcc: %v", err)
	}
	dir := writeFiles(t, map[string]string{
		"go.mod": goMod,
		"cgo/cgo.go": `package cgo

// static int twice(int x) { return 2 * x; }
import "C"

import "net/http"

func Twice(x int) int { return int(C.twice(C.int(x))) }

func Fetch(u string) (*http.Response, error) {
	return http.Get(u)
}
`,
		"tagged/never.go": "//go:build never\n\npackage tagged\n\nfunc Broken( {\n",
		"tagged/ok.go":    pkg("tagged"),
		"generic/g.go": `package generic

import "net/http"

type Getter[T any] struct{ conv func(*http.Response) T }

func (g Getter[T]) Get(u string) (T, error) {
	resp, err := http.Get(u)
	var zero T
	if err != nil {
		return zero, err
	}
	defer resp.Body.Close()
	return g.conv(resp), nil
}
`,
	})
	r := prodlint(t, dir, []string{"CGO_ENABLED=1"}, "./...")
	if r.code != 1 {
		t.Errorf("exit %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	wantFinding(t, r, "cgo/cgo.go:11:9")
	wantFinding(t, r, "tagged/ok.go:6:9")
	wantFinding(t, r, "generic/g.go:8:15")
}

func TestVendoredModule(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"go.mod": goMod + "\nrequire example.org/dep v1.0.0\n",
		"main.go": `package main

import (
	"net/http"

	"example.org/dep"
)

func main() {
	dep.Use()
	http.Get("http://localhost")
}
`,
		"vendor/modules.txt":          "# example.org/dep v1.0.0\n## explicit\nexample.org/dep\n",
		"vendor/example.org/dep/d.go": pkg("dep") + "\nfunc Use() {}\n",
	})
	r := prodlint(t, dir, []string{"GOPROXY=off", "GOFLAGS="}, "./...")
	if r.code != 1 {
		t.Errorf("exit %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	wantFinding(t, r, "main.go:11:2")
	if strings.Contains(r.stdout, "vendor/") {
		t.Errorf("vendored code was reported:\n%s", r.stdout)
	}
}

func TestWorkspace(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"go.work":  "go 1.22\n\nuse (\n\t./a\n\t./b\n)\n",
		"a/go.mod": "module example.com/a\n\ngo 1.22\n",
		"a/a.go":   pkg("a"),
		"b/go.mod": "module example.com/b\n\ngo 1.22\n",
		"b/b.go":   "package b\n\nimport \"example.com/a\"\n\nvar F = a.Fetch\n",
		"b/b2.go":  strings.Replace(pkg("b"), "func Fetch", "func Fetch2", 1),
	})
	r := prodlint(t, dir, []string{"GOPROXY=off", "GOFLAGS="}, "./a/...", "./b/...")
	if r.code != 1 {
		t.Errorf("exit %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	wantFinding(t, r, "a/a.go:6:9")
	wantFinding(t, r, "b/b2.go:6:9")
}

// A generated package of 2,000 files and a 5 MB string literal finish in
// bounded time and memory. The figures are logged (go test -v) and
// recorded in docs/performance.md.
func TestLargeInputs(t *testing.T) {
	files := map[string]string{"go.mod": goMod}
	for i := 0; i < 2000; i++ {
		files[fmt.Sprintf("big/f%04d.go", i)] = fmt.Sprintf(`package big

import "net/http"

type T%[1]d struct{ Name string }

func (t T%[1]d) Get(c *http.Client, u string) (*http.Response, error) {
	if t.Name == "" {
		return nil, nil
	}
	return c.Get(u + t.Name)
}
`, i)
	}
	files["huge/huge.go"] = "package huge\n\nconst Blob = \"" + strings.Repeat("abcdefghij", 500_000) + "\"\n"
	dir := writeFiles(t, files)
	r := prodlint(t, dir, nil, "./...")
	if r.code != 0 && r.code != 1 {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	t.Logf("2,000 files + 5 MB literal: %v wall, %d MiB peak RSS", r.elapsed.Round(time.Millisecond), r.maxRSSKiB/1024)
	if r.elapsed > 3*time.Minute {
		t.Errorf("took %v, want under 3m", r.elapsed)
	}
	if r.maxRSSKiB > 2<<20 {
		t.Errorf("peak RSS %d MiB, want under 2 GiB", r.maxRSSKiB/1024)
	}
}

// The same input gives byte-identical output in every format, run after
// run, from the real binary with every rule.
func TestOutputIsByteIdenticalAcrossRuns(t *testing.T) {
	files := map[string]string{"go.mod": goMod}
	for _, p := range []string{"a", "b", "c"} {
		files[p+"/x.go"] = fmt.Sprintf(`package %s

import (
	"encoding/json"
	"net/http"
)

func Get(u string, v any) {
	resp, _ := http.Get(u)
	json.NewDecoder(resp.Body).Decode(v)
	for _, x := range []string{u, u} {
		go http.Head(x)
	}
}
`, p)
		files[p+"/y.go"] = pkg(p)[:len("package "+p)] + "\n\nfunc Y() { _ = 1 //prodlint:ignore http-timeout stale\n}\n"
	}
	dir := writeFiles(t, files)
	cache := []string{"PRODLINT_CACHE=" + t.TempDir()}
	// -q: the summary line on stderr carries the run's duration.
	for _, format := range [][]string{{"-q"}, {"-q", "-json"}, {"-q", "-sarif"}} {
		first := prodlint(t, dir, cache, append(format, "./...")...)
		if first.code != 1 || len(first.stdout) < 100 {
			t.Fatalf("%v: exit %d, output:\n%s%s", format, first.code, first.stdout, first.stderr)
		}
		// The second run is computed afresh, the third replayed from the
		// result cache: both must print the same bytes.
		for i, extra := range [][]string{{"-no-cache"}, nil} {
			again := prodlint(t, dir, cache, append(append(format, extra...), "./...")...)
			if again.stdout != first.stdout || again.stderr != first.stderr {
				t.Fatalf("%v: run %d differs from the first:\n%s\n---\n%s", format, i+2, first.stdout, again.stdout)
			}
		}
	}
}
