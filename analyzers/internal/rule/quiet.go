package rule

import (
	"go/token"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
)

// QuietForm is one safe form a rule recognises: a candidate it applies to
// is not reported. A rule lists its forms as data, in tables next to the
// rule (<family>/<id>_quiet.go), and asks Quiet at the one place where it
// would otherwise return early; the rule's documentation (what keeps it
// quiet) is generated from the same entries, and prodlint -explain prints
// which entry silenced which candidate.
type QuietForm[C any] struct {
	// Name is the form's id: lower-case words joined by "-", unique within
	// the rule. The rule's fixture has a function named FixtureFunc(Name)
	// ("loopback-listener" becomes quietLoopbackListener) that holds the
	// form and stays quiet, beside a reported twin.
	Name string
	// Doc is one sentence saying what the form is and why it is safe.
	Doc string
	// Applies reports whether the candidate has the form.
	Applies func(C) bool
	// Fixture names the fixture function when it cannot be
	// FixtureFunc(Name), as Form.Fixture does.
	Fixture string
}

// Form is a quiet form's documentation, without its predicate: what a
// rule declares in Rule.Quiet and the docs are generated from.
type Form struct {
	Name string
	Doc  string
	// Collected marks a form the rule applies while it collects
	// candidates, before there is a candidate to hand to Quiet (a value
	// read from the environment is never a secret literal): it is
	// documented and held by a fixture function like every form, and the
	// rule calls Decided where it drops the would-be candidate, so that
	// prodlint -explain names it as it names a table's entry.
	Collected bool
	// Unexplained marks a Collected form whose rule does not yet call
	// Decided for it (CollectedUnexplained): -explain does not name it,
	// and its documentation says so.
	Unexplained bool
	// Fixture names the fixture function that holds the form when it
	// cannot be FixtureFunc(Name): a form about the name of a function is
	// held by a function so named.
	Fixture string
}

// FixtureName returns the name of the fixture function that holds the
// form: Fixture, or else FixtureFunc(Name).
func (f Form) FixtureName() string {
	if f.Fixture != "" {
		return f.Fixture
	}
	return FixtureFunc(f.Name)
}

// Collected returns forms, marked as decided while collecting candidates
// (Form.Collected), for Declare. The rule calls Decided with the form's
// name where the form drops a would-be candidate.
func Collected(forms ...Form) []Form {
	out := make([]Form, len(forms))
	for i, f := range forms {
		f.Collected = true
		out[i] = f
	}
	return out
}

// CollectedUnexplained is Collected for forms whose rule does not call
// Decided yet (Form.Unexplained): documented and held by fixtures, but
// not named by -explain.
func CollectedUnexplained(forms ...Form) []Form {
	out := Collected(forms...)
	for i := range out {
		out[i].Unexplained = true
	}
	return out
}

// Entry is the line that documents the form in help and on the rule's
// page: its sentence, and for a form -explain does not name a note
// saying so.
func (f Form) Entry() string {
	doc := strings.TrimSpace(f.Doc)
	if f.Unexplained {
		doc += " (Not a candidate: -explain does not name it.)"
	}
	return doc
}

// Forms returns the documentation of the entries of one or more tables
// of a rule, in order, for Rule.Quiet.
func Forms[C any](table []QuietForm[C]) []Form {
	out := make([]Form, len(table))
	for i, f := range table {
		out[i] = Form{Name: f.Name, Doc: f.Doc, Fixture: f.Fixture}
	}
	return out
}

// Silence is a candidate a quiet form silenced, as prodlint -explain
// prints it.
type Silence struct {
	Rule string
	Pos  token.Position
	Form Form
}

// Quiet reports whether one of the forms of table applies to candidate c,
// trying them in order and stopping at the first that does, as a chain of
// || would. When one does and the driver asked for explanations, it
// records which form silenced the candidate at rng.
func Quiet[C any](p *Pass, rng analysis.Range, table []QuietForm[C], c C) bool {
	for _, f := range table {
		if f.Applies(c) {
			p.silenced(rng, f.Name, f.Doc)
			return true
		}
	}
	return false
}

// Decided records that the rule's Collected form name kept the would-be
// candidate at rng from being one, as Quiet records the entry of a table
// that silenced a candidate: Quiet and Decided are the one way a rule
// tells prodlint -explain which form kept it quiet. name must be a form
// the rule declares (Rule.Quiet); the doc-contract test checks it on
// the form's fixture.
func Decided(p *Pass, rng analysis.Range, name string) {
	if p.Package.explain == nil {
		return
	}
	for _, f := range p.Rule.Quiet {
		if f.Name == name {
			p.silenced(rng, f.Name, f.Doc)
			return
		}
	}
	p.silenced(rng, name, "")
}

// Explaining reports whether the driver asked which form silenced each
// candidate (prodlint -explain): a rule whose form name costs work to
// find (a walk of a loop's body) computes it only then.
func (p *Pass) Explaining() bool { return p.Package.explain != nil }

// silenced records a silence for the driver, unless it did not ask or the
// configuration excludes the file.
func (p *Pass) silenced(rng analysis.Range, name, doc string) {
	if p.Package.explain == nil || rng == nil || !p.Package.Analyzes(p.Fset, rng.Pos()) {
		return
	}
	p.Package.explain(Silence{Rule: p.Rule.ID, Pos: p.Fset.Position(rng.Pos()), Form: Form{Name: name, Doc: doc}})
}

// FixtureFunc is the name of the fixture function that holds the quiet
// form name: "quiet" and the form's words in camel case
// ("loopback-listener" becomes "quietLoopbackListener").
func FixtureFunc(name string) string {
	var b strings.Builder
	b.WriteString("quiet")
	for _, w := range strings.Split(name, "-") {
		if w == "" {
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	return b.String()
}

// Declare joins the forms of a rule's tables for Rule.Quiet, in order,
// keeping one copy of a form two tables share (TestHarness).
func Declare(tables ...[]Form) []Form {
	var out []Form
	seen := map[Form]bool{}
	for _, t := range tables {
		for _, f := range t {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}
