package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// vetID runs prodlint -V=full in dir as the go command does, checks that
// the answer has the shape the go command parses (buildid.go: "NAME
// version devel ... buildID=ID", keyed on what follows the last slash) and
// returns the ID.
func vetID(t *testing.T, dir string, env ...string) string {
	t.Helper()
	r := prodlint(t, dir, env, "-V=full")
	f := strings.Fields(r.stdout)
	if r.code != 0 || len(f) < 3 || f[1] != "version" || !strings.Contains(f[2], "devel") ||
		!strings.HasPrefix(f[len(f)-1], "buildID=") || strings.Contains(f[len(f)-1], "/") {
		t.Fatalf("prodlint -V=full: exit %d, answer %q is not what the go command parses", r.code, r.stdout)
	}
	return f[len(f)-1]
}

func TestVetToolIDFollowsConfiguration(t *testing.T) {
	dir := t.TempDir()
	write := func(path, data string) { writeTestFile(t, path, data) }
	write(filepath.Join(dir, "go.mod"), "module example.com/m\n")
	sub := filepath.Join(dir, "a", "b")
	write(filepath.Join(sub, "b.go"), "package b\n")

	id0 := vetID(t, dir)
	if vetID(t, dir) != id0 {
		t.Fatal("-V=full changed with nothing edited")
	}
	// go vet asks in the directory it runs in; a rules.toml anywhere in
	// the module may govern a package it analyzes.
	write(filepath.Join(dir, "a", "rules.toml"), "tests = true\n")
	id1 := vetID(t, sub)
	if id1 == id0 {
		t.Error("adding a/rules.toml did not change -V=full")
	}
	if vetID(t, dir) != id1 {
		t.Error("-V=full differs between the module root and a package directory")
	}
	write(filepath.Join(dir, "a", "rules.toml"), "tests = false\n")
	if vetID(t, dir) == id1 {
		t.Error("editing a/rules.toml did not change -V=full")
	}
	// The same tree elsewhere (another checkout, a fresh CI workspace)
	// has the same configuration: the go command may reuse the facts it
	// cached for the dependencies.
	other := t.TempDir()
	write(filepath.Join(other, "go.mod"), "module example.com/m\n")
	write(filepath.Join(other, "a", "b", "b.go"), "package b\n")
	write(filepath.Join(other, "a", "rules.toml"), "tests = false\n")
	if vetID(t, other) != vetID(t, dir) {
		t.Error("-V=full differs between two copies of the same tree")
	}
	// A rules.toml that moves governs other packages.
	if err := os.Rename(filepath.Join(other, "a", "rules.toml"), filepath.Join(other, "a", "b", "rules.toml")); err != nil {
		t.Fatal(err)
	}
	if vetID(t, other) == vetID(t, dir) {
		t.Error("moving a/rules.toml to a/b did not change -V=full")
	}
	// So does $PRODLINT_CONFIG inside each copy, named by its place there.
	write(filepath.Join(dir, "ci", "rules.toml"), "tests = true\n")
	write(filepath.Join(other, "ci", "rules.toml"), "tests = true\n")
	if vetID(t, other, "PRODLINT_CONFIG="+filepath.Join(other, "ci", "rules.toml")) != vetID(t, dir, "PRODLINT_CONFIG="+filepath.Join(dir, "ci", "rules.toml")) {
		t.Error("-V=full differs between two copies of the same tree under $PRODLINT_CONFIG inside each")
	}
	cfg := filepath.Join(t.TempDir(), "ci.toml")
	write(cfg, "tests = true\n")
	e1 := vetID(t, dir, "PRODLINT_CONFIG="+cfg)
	write(cfg, "tests = false\n")
	if vetID(t, dir, "PRODLINT_CONFIG="+cfg) == e1 {
		t.Error("editing $PRODLINT_CONFIG did not change -V=full")
	}
}
