// Package rule turns a prodlint rule description into a go/analysis
// Analyzer: it compiles the rule's documentation into Doc and URL, hands
// the rule its typed options from rules.toml, filters findings by the
// configuration and //prodlint:ignore directives, and turns a panic inside
// the rule into an error that names the rule, package and position.
package rule

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/config"
)

// DocsBaseURL is where the generated rule pages are published; a rule's
// page is DocsBaseURL + id + ".md".
const DocsBaseURL = "https://github.com/prodlint/prodlint/blob/main/docs/rules/"

// Doc is a rule's documentation, in the shape of staticcheck's
// documentation struct. It is compiled into Analyzer.Doc and the rule's
// generated page.
type Doc struct {
	// Title is a lower-case one-line summary with no final period.
	Title string
	// Why is the production failure the rule prevents, in a paragraph.
	Why string
	// Bad is a short Go example the rule reports.
	Bad string
	// Good is the production-ready version of Bad, which it does not report.
	Good string
	// Scope says what a rule's quiet-form tables (Rule.Quiet) do not:
	// what is reported besides the obvious form, what the analysis cannot
	// see, which option widens it. It lists no safe form: every one is an
	// entry of a table (a Collected one for a form decided while
	// collecting candidates), so the documentation of what keeps a rule
	// quiet is generated from the code. The documentation prints it after
	// the forms.
	Scope string
	// Fix says what the SuggestedFix does; empty when there is none.
	Fix string
	// Since is the prodlint version that first shipped the rule. The
	// registry (analyzers.Rules) fills it from CHANGELOG.md, through the
	// generated analyzers/since.go; rules do not set it.
	Since string
}

// Rule describes one check. Rules are plain descriptions; Analyzer builds a
// fresh *analysis.Analyzer from one, so that every driver gets its own.
type Rule struct {
	// ID is the stable rule id: lower-case words joined by "-", as used in
	// messages, rules.toml tables and //prodlint:ignore directives.
	ID  string
	Doc Doc
	// Severity and Enabled are the defaults rules.toml can override.
	Severity config.Severity
	Enabled  bool
	// NewOptions returns a pointer to the rule's options struct filled with
	// defaults, or is nil for a rule without options. Each exported field
	// with a `toml` tag is a key of the rule's rules.toml table; its `doc`
	// tag explains it.
	NewOptions func() any
	// Requires lists analyzers the rule needs besides inspect.Analyzer.
	Requires []*analysis.Analyzer
	// FactTypes lists the facts the rule exports on the objects of a
	// package and imports from the packages it depends on, as in
	// analysis.Analyzer: drivers then run the rule on dependencies too.
	FactTypes []analysis.Fact
	// Imports lists package paths the rule is about: when the package
	// imports none of them (directly), the rule does not run. Empty means
	// the rule always runs.
	Imports []string
	// Quiet documents the safe forms the rule recognises, from its
	// quiet-form tables (Forms of each QuietForm table the rule passes to
	// Quiet), in the order they are tried. The rule's documentation is
	// generated from it, and a test checks that each form has a fixture.
	Quiet []Form
	// Run performs the check.
	Run func(p *Pass) error
	// Secrets says that the rule's findings can be about a secret
	// (Pass.ReportSecret marks it): a driver that prints source around
	// a fix without analyzing first (go vet -fix -diff) runs such rules
	// to find the files it must not show.
	Secrets bool
}

// AnalyzerName is the Go identifier form of a rule id ("http-timeout"
// becomes "http_timeout"): go/analysis requires analyzer names to be
// identifiers, and multichecker and go vet turn them into flags.
func AnalyzerName(id string) string { return strings.ReplaceAll(id, "-", "_") }

// URL returns the address of the rule's documentation page.
func (r *Rule) URL() string { return DocsBaseURL + r.ID + ".md" }

// Spec returns what the configuration needs to know about the rule.
func (r *Rule) Spec() config.RuleSpec {
	return config.RuleSpec{ID: r.ID, Enabled: r.Enabled, Severity: r.Severity, NewOptions: r.NewOptions}
}

// analyzerDoc compiles the documentation into the text go vet and
// `prodlint help RULE` print: the title line, then the failure, then what
// keeps it quiet.
func (r *Rule) analyzerDoc() string {
	var b strings.Builder
	b.WriteString(r.Doc.Title)
	b.WriteString("\n\n")
	b.WriteString("Rule id: " + r.ID + ".\n\n")
	b.WriteString(strings.TrimSpace(r.Doc.Why))
	if len(r.Quiet) > 0 {
		b.WriteString("\n\nQuiet on (prodlint -explain names the form that silenced a candidate):")
		for _, f := range r.Quiet {
			b.WriteString("\n  - " + f.Name + ": " + f.Entry())
		}
	}
	if r.Doc.Scope != "" {
		b.WriteString("\n\n" + strings.TrimSpace(r.Doc.Scope))
	}
	if forms := ForeignSuppressions(r.ID); forms != nil {
		b.WriteString("\n\nAlso silenced by the equivalent suppressions of other linters (unless rules.toml sets honor_nolint = false): ")
		b.WriteString(strings.Join(forms, ", ") + ", //nolint and //nolint:all, on the line or above the statement.")
	}
	if r.Doc.Fix != "" {
		b.WriteString("\n\nFix: ")
		b.WriteString(strings.TrimSpace(r.Doc.Fix))
	}
	return b.String()
}
