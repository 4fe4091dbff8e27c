package driver

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/prodlint/prodlint/analyzers"
)

func (r *run) print(findings []*finding) error {
	switch {
	case r.flags.sarif:
		return r.printSARIF(r.opts.Stdout, findings)
	case r.flags.json:
		return r.printJSON(r.opts.Stdout, findings)
	}
	r.printText(r.opts.Stdout, findings)
	return nil
}

// printText prints findings like go vet, "file:line:col: [rule] message",
// with the severity before the message when it is not error, as compilers
// do ("file:line:col: warning: [rule] message"), so that an info finding
// never reads as an error and editors' problem matchers classify it.
func (r *run) printText(w io.Writer, findings []*finding) {
	for _, f := range findings {
		fmt.Fprintf(w, "%s:%d:%d: %s%s\n", r.relPath(f.Posn.Filename), f.Posn.Line, f.Posn.Column, severityTag(f.Severity), f.Message)
	}
}

// severityTag is the text-output prefix of a severity: none for error.
func severityTag(s analyzers.Severity) string {
	switch s {
	case "", "error":
		return ""
	}
	return string(s) + ": "
}

// The JSON shapes follow go/analysis' -json output (package ID → analyzer
// name → diagnostics), with the rule's severity added.
type jsonDiagnostic struct {
	Category       string           `json:"category,omitempty"`
	Severity       string           `json:"severity"`
	Posn           string           `json:"posn"`
	End            string           `json:"end,omitempty"`
	Message        string           `json:"message"`
	URL            string           `json:"url,omitempty"`
	SuggestedFixes []jsonFix        `json:"suggested_fixes,omitempty"`
	Related        []jsonRelatedPos `json:"related,omitempty"`
	// Secrets are the source ranges the rule marked as holding a secret:
	// tools that show source around a finding (the benchmark report)
	// mask what they hold.
	Secrets []jsonSpan `json:"secrets,omitempty"`
}

// jsonSpan is a byte range of a file.
type jsonSpan struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelatedPos struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

func (r *run) printJSON(w io.Writer, findings []*finding) error {
	tree := map[string]map[string][]jsonDiagnostic{}
	for _, f := range findings {
		jd := jsonDiagnostic{
			Category: f.Rule,
			Severity: string(f.Severity),
			Posn:     f.Posn.String(),
			End:      f.End.String(),
			Message:  f.Message,
			URL:      f.URL,
		}
		for _, sf := range f.Fixes {
			jf := jsonFix{Message: sf.Message, Edits: []jsonEdit{}}
			for _, e := range sf.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{Filename: e.Start.Filename, Start: e.Start.Offset, End: e.End.Offset, New: e.New})
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		for _, rel := range f.Related {
			jd.Related = append(jd.Related, jsonRelatedPos{Posn: rel.Posn.String(), Message: rel.Message})
		}
		for _, s := range f.Secrets {
			jd.Secrets = append(jd.Secrets, jsonSpan{Filename: s.Start.Filename, Start: s.Start.Offset, End: s.End.Offset})
		}
		byAnalyzer := tree[f.PkgID]
		if byAnalyzer == nil {
			byAnalyzer = map[string][]jsonDiagnostic{}
			tree[f.PkgID] = byAnalyzer
		}
		byAnalyzer[f.Analyzer] = append(byAnalyzer[f.Analyzer], jd)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(tree) // map keys are sorted: the output is deterministic
}

// summary is the line printed on stderr after the findings, e.g.
// "prodlint: 3 findings (2 errors, 1 warning) in 12 packages, 1.4s" or
// "prodlint: no findings in 11 packages, 0.9s; 1 package failed to load
// (errors above)".
func (r *run) summary(findings []*finding, elapsed time.Duration) string {
	bySeverity := map[analyzers.Severity]int{}
	for _, f := range findings {
		bySeverity[f.Severity]++
	}
	var b strings.Builder
	b.WriteString("prodlint: ")
	if len(findings) == 0 {
		b.WriteString("no findings")
	} else {
		b.WriteString(plural(len(findings), "finding", "findings"))
		var parts []string
		for _, s := range []struct {
			sev          analyzers.Severity
			one, several string
		}{{"error", "error", "errors"}, {"warning", "warning", "warnings"}, {"info", "info", "info"}} {
			if n := bySeverity[s.sev]; n > 0 {
				parts = append(parts, plural(n, s.one, s.several))
			}
		}
		b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	}
	failed := map[string]int{}
	for _, kind := range r.broken {
		failed[kind]++
	}
	analyzed := r.packages - failed["load-error"]
	fmt.Fprintf(&b, " in %s, %.1fs", plural(analyzed, "package", "packages"), elapsed.Seconds())
	if n := failed["load-error"]; n > 0 {
		fmt.Fprintf(&b, "; %s failed to load (errors above)", plural(n, "package", "packages"))
	}
	if n := failed["rule-error"]; n > 0 {
		fmt.Fprintf(&b, "; a rule failed on %s (errors above)", plural(n, "package", "packages"))
	}
	return b.String()
}
