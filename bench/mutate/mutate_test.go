package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var built struct {
	once sync.Once
	dir  string
	err  error
	out  []byte
}

// buildProdlint builds prodlint once for the package's tests.
func buildProdlint(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "mutate-test"); built.err != nil {
			return
		}
		built.out, built.err = exec.Command("go", "build", "-o", filepath.Join(built.dir, "prodlint"), "github.com/prodlint/prodlint/cmd/prodlint").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("build prodlint: %v\n%s", built.err, built.out)
	}
	return filepath.Join(built.dir, "prodlint")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// TestSmoke runs a handful of operators over the tiny module in
// testdata/smoke, written the production-ready way, and checks that each
// operator makes a mutant that type-checks and that prodlint reports it in
// the mutated function.
func TestSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds prodlint and runs it")
	}
	tmp := t.TempDir()
	bin := buildProdlint(t)
	want := []string{
		"client-timeout-delete", "err-check-delete", "status-check-delete", "body-close-delete",
		"newrequest-noctx", "tls-min-version", "setmaxopen-delete",
		"rows-close-delete", "rows-err-delete", "select-star",
		"query-into-loop", "query-into-rows-loop", "like-contains", "index-split", "sql-open-in-handler", "shutdown-to-close",
		"listen-default", "listen-default-main", "shutdown-delete", "ignore-stale", "loop-body-go",
		"credential-logged",
	}
	keep := map[string]bool{}
	for _, n := range want {
		keep[n] = true
	}
	var ops []*operator
	for _, op := range operators() {
		if keep[op.Name] {
			ops = append(ops, op)
		}
	}
	if len(ops) != len(want) {
		t.Fatalf("found %d of the %d operators", len(ops), len(want))
	}
	cfg := filepath.Join(tmp, "rules.toml")
	if err := os.WriteFile(cfg, []byte(configText), 0o644); err != nil {
		t.Fatal(err)
	}
	o := options{Scratch: filepath.Join(tmp, "scratch"), Cap: 3, Tries: 4, Seed: 1}
	if err := os.MkdirAll(o.Scratch, 0o755); err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "smoke"))
	if err != nil {
		t.Fatal(err)
	}
	muts, _, err := mutateModule(o, module{Name: "smoke", Dir: dir}, ops, bin, cfg)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, mu := range muts {
		got[mu.Site.Op.Name]++
		if mu.Status != statusDetected {
			t.Errorf("%s: %s (%s)\n%s", mu.ID, mu.Status, mu.Note, mu.Src)
		}
	}
	for _, n := range want {
		if got[n] == 0 {
			t.Errorf("operator %s made no mutant", n)
		}
	}
	// The corpus copy is restored after every round.
	orig, _ := os.ReadFile(filepath.Join(dir, "client", "client.go"))
	after, _ := os.ReadFile(filepath.Join(o.Scratch, "smoke", "client", "client.go"))
	if string(orig) != string(after) {
		t.Error("the scratch copy of client.go was not restored")
	}
}

// TestSmokeImporters: a helper's bug that the rule reports at the handler of
// another package calling it (through facts) is missed when only the
// mutated package runs, and counted as elsewhere, in the importing package,
// when the importers run too.
func TestSmokeImporters(t *testing.T) {
	if testing.Short() {
		t.Skip("builds prodlint and runs it")
	}
	bin := buildProdlint(t)
	var ops []*operator
	for _, op := range operators() {
		if op.Name == "limit-unwrap" {
			ops = append(ops, op)
		}
	}
	if len(ops) != 1 {
		t.Fatal("no limit-unwrap operator")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "smoke"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		importers int
		status    string
		note      string
	}{
		{0, statusMissed, ""},
		{1, statusElsewhere, importerNote + "api/api.go Create"},
		{-1, statusElsewhere, importerNote + "api/api.go Create"},
	} {
		tmp := t.TempDir()
		cfg := filepath.Join(tmp, "rules.toml")
		if err := os.WriteFile(cfg, []byte(configText), 0o644); err != nil {
			t.Fatal(err)
		}
		o := options{Scratch: filepath.Join(tmp, "scratch"), Cap: 3, Tries: 4, Seed: 1, Importers: tc.importers}
		if err := os.MkdirAll(o.Scratch, 0o755); err != nil {
			t.Fatal(err)
		}
		muts, _, err := mutateModule(o, module{Name: "smoke", Dir: dir}, ops, bin, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, mu := range muts {
			if mu.Rel != "decode/decode.go" {
				continue
			}
			found = true
			if mu.Status != tc.status || !strings.HasPrefix(mu.Note, tc.note) {
				t.Errorf("importers %d: %s: %s (%s), want %s (%s)", tc.importers, mu.ID, mu.Status, mu.Note, tc.status, tc.note)
			}
		}
		if !found {
			t.Fatalf("importers %d: no limit-unwrap mutant in decode/decode.go", tc.importers)
		}
	}
}
