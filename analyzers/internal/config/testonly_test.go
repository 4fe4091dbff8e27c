package config

import (
	"os"
	"path/filepath"
	"testing"
)

func TestImportedOnlyByTests(t *testing.T) {
	root := t.TempDir()
	write := func(rel, src string) {
		t.Helper()
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n")
	write("internal/harness/h.go", "package harness\n")
	write("internal/shared/s.go", "package shared\n")
	write("internal/unused/u.go", "package unused\n")
	write("internal/support/s.go", "package support\n")
	write("pkg/internal/deep/d.go", "package deep\n")
	write("public/p.go", "package public\n")
	write("m_test.go", "package m\nimport (\n_ \"example.com/m/internal/harness\"\n_ \"example.com/m/internal/shared\"\n_ \"example.com/m/public\"\n)\n")
	write("cmd/server/main.go", "package main\nimport _ \"example.com/m/internal/shared\"\nfunc main() {}\n")
	// A non-_test.go file that imports testing is test code too.
	write("internal/fixtures/f.go", "package fixtures\nimport (\n\"testing\"\n_ \"example.com/m/internal/support\"\n)\nvar _ testing.TB\n")
	write("pkg/internal/deep/d_test.go", "package deep\n")
	write("pkg/x_test.go", "package pkg\nimport _ \"example.com/m/pkg/internal/deep\"\n")
	// Imports from vendor and testdata directories do not count either way.
	write("vendor/v/v.go", "package v\nimport _ \"example.com/m/internal/harness\"\n")
	write("testdata/t.go", "package t\nimport _ \"example.com/m/internal/harness\"\n")
	for _, tc := range []struct {
		rel, path string
		want      bool
	}{
		{"internal/harness", "example.com/m/internal/harness", true},
		{"internal/shared", "example.com/m/internal/shared", false}, // cmd/server imports it
		{"internal/unused", "example.com/m/internal/unused", false}, // nothing imports it
		{"internal/support", "example.com/m/internal/support", true},
		{"pkg/internal/deep", "example.com/m/pkg/internal/deep", true},
		{"public", "example.com/m/public", false}, // not internal: other modules may import it
	} {
		var s ImportScanner
		if got := s.ImportedOnlyByTests(filepath.Join(root, tc.rel), tc.path); got != tc.want {
			t.Errorf("ImportedOnlyByTests(%s) = %t, want %t", tc.path, got, tc.want)
		}
	}
}

func TestInternalTreeRoot(t *testing.T) {
	for _, tc := range []struct {
		dir, path, want string
		ok              bool
	}{
		{"/src/m/internal/a", "example.com/m/internal/a", "/src/m", true},
		{"/src/m/x/internal/a/b", "example.com/m/x/internal/a/b", "/src/m/x", true},
		{"/src/m/internal/a/internal/b", "example.com/m/internal/a/internal/b", "/src/m/internal/a", true},
		{"/src/m/a", "example.com/m/a", "", false},
		{"", "example.com/m/internal/a", "", false}, // no directory known
	} {
		got, ok := internalTreeRoot(filepath.FromSlash(tc.dir), tc.path)
		if ok != tc.ok || (ok && got != filepath.FromSlash(tc.want)) {
			t.Errorf("internalTreeRoot(%s, %s) = %q, %t; want %q, %t", tc.dir, tc.path, got, ok, tc.want, tc.ok)
		}
	}
}
