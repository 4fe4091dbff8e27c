package rule

import (
	"fmt"
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/config"
)

// DirectiveRule returns the rule that reports malformed //prodlint:ignore
// directives. Directives that silence nothing are reported by the rule
// they name, after it ran, under this rule's id.
func DirectiveRule() *Rule {
	return &Rule{
		ID:       DirectiveRuleID,
		Severity: config.SeverityWarning,
		Enabled:  true,
		Doc: Doc{
			Title: "report //prodlint:ignore directives that are malformed or silence nothing",
			Why: `A suppression is a decision someone will have to revisit: without a reason nobody can tell whether it still holds, ` +
				`and a directive that silences nothing (the code was fixed or moved) would quietly hide the next real finding on that line. ` +
				`A directive written "// prodlint:ignore", with a space, is prose to Go tools and silences nothing.`,
			Bad: `//prodlint:ignore http-timeout
resp, err := http.Get(url)`,
			Good: `//prodlint:ignore http-timeout the health probe must hang with its target; the kubelet's probe timeout bounds it
resp, err := http.Get(url)`,
			Scope: `It has no quiet forms: it reports directives, not code. A well-formed directive is ` +
				`//prodlint:ignore RULE[,RULE...] REASON; it silences a finding of each rule it names on its own line ` +
				`(a trailing comment) or on the next line (a comment on a line of its own). Reported: a space after the ` +
				`slashes, no rule, an unknown rule, no reason; and, after the rules it names have run, a directive that ` +
				`silenced nothing, unless a rule it names is disabled in rules.toml (it cannot tell what that rule would report).`,
		},
		Run: runDirectiveRule,
	}
}

func runDirectiveRule(p *Pass) error {
	for _, d := range p.Package.directives.all {
		p.At(nil)
		rng := directiveRange{d}
		switch {
		case d.spaced:
			p.Report(rng, `"// prodlint:ignore" has a space after the slashes, so it silences nothing: write //prodlint:ignore RULE reason`)
		case len(d.rules) == 0:
			p.Report(rng, "//prodlint:ignore names no rule: write //prodlint:ignore RULE reason")
		default:
			var unknown []string
			for _, id := range d.rules {
				if !p.Package.Config.Known(id) {
					unknown = append(unknown, id)
				}
			}
			if len(unknown) > 0 {
				p.Report(rng, fmt.Sprintf("//prodlint:ignore names unknown rule %s: it silences nothing; see `prodlint help` for rule ids",
					strings.Join(unknown, ", ")))
			} else if d.reason == "" {
				p.Report(rng, "//prodlint:ignore has no reason, so it silences nothing: say why the finding does not apply, "+
					"so the next reader can tell whether it still holds")
			}
		}
	}
	return nil
}
