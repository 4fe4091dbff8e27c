package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The samples mask the values that findings mark as secret, in every
// rule's sample lines, and nothing else.
func TestSamplesMaskMarkedSecrets(t *testing.T) {
	dir := t.TempDir()
	const key = "AKIAVQJXXVBOTHD2WTFL"
	src := "package p\n\nvar key = \"" + key + "\" // the key\nvar q = \"SELECT * FROM users\"\n"
	file := filepath.Join(dir, "p.go")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	start := strings.Index(src, `"AKIA`)
	out := `{"example.com/p": {"rule_a": [
		{"category": "rule-a", "posn": "` + file + `:3:11", "message": "holds a key", "secrets": [{"filename": "` + file + `", "start": ` +
		strconv.Itoa(start) + `, "end": ` + strconv.Itoa(start+len(key)+2) + `}]},
		{"category": "rule-b", "posn": "` + file + `:4:9", "message": "select star"}]}}`
	m := &module{Name: "m", Dir: dir}
	if !readFindings(m, []byte(out)) || len(m.Findings) != 2 {
		t.Fatalf("findings %v, problems %v", m.Findings, m.Problems)
	}
	for _, rule := range []string{"rule-a", "rule-b"} {
		path := filepath.Join(dir, rule+".txt")
		if err := writeSamples(path, rule, []*module{m}, 0); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(path)
		s := string(data)
		if strings.Contains(s, key) || !strings.Contains(s, "AKIA****") {
			t.Errorf("%s samples show the key, or no masked form of it:\n%s", rule, s)
		}
		if !strings.Contains(s, `"SELECT * FROM users"`) {
			t.Errorf("%s samples mask a string no finding marks:\n%s", rule, s)
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

// writeCorpus makes a corpus list and a fetched directory (with a go.mod)
// for each module line.
func writeCorpus(t *testing.T, lines ...string) (list, work string) {
	t.Helper()
	dir := t.TempDir()
	work = filepath.Join(dir, "work")
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 1 && !strings.HasPrefix(l, "#") {
			if err := os.MkdirAll(filepath.Join(work, f[1]), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(work, f[1], "go.mod"), []byte("module x\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	list = filepath.Join(dir, "corpus.txt")
	if err := os.WriteFile(list, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return list, work
}

func names(mods []*module) string {
	var n []string
	for _, m := range mods {
		n = append(n, m.Name+":"+m.Set)
	}
	return strings.Join(n, " ")
}

func TestReadCorpusSets(t *testing.T) {
	list, work := writeCorpus(t,
		"# module@version name set note",
		"example.com/h1@v1.0.0 h1 heldout a held-out server",
		"example.com/t1@v1.0.0 t1 tuning a tuning server",
		"example.com/t2@v1.2.0 t2 tuning another",
	)
	for _, tc := range []struct{ set, want string }{
		{setTuning, "t1:tuning t2:tuning"},
		{setHeldout, "h1:heldout"},
		{setAll, "t1:tuning t2:tuning h1:heldout"}, // tuning first
	} {
		mods, err := readCorpus(list, work, tc.set, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.set, err)
		}
		if got := names(mods); got != tc.want {
			t.Errorf("set %s: modules %q, want %q", tc.set, got, tc.want)
		}
	}
	if mods, err := readCorpus(list, work, setTuning, []string{"t2"}); err != nil || names(mods) != "t2:tuning" {
		t.Errorf("named t2 in the tuning set: %q, %v", names(mods), err)
	}
	// A tuning run must never analyze a held-out module, even when named.
	if mods, err := readCorpus(list, work, setTuning, []string{"h1"}); err == nil || !strings.Contains(err.Error(), "heldout set") {
		t.Errorf("held-out module named in a tuning run: %q, err %v; want an error naming its set", names(mods), err)
	}
	if _, err := readCorpus(list, work, "held-out", nil); err == nil {
		t.Error("unknown set accepted")
	}
}

func TestReadCorpusBadSetColumn(t *testing.T) {
	list, work := writeCorpus(t, "example.com/a@v1.0.0 a a small server")
	if _, err := readCorpus(list, work, setAll, nil); err == nil || !strings.Contains(err.Error(), ":1:") {
		t.Errorf("line without a set column: err %v, want one naming the line", err)
	}
}

func TestOutputsKeepSetsApart(t *testing.T) {
	seen := map[string]string{}
	for _, set := range []string{setTuning, setHeldout, setAll} {
		f, s := outputs(set)
		for _, p := range []string{f, s} {
			if other, ok := seen[p]; ok {
				t.Errorf("sets %s and %s both write %s", other, set, p)
			}
			seen[p] = set
		}
	}
	if f, s := outputs(setHeldout); f != "findings-heldout.md" || s != "samples-heldout" {
		t.Errorf("held-out outputs %s, %s", f, s)
	}
	if f, s := outputs(setTuning); f != "findings.md" || s != "samples" {
		t.Errorf("tuning outputs %s, %s", f, s)
	}
}

func TestTableShowsSets(t *testing.T) {
	a := &module{Name: "a", Set: setTuning, Lines: 1000}
	b := &module{Name: "b", Set: setHeldout, Lines: 1000}
	a.Findings = []finding{{Module: a, Rule: "r"}, {Module: a, Rule: "r"}}
	b.Findings = []finding{{Module: b, Rule: "r"}}
	var w strings.Builder
	writeTable(&w, setAll, []*module{a, b}, []string{"r"}, "samples-all")
	s := w.String()
	for _, want := range []string{"| a (`", "| tuning |", "| heldout |", "a (tuning) | b (heldout) | tuning total | heldout total | total |", "| r | 2 | 1 | 2 | 1 | 3 |"} {
		if !strings.Contains(s, want) {
			t.Errorf("table lacks %q:\n%s", want, s)
		}
	}
}

func TestEverySampleOnRequest(t *testing.T) {
	dir := t.TempDir()
	a := &module{Name: "a", Set: setHeldout, Dir: dir}
	for i := range 60 {
		a.Findings = append(a.Findings, finding{Module: a, Rule: "r", File: "x.go", Line: i + 1, Col: 1, Message: "m"})
	}
	out := filepath.Join(dir, "r.txt")
	if err := writeSamples(out, "r", []*module{a}, 0); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "] a/x.go:"); n != 60 {
		t.Errorf("%d findings written, want all 60", n)
	}
}

func TestSymlinkedWorkDir(t *testing.T) {
	list, work := writeCorpus(t, "example.com/a@v1.0.0 a tuning a server")
	link := filepath.Join(t.TempDir(), "work")
	if err := os.Symlink(work, link); err != nil {
		t.Skip(err)
	}
	mods, err := readCorpus(list, link, setTuning, nil)
	if err != nil {
		t.Fatal(err)
	}
	real, err := filepath.EvalSymlinks(filepath.Join(work, "a"))
	if err != nil {
		t.Fatal(err)
	}
	// prodlint prints resolved paths: they must come out relative.
	f, err := parseFinding(mods[0], diagnostic{Category: "r", Posn: filepath.Join(real, "x", "y.go") + ":3:4", Message: "m"})
	if err != nil {
		t.Fatal(err)
	}
	if f.File != "x/y.go" {
		t.Errorf("finding file %q, want x/y.go relative to the module", f.File)
	}
}
