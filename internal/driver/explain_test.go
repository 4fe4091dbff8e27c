package driver

import (
	"strings"
	"testing"

	"github.com/prodlint/prodlint/analyzers"
)

const explained = `package m

import (
	"context"
	"net/http"
)

func fetch(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req)
}

func get(u string) {
	http.Get(u)
}
`

// -explain prints, after the findings, which quiet form silenced which
// candidate; -explain=FILE:LINE only those on that line.
func TestExplain(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": explained})
	rules := testRules(analyzers.RuleByID("http-timeout"))
	want := "m.go:10:2: quiet: [http-timeout] request-context-bounded: client.Do(req)"

	plain := runProdlint(t, dir, rules, "-q")
	if strings.Contains(plain.stdout, "quiet:") {
		t.Errorf("without -explain, stdout says why candidates are quiet:\n%s", plain.stdout)
	}
	r := runProdlint(t, dir, rules, "-q", "-explain")
	if r.code != ExitFindings || !strings.HasPrefix(r.stdout, plain.stdout) || !strings.Contains(r.stdout, "\n"+want) {
		t.Errorf("-explain: exit %d, stdout:\n%s\nwant the findings, then a line starting %q", r.code, r.stdout, want)
	}
	if n := strings.Count(r.stdout, "quiet:"); n != 1 {
		t.Errorf("-explain printed %d silences, want 1:\n%s", n, r.stdout)
	}
	// A second run explains again: the result cache does not skip the analysis.
	if again := runProdlint(t, dir, rules, "-q", "-explain"); again.stdout != r.stdout {
		t.Errorf("second -explain run:\n%s\nwant\n%s", again.stdout, r.stdout)
	}

	at := runProdlint(t, dir, rules, "-q", "-explain=m.go:10")
	if !strings.Contains(at.stdout, want) {
		t.Errorf("-explain=m.go:10: stdout:\n%s", at.stdout)
	}
	none := runProdlint(t, dir, rules, "-q", "-explain=m.go:14")
	if strings.Contains(none.stdout, "quiet: [") || !strings.Contains(none.stdout, "no candidate was silenced by a quiet form on m.go:14") {
		t.Errorf("-explain=m.go:14 (a reported line): stdout:\n%s", none.stdout)
	}
	for _, args := range [][]string{{"-explain=m.go"}, {"-explain=m.go:x"}, {"-explain", "-json"}, {"-explain", "-fix"}} {
		if r := runProdlint(t, dir, rules, args...); r.code != ExitUsage {
			t.Errorf("%v: exit %d, want %d; stderr %q", args, r.code, ExitUsage, r.stderr)
		}
	}
}

const collected = `package m

import "context"

func main() {
	_ = context.Background()
}

func detach(ctx context.Context) context.Context {
	return context.WithoutCancel(ctx)
}
`

// -explain names the forms a rule decides while it collects candidates
// (rule.Decided) as it names a table's entries, for the whole run and for
// one line.
func TestExplainCollectedForms(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": collected, "rules.toml": "[rules.ctx-background]\nenabled = true\n"})
	rules := testRules(analyzers.RuleByID("ctx-background"))
	noCtx := "m.go:6:6: quiet: [ctx-background] no-ctx-in-scope: A function without a named context.Context"
	detached := "m.go:10:9: quiet: [ctx-background] without-cancel: context.WithoutCancel(ctx) itself"

	r := runProdlint(t, dir, rules, "-q", "-explain")
	if !strings.Contains(r.stdout, noCtx) || !strings.Contains(r.stdout, detached) {
		t.Errorf("-explain: stdout:\n%s\nwant lines starting %q and %q", r.stdout, noCtx, detached)
	}
	if n := strings.Count(r.stdout, "quiet:"); n != 2 {
		t.Errorf("-explain printed %d silences, want 2:\n%s", n, r.stdout)
	}
	at := runProdlint(t, dir, rules, "-q", "-explain=m.go:10")
	if !strings.Contains(at.stdout, detached) || strings.Contains(at.stdout, "no-ctx-in-scope") {
		t.Errorf("-explain=m.go:10: stdout:\n%s\nwant only %q", at.stdout, detached)
	}
}
