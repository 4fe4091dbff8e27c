package driver

import (
	"encoding/json"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/prodlint/prodlint/analyzers"
)

// SARIF 2.1.0, the subset GitHub code scanning reads.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations"`
	Results            []sarifResult               `json:"results"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Properties         map[string]any              `json:"properties,omitempty"`
}

// sarifInvocation says whether the run analyzed everything it was asked
// to: a package that does not load or a rule that fails is a tool
// execution notification and makes executionSuccessful false, so that an
// upload with no results never reads as a clean bill of health.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level      string             `json:"level"`
	Message    sarifText          `json:"message"`
	Descriptor *sarifDescriptorID `json:"descriptor,omitempty"`
}

type sarifDescriptorID struct {
	ID string `json:"id"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	HelpURI              string         `json:"helpUri"`
	Help                 sarifHelp      `json:"help"`
	DefaultConfiguration sarifRuleLevel `json:"defaultConfiguration"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleLevel struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
	// BaselineState is "new" for a result -baseline or -new-from-rev
	// selected. Baselined results are left out, not sent as "unchanged":
	// a code scanning service may open an alert for every result it
	// receives, whatever its state.
	BaselineState string `json:"baselineState,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           sarifRegion      `json:"region"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

// sarifLevel maps a severity to a SARIF result level.
func sarifLevel(s analyzers.Severity) string {
	switch s {
	case "warning":
		return "warning"
	case "info":
		return "note"
	}
	return "error"
}

func (r *run) printSARIF(w io.Writer, findings []*finding) error {
	rules := append([]*analyzers.Rule(nil), r.opts.Rules...)
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	index := map[string]int{}
	drv := sarifDriver{
		Name:           "prodlint",
		Version:        Version(),
		InformationURI: "https://github.com/prodlint/prodlint",
		Rules:          []sarifRule{},
	}
	for i, rl := range rules {
		index[rl.ID] = i
		drv.Rules = append(drv.Rules, sarifRule{
			ID:                   rl.ID,
			Name:                 ruleName(rl.ID),
			ShortDescription:     sarifText{Text: rl.Doc.Title},
			FullDescription:      sarifText{Text: strings.TrimSpace(rl.Doc.Why)},
			HelpURI:              rl.URL(),
			Help:                 sarifHelp{Text: strings.TrimSpace(rl.Doc.Why) + "\n\n" + rl.URL(), Markdown: analyzers.RuleMarkdown(rl)},
			DefaultConfiguration: sarifRuleLevel{Level: sarifLevel(rl.Severity)},
		})
	}
	base := r.printBase()
	run := sarifRun{
		Tool:               sarifTool{Driver: drv},
		Invocations:        []sarifInvocation{r.invocation()},
		Results:            []sarifResult{},
		OriginalURIBaseIDs: map[string]sarifArtifactLoc{"%SRCROOT%": {URI: "file://" + filepath.ToSlash(base) + "/"}},
	}
	for _, f := range findings {
		res := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: index[f.Rule],
			Level:     sarifLevel(f.Severity),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: r.artifact(f.Posn.Filename),
				Region:           sarifRegion{StartLine: f.Posn.Line, StartColumn: f.Posn.Column, EndLine: f.End.Line, EndColumn: f.End.Column},
			}}},
			BaselineState: f.baselineState,
		}
		for _, sf := range f.Fixes {
			byFile := map[string]*sarifArtifactChange{}
			var order []string
			for _, e := range sf.Edits {
				start, end := e.Start, e.End
				ch := byFile[start.Filename]
				if ch == nil {
					ch = &sarifArtifactChange{ArtifactLocation: r.artifact(start.Filename)}
					byFile[start.Filename] = ch
					order = append(order, start.Filename)
				}
				ch.Replacements = append(ch.Replacements, sarifReplacement{
					DeletedRegion:   sarifRegion{StartLine: start.Line, StartColumn: start.Column, EndLine: end.Line, EndColumn: end.Column},
					InsertedContent: sarifText{Text: e.New},
				})
			}
			fx := sarifFix{Description: sarifText{Text: sf.Message}}
			for _, name := range order {
				fx.ArtifactChanges = append(fx.ArtifactChanges, *byFile[name])
			}
			res.Fixes = append(res.Fixes, fx)
		}
		run.Results = append(run.Results, res)
	}
	if r.baseline != nil {
		// What the baseline held back ("unchanged") and its entries that
		// matched nothing ("absent"), as counts.
		run.Properties = map[string]any{"prodlintBaseline": map[string]int{"unchanged": r.baselined, "absent": r.baselineFixed}}
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// invocation reports the packages that could not be loaded and the rules
// that failed.
func (r *run) invocation() sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: !r.failed}
	notes := append([]notification(nil), r.notes...)
	sort.SliceStable(notes, func(i, j int) bool {
		if notes[i].Package != notes[j].Package {
			return notes[i].Package < notes[j].Package
		}
		return notes[i].Message < notes[j].Message
	})
	for i, n := range notes {
		if i > 0 && n == notes[i-1] {
			continue
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:      "error",
			Message:    sarifText{Text: "prodlint: " + n.Message},
			Descriptor: &sarifDescriptorID{ID: n.ID},
		})
	}
	return inv
}

// artifact returns a file's location relative to %SRCROOT% (the working
// directory) when it is below it.
func (r *run) artifact(filename string) sarifArtifactLoc {
	rel := r.relPath(filename)
	if filepath.IsAbs(rel) {
		return sarifArtifactLoc{URI: "file://" + filepath.ToSlash(rel)}
	}
	return sarifArtifactLoc{URI: filepath.ToSlash(rel), URIBaseID: "%SRCROOT%"}
}

// ruleName turns a rule id into the PascalCase name SARIF viewers show.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}
