package rule_test

import (
	"go/ast"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

// panicCalls is a test rule that reports every call of the builtin panic.
func panicCalls() *rule.Rule {
	return &rule.Rule{
		ID: "test-panic", Enabled: true, Severity: config.SeverityError,
		Doc: rule.Doc{Title: "report calls of panic"},
		Run: func(p *rule.Pass) error {
			p.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
				call := n.(*ast.CallExpr)
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
					p.Reportf(call, "panic called")
				}
			})
			return nil
		},
	}
}

func TestDirectives(t *testing.T) {
	as := ruletest.Analyzers(t, "", rule.DirectiveRule(), panicCalls())
	analysistest.Run(t, ruletest.TestData(), as[0], "directivesyntax")
	analysistest.Run(t, ruletest.TestData(), as[1], "directives")
}

func TestDisabledRuleReportsNothing(t *testing.T) {
	as := ruletest.Analyzers(t, "[rules.test-panic]\nenabled = false\n", panicCalls())
	analysistest.Run(t, ruletest.TestData(), as[0], "disabled")
}

func TestPanicBecomesError(t *testing.T) {
	crashing := panicCalls()
	crashing.Run = func(p *rule.Pass) error {
		p.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
			var m map[string]int
			m["boom"]++ // nil map write: a real runtime panic
		})
		return nil
	}
	a := ruletest.Analyzer(t, "", crashing)
	res := analysistest.Run(&recordingT{T: t}, ruletest.TestData(), a, "disabled")
	if len(res) != 1 {
		t.Fatalf("got %d results, want 1", len(res))
	}
	perr, ok := res[0].Err.(*rule.PanicError)
	if !ok {
		t.Fatalf("error = %v (%T), want *rule.PanicError", res[0].Err, res[0].Err)
	}
	if perr.Rule != "test-panic" || perr.Package != "disabled" || perr.Pos == "" {
		t.Errorf("PanicError = rule %q package %q pos %q; want rule, package and position", perr.Rule, perr.Package, perr.Pos)
	}
}

// recordingT lets a test inspect an analysis error analysistest would
// otherwise fail on.
type recordingT struct{ *testing.T }

func (r *recordingT) Errorf(format string, args ...any) {}

func TestForeignDirectives(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", panicCalls()), "foreigndirectives")
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "honor_nolint = false\n", panicCalls()), "foreignoff")
}

func TestParseForeign(t *testing.T) {
	for text, want := range map[string][]string{
		"//nolint:gosec // dev only":         {"http-error", "no-graceful-shutdown", "secret-literal", "server-timeout", "tls-insecure"},
		"// #nosec G114 -- dev server":       {"no-graceful-shutdown", "server-timeout"},
		"/* #nosec G402 */":                  {"tls-insecure"},
		"// #nosec G101,G402":                {"secret-literal", "tls-insecure"},
		"// #nosec":                          {"http-error", "no-graceful-shutdown", "secret-literal", "server-timeout", "tls-insecure"},
		"//nolint:bodyclose,noctx // closed": {"ctx-variant", "http-bodyclose"},
		"// #nosec G304":                     nil,
		"//nolint:errcheck":                  nil,
		"// a #nosec in prose":               nil,
		"//nolintlint":                       nil,
	} {
		got := rule.ForeignRules(text)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%q silences %v, want %v", text, got, want)
		}
	}
}
