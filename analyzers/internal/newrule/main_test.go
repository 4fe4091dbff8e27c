package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestScaffoldBuildsAndPasses scaffolds a rule into an existing family and
// one into a new family, in a copy of the module, and checks that both
// build, pass their own tests, and satisfy the registry's documentation
// and generated-file checks once make generate has run, and the layout
// check (TestLayout): the scaffold writes files where the convention says.
func TestScaffoldBuildsAndPasses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests a copy of the analyzers")
	}
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for _, p := range []string{"go.mod", "go.sum", "CHANGELOG.md", "rules.toml", "analyzers", "internal", "docs/rules"} {
		if err := copyTree(filepath.Join(root, p), filepath.Join(tmp, p)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := scaffold(tmp, "sqlcheck", "scaffold-probe"); err != nil {
		t.Fatal(err)
	}
	if _, err := scaffold(tmp, "probecheck", "probe-family-rule"); err != nil {
		t.Fatal(err)
	}
	if _, err := scaffold(tmp, "sqlcheck", "scaffold-probe"); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Errorf("scaffolding the same rule twice: err = %v, want a refusal", err)
	}
	if _, err := scaffold(tmp, "sqlcheck", "Bad_ID"); err == nil {
		t.Error("an invalid rule id was accepted")
	}
	goCmd := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir = tmp
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	goCmd("vet", "./analyzers/sqlcheck/", "./analyzers/probecheck/")
	goCmd("test", "-count=1", "-run", "^(TestScaffoldProbe|TestProbeFamilyRule)$", "./analyzers/sqlcheck/", "./analyzers/probecheck/")
	goCmd("test", "-count=1", "-run", "^TestGenerated$", "./analyzers/", "-update") // make generate
	goCmd("test", "-count=1", "-run", "^(TestGenerated|TestRegistryDocumentsEveryRule|TestNewBuildsFreshValidAnalyzers|TestLayout)$", "./analyzers/")
	// The quiet-form check of the two new rules only: the copy's other
	// rules are the module's own, which its test run checks.
	out := goCmd("test", "-count=1", "-v", "-run", "^TestQuietFormsAreDocumentedAndTested$/^(scaffold-probe|probe-family-rule)$", "./analyzers/")
	for _, id := range []string{"scaffold-probe", "probe-family-rule"} {
		if !strings.Contains(out, "--- PASS: TestQuietFormsAreDocumentedAndTested/"+id+" ") {
			t.Errorf("the quiet-form check did not run for %s:\n%s", id, out)
		}
	}
	for _, doc := range []string{"scaffold-probe", "probe-family-rule"} {
		if _, err := os.Stat(filepath.Join(tmp, "docs", "rules", doc+".md")); err != nil {
			t.Errorf("make generate wrote no page for %s: %v", doc, err)
		}
	}
}

// copyTree copies the file or directory src to dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
