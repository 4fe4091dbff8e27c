package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestSmoke runs a handful of operators over the tiny module in
// testdata/smoke, written the production-ready way, and checks that each
// operator makes a mutant that type-checks and that prodlint reports it in
// the mutated function.
func TestSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds prodlint and runs it")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "prodlint")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/prodlint/prodlint/cmd/prodlint").CombinedOutput(); err != nil {
		t.Fatalf("build prodlint: %v\n%s", err, out)
	}
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
