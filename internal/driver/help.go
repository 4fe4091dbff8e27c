package driver

import (
	"fmt"
	"strings"

	"github.com/prodlint/prodlint/analyzers"
)

// help prints the rule list, or one rule's documentation.
func help(opts Options, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(opts.Stdout, "prodlint rules (prodlint help RULE for details; configure them in rules.toml):")
		fmt.Fprintln(opts.Stdout)
		for _, r := range opts.Rules {
			state := ""
			if !r.Enabled {
				state = " (off by default)"
			}
			fmt.Fprintf(opts.Stdout, "  %-24s %s%s\n", r.ID, r.Doc.Title, state)
		}
		return ExitClean
	}
	code := ExitClean
	for _, id := range args {
		var found *analyzers.Rule
		for _, r := range opts.Rules {
			if r.ID == id || strings.ReplaceAll(r.ID, "-", "_") == id {
				found = r
			}
		}
		if found == nil {
			fmt.Fprintf(opts.Stderr, "prodlint: unknown rule id %q; `prodlint help` lists the rules\n", id)
			code = ExitUsage
			continue
		}
		fmt.Fprint(opts.Stdout, analyzers.RuleMarkdown(found))
	}
	return code
}
