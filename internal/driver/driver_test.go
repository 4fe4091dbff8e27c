package driver

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodlint/prodlint/analyzers"
)

// writeModule writes files (path → content) under a fresh directory and
// returns it. A go.mod is added unless one is given.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if _, ok := files["go.mod"]; !ok {
		files["go.mod"] = "module example.com/m\n\ngo 1.22\n"
	}
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

// panicCallRule reports calls of the builtin panic: a small, stable rule
// for testing the driver apart from the real families.
func panicCallRule() *analyzers.Rule {
	return &analyzers.Rule{
		ID: "test-panic-call", Enabled: true, Severity: "error",
		Doc: analyzers.Doc{Title: "report calls of panic"},
		Run: func(p *analyzers.Pass) error {
			p.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
				call := n.(*ast.CallExpr)
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
					p.Report(call, "panic called: the process dies; return an error")
				}
			})
			return nil
		},
	}
}

// crashingRule panics on the first function declaration it sees.
func crashingRule() *analyzers.Rule {
	return &analyzers.Rule{
		ID: "test-crash", Enabled: true, Severity: "error",
		Doc: analyzers.Doc{Title: "crash"},
		Run: func(p *analyzers.Pass) error {
			p.Preorder([]ast.Node{(*ast.FuncDecl)(nil)}, func(n ast.Node) {
				var m map[string]int
				m["x"]++
			})
			return nil
		},
	}
}

type result struct {
	code           int
	stdout, stderr string
}

func runProdlint(t *testing.T, dir string, rules []*analyzers.Rule, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	t.Setenv(analyzers.ConfigEnv, "")
	if os.Getenv(CacheEnv) == "" {
		t.Setenv(CacheEnv, t.TempDir()) // each test starts cold, and never touches the user's cache
	}
	code := Main(Options{Args: args, Dir: dir, Stdout: &out, Stderr: &errOut, Rules: rules})
	return result{code, out.String(), errOut.String()}
}

func testRules(extra ...*analyzers.Rule) []*analyzers.Rule {
	return append([]*analyzers.Rule{analyzers.RuleByID("ignore-directive"), panicCallRule()}, extra...)
}

const panicky = `package m

func F() {
	panic("boom")
}
`

func TestExitCodes(t *testing.T) {
	clean := writeModule(t, map[string]string{"m.go": "package m\n\nfunc F() error { return nil }\n"})
	if r := runProdlint(t, clean, testRules()); r.code != ExitClean || r.stdout != "" {
		t.Errorf("clean module: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	bad := writeModule(t, map[string]string{"m.go": panicky})
	r := runProdlint(t, bad, testRules())
	if r.code != ExitFindings || r.stdout != "m.go:4:2: [test-panic-call] panic called: the process dies; return an error (in F)\n" {
		t.Errorf("findings: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := runProdlint(t, bad, testRules(), "-nosuchflag"); r.code != ExitUsage {
		t.Errorf("bad flag: exit %d", r.code)
	}
	if r := runProdlint(t, bad, testRules(), "-enable", "no-such-rule"); r.code != ExitUsage || !strings.Contains(r.stderr, `unknown rule id "no-such-rule"`) {
		t.Errorf("unknown rule id: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runProdlint(t, bad, testRules(), "-disable", "test-panic-call"); r.code != ExitClean || r.stdout != "" {
		t.Errorf("-disable: exit %d, stdout %q", r.code, r.stdout)
	}
}

func TestSeverityInfoDoesNotFail(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"m.go":       panicky,
		"rules.toml": "[rules.test-panic-call]\nseverity = \"info\"\n",
	})
	r := runProdlint(t, dir, testRules())
	if r.code != ExitClean || !strings.Contains(r.stdout, "[test-panic-call]") {
		t.Errorf("info finding: exit %d, stdout %q", r.code, r.stdout)
	}
}

func TestConfigTypoExitsTwoWithLine(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"m.go":       panicky,
		"rules.toml": "tests = false\n\n[rules.test-panic-call]\nenabeld = false\n",
	})
	r := runProdlint(t, dir, testRules())
	want := filepath.Join(dir, "rules.toml") + `:4: rules.test-panic-call.enabeld: unknown key (did you mean "enabled"?)`
	if r.code != ExitUsage || !strings.Contains(r.stderr, want) {
		t.Errorf("exit %d, stderr %q; want 2 and %q", r.code, r.stderr, want)
	}
	// The same file named by -config.
	r = runProdlint(t, dir, testRules(), "-config", "rules.toml")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "rules.toml:4: rules.test-panic-call.enabeld") {
		t.Errorf("-config: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestNestedConfigGovernsItsPackages(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"a/a.go":       strings.Replace(panicky, "package m", "package a", 1),
		"b/b.go":       strings.Replace(panicky, "package m", "package b", 1),
		"b/rules.toml": "[rules.test-panic-call]\nenabled = false\n",
		"rules.toml":   "exclude = [\"gen/**\"]\n",
		"gen/g.go":     strings.Replace(panicky, "package m", "package gen", 1),
	})
	r := runProdlint(t, dir, testRules())
	if r.code != ExitFindings || r.stdout != "a/a.go:4:2: [test-panic-call] panic called: the process dies; return an error (in F)\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestBrokenPackageIsReportedAndTheRestAnalyzed(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"good/good.go":     strings.Replace(panicky, "package m", "package good", 1),
		"broken/broken.go": "package broken\n\nfunc F() {\n\treturn 1 +\n}\n",
		"typeerr/t.go":     "package typeerr\n\nfunc F() int { return \"s\" }\n",
	})
	r := runProdlint(t, dir, testRules())
	if r.code != ExitAnalysis {
		t.Errorf("exit %d, want %d", r.code, ExitAnalysis)
	}
	if !strings.Contains(r.stdout, "good/good.go:4:2: [test-panic-call]") {
		t.Errorf("the loadable package was not analyzed: stdout %q", r.stdout)
	}
	for _, want := range []string{"broken.go:5:1: ", "t.go:3:23: ", "package example.com/m/broken not analyzed", "package example.com/m/typeerr not analyzed"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}

func TestRulePanicIsIsolated(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": panicky})
	r := runProdlint(t, dir, testRules(crashingRule()))
	if r.code != ExitAnalysis {
		t.Errorf("exit %d, want %d", r.code, ExitAnalysis)
	}
	if !strings.Contains(r.stdout, "[test-panic-call] panic called") {
		t.Errorf("the other rule's finding is missing: %q", r.stdout)
	}
	for _, want := range []string{"internal error: rule test-crash panicked on package example.com/m at " + filepath.Join(dir, "m.go") + ":3:1", "assignment to entry in nil map", "please report it"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}

func TestOutputIsDeterministic(t *testing.T) {
	files := map[string]string{}
	for _, p := range []string{"a", "b", "c", "d"} {
		files[p+"/x.go"] = "package " + p + "\n\nfunc F() { panic(1); panic(2) }\n\nfunc G() { panic(3) }\n"
		files[p+"/y.go"] = "package " + p + "\n\nfunc H() { panic(4) }\n"
	}
	dir := writeModule(t, files)
	for _, format := range [][]string{nil, {"-json"}, {"-sarif"}} {
		first := runProdlint(t, dir, testRules(), format...)
		for i := 0; i < 3; i++ {
			again := runProdlint(t, dir, testRules(), format...)
			if again.stdout != first.stdout || again.code != first.code {
				t.Fatalf("%v: output differs between runs:\n%s\n---\n%s", format, first.stdout, again.stdout)
			}
		}
		if format == nil {
			lines := strings.Split(strings.TrimSpace(first.stdout), "\n")
			if len(lines) != 16 || !strings.HasPrefix(lines[0], "a/x.go:3:12:") || !strings.HasPrefix(lines[1], "a/x.go:3:22:") || !strings.HasPrefix(lines[15], "d/y.go:") {
				t.Errorf("text output not sorted by file, line, column:\n%s", first.stdout)
			}
		}
	}
}

func TestJSONAndSARIF(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": panicky})
	r := runProdlint(t, dir, testRules(), "-json")
	var tree map[string]map[string][]jsonDiagnostic
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("-json output does not parse: %v\n%s", err, r.stdout)
	}
	diags := tree["example.com/m"]["test_panic_call"]
	if len(diags) != 1 || diags[0].Category != "test-panic-call" || diags[0].Severity != "error" || !strings.HasSuffix(diags[0].Posn, "m.go:4:2") {
		t.Errorf("-json = %+v", tree)
	}
	r = runProdlint(t, dir, testRules(), "-sarif")
	var log sarifLog
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatalf("-sarif output does not parse: %v", err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "prodlint" || len(log.Runs[0].Results) != 1 {
		t.Fatalf("sarif = %+v", log)
	}
	res := log.Runs[0].Results[0]
	loc := res.Locations[0].PhysicalLocation
	if res.RuleID != "test-panic-call" || res.Message.Text == "" || loc.ArtifactLocation.URI != "m.go" || loc.Region.StartLine != 4 ||
		log.Runs[0].Tool.Driver.Rules[res.RuleIndex].ID != "test-panic-call" {
		t.Errorf("sarif result = %+v", res)
	}
}

func TestHelp(t *testing.T) {
	r := runProdlint(t, "", nil, "help")
	if r.code != ExitClean || !strings.Contains(r.stdout, "ignore-directive") {
		t.Errorf("help: exit %d, %q", r.code, r.stdout)
	}
	r = runProdlint(t, "", nil, "help", "ignore-directive")
	if r.code != ExitClean || !strings.Contains(r.stdout, "## Bad") {
		t.Errorf("help RULE: exit %d, %q", r.code, r.stdout)
	}
	if r := runProdlint(t, "", nil, "help", "nope"); r.code != ExitUsage {
		t.Errorf("help of an unknown rule: exit %d", r.code)
	}
}

// TestConfigResolvedOncePerPackage: a package directory's configuration
// is resolved once, and the severity of a finding is read from the
// configuration of its package (the one the analysis ran with), not looked
// up again from the finding's file.
func TestConfigResolvedOncePerPackage(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"info/rules.toml": "[rules.test-panic-call]\nseverity = \"info\"\n",
		"plain/p.go":      "package plain\n",
	})
	r := &run{loader: analyzers.NewConfigLoader(testRules()...)}
	plain := filepath.Join(dir, "plain")
	a, errA := r.configFor(plain)
	b, errB := r.configFor(plain + string(filepath.Separator))
	if errA != nil || errB != nil || a != b {
		t.Fatalf("configFor resolved %s twice: %p, %p (%v, %v)", plain, a, b, errA, errB)
	}
	r.pkgDirs = map[string]string{"example.com/m/info": filepath.Join(dir, "info")}
	f := &finding{PkgID: "example.com/m/info", Rule: "test-panic-call"}
	f.Posn.Filename = filepath.Join(plain, "p.go") // a position outside the package's directory
	if got := r.severity(f); got != "info" {
		t.Errorf("severity = %q, want info (the package's configuration)", got)
	}
	f.PkgID = "not-loaded"
	if got := r.severity(f); got != "error" {
		t.Errorf("severity of a finding of an unknown package = %q, want error (its file's configuration)", got)
	}
}
