package driver

import (
	"encoding/json"
	"fmt"
	"io"
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

// printText prints findings like go vet: "file:line:col: [rule] message".
func (r *run) printText(w io.Writer, findings []*finding) {
	for _, f := range findings {
		fmt.Fprintf(w, "%s:%d:%d: %s\n", r.relPath(f.Posn.Filename), f.Posn.Line, f.Posn.Column, f.Message)
	}
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
