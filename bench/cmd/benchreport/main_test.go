package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMaskStrings(t *testing.T) {
	src := "package p\n\nvar key = \"AKIAVQJXXVBOTHD2WTFL\"\nvar raw = `line one secret\r\nline two`\nvar short = \"ab\"\nvar uni = \"pässwörd-123\"\n"
	got := string(maskStrings([]byte(src)))
	for _, leaked := range []string{"VQJXXVBOTHD2WTFL", "one secret", "two", "wörd-123"} {
		if strings.Contains(got, leaked) {
			t.Errorf("masked source still holds %q:\n%s", leaked, got)
		}
	}
	if len(got) != len(src) || strings.Count(got, "\n") != strings.Count(src, "\n") {
		t.Errorf("masking moved offsets or lines:\n%q\n%q", src, got)
	}
	for _, want := range []string{`"AKIA****************"`, "`line", `"ab"`, `"päss`} {
		if !strings.Contains(got, want) {
			t.Errorf("masked source lacks %q:\n%s", want, got)
		}
	}
}

func TestSamplesSpreadOverModules(t *testing.T) {
	dir := t.TempDir()
	a := &module{Name: "a", Dir: dir}
	b := &module{Name: "b", Dir: dir}
	for i := range 100 {
		a.Findings = append(a.Findings, finding{Module: a, Rule: "r", File: "x.go", Line: i + 1, Col: 1, Message: "m"})
	}
	for i := range 3 {
		b.Findings = append(b.Findings, finding{Module: b, Rule: "r", File: "y.go", Line: i + 1, Col: 1, Message: "m"})
	}
	out := filepath.Join(dir, "r.txt")
	if err := writeSamples(out, "r", []*module{a, b}, 10); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if n := strings.Count(s, "] a/x.go:"); n != 7 {
		t.Errorf("%d samples from a, want 7 (the 3 of b and 7 of a):\n%s", n, s)
	}
	if n := strings.Count(s, "] b/y.go:"); n != 3 {
		t.Errorf("%d samples from b, want 3:\n%s", n, s)
	}
	if !strings.Contains(s, "a/x.go:8:1") || !strings.Contains(s, "a/x.go:93:1") {
		t.Errorf("samples of a are not spread over its findings:\n%s", s)
	}
}

func TestProblems(t *testing.T) {
	stderr := "x.go:1:2: undefined: y\nprodlint: package p not analyzed: it does not load or type-check\n"
	if p := problems(stderr, 3); len(p) != 0 {
		t.Errorf("type errors taken for a crash: %v", p)
	}
	for _, bad := range []string{
		"prodlint: internal error: rule http-timeout panicked on package p: boom",
		"prodlint: http_timeout on package p: failed",
		"panic: runtime error: index out of range",
	} {
		if p := problems(bad+"\n", 3); len(p) != 1 {
			t.Errorf("%q: problems = %v, want it reported", bad, p)
		}
	}
	if p := problems("", 2); len(p) != 1 {
		t.Errorf("exit 2 not reported: %v", p)
	}
}
