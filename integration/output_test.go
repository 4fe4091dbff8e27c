package integration

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The SARIF 2.1.0 shapes the tests read: the properties the schema
// requires, and the ones GitHub code scanning uses to show a result.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool struct {
		Driver struct {
			Name  string      `json:"name"`
			Rules []sarifRule `json:"rules"`
		} `json:"driver"`
	} `json:"tool"`
	Results *[]sarifResult `json:"results"` // a pointer: null and [] differ
}

type sarifRule struct {
	ID               string    `json:"id"`
	ShortDescription sarifText `json:"shortDescription"`
	FullDescription  sarifText `json:"fullDescription"`
	HelpURI          string    `json:"helpUri"`
}

type sarifText struct {
	Text *string `json:"text"`
}

type sarifResult struct {
	RuleID    string    `json:"ruleId"`
	RuleIndex *int      `json:"ruleIndex"`
	Level     string    `json:"level"`
	Message   sarifText `json:"message"`
	Locations []struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	} `json:"locations"`
	Fixes []struct {
		Description     sarifText `json:"description"`
		ArtifactChanges []struct {
			ArtifactLocation sarifArtifact `json:"artifactLocation"`
			Replacements     []struct {
				DeletedRegion   *sarifRegion `json:"deletedRegion"`
				InsertedContent sarifText    `json:"insertedContent"`
			} `json:"replacements"`
		} `json:"artifactChanges"`
	} `json:"fixes"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

func text(t sarifText) string {
	if t.Text == nil {
		return ""
	}
	return *t.Text
}

// prodlintSARIF runs prodlint -sarif in dir and decodes its output.
func prodlintSARIF(t *testing.T, dir string, wantCode int) sarifLog {
	t.Helper()
	r := run(t, dir, []string{"GOWORK=off"}, prodlintBin, "-sarif", "./...")
	if r.code != wantCode {
		t.Fatalf("prodlint -sarif exited %d, want %d:\n%s", r.code, wantCode, r.output())
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatalf("prodlint -sarif printed invalid JSON: %v\n%s", err, r.stdout)
	}
	checkSARIF(t, log)
	return log
}

// checkSARIF checks the properties the SARIF 2.1.0 schema requires (and
// that GitHub code scanning needs) on every rule and result.
func checkSARIF(t *testing.T, log sarifLog) {
	t.Helper()
	if log.Version != "2.1.0" {
		t.Errorf("version = %q, want 2.1.0", log.Version)
	}
	if !strings.Contains(log.Schema, "sarif") {
		t.Errorf("$schema = %q, want the SARIF schema", log.Schema)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "prodlint" {
		t.Errorf("runs[0].tool.driver.name = %q, want prodlint", run.Tool.Driver.Name)
	}
	if len(run.Tool.Driver.Rules) == 0 {
		t.Fatal("runs[0].tool.driver.rules is empty")
	}
	ids := map[string]bool{}
	for i, r := range run.Tool.Driver.Rules {
		if r.ID == "" || text(r.ShortDescription) == "" || text(r.FullDescription) == "" {
			t.Errorf("rules[%d] %q lacks id, shortDescription.text or fullDescription.text", i, r.ID)
		}
		if u, err := url.Parse(r.HelpURI); err != nil || !u.IsAbs() || !strings.HasSuffix(u.Path, "/"+r.ID+".md") {
			t.Errorf("rules[%d].helpUri = %q, want an absolute URL of the rule's page", i, r.HelpURI)
		}
		ids[r.ID] = true
	}
	if run.Results == nil {
		t.Fatal("runs[0].results is missing or null: code scanning wants an array, empty when clean")
	}
	for i, res := range *run.Results {
		if !ids[res.RuleID] {
			t.Errorf("results[%d].ruleId %q is not among the rules", i, res.RuleID)
		}
		if res.RuleIndex == nil || *res.RuleIndex < 0 || *res.RuleIndex >= len(run.Tool.Driver.Rules) ||
			run.Tool.Driver.Rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("results[%d].ruleIndex does not point at rule %q", i, res.RuleID)
		}
		if text(res.Message) == "" {
			t.Errorf("results[%d].message.text is empty", i)
		}
		switch res.Level {
		case "error", "warning", "note":
		default:
			t.Errorf("results[%d].level = %q", i, res.Level)
		}
		if len(res.Locations) == 0 {
			t.Errorf("results[%d] has no locations", i)
		}
		for _, loc := range res.Locations {
			p := loc.PhysicalLocation
			if p.ArtifactLocation.URI == "" || p.Region == nil || p.Region.StartLine < 1 {
				t.Errorf("results[%d] location lacks artifactLocation.uri or region.startLine: %+v", i, p)
			}
			if filepath.IsAbs(p.ArtifactLocation.URI) {
				t.Errorf("results[%d] uri %q is absolute: code scanning wants it relative to the checkout", i, p.ArtifactLocation.URI)
			}
		}
		for _, fx := range res.Fixes {
			if text(fx.Description) == "" || len(fx.ArtifactChanges) == 0 {
				t.Errorf("results[%d] fix lacks description.text or artifactChanges", i)
			}
			for _, ch := range fx.ArtifactChanges {
				if ch.ArtifactLocation.URI == "" || len(ch.Replacements) == 0 {
					t.Errorf("results[%d] fix change lacks artifactLocation.uri or replacements", i)
				}
				for _, rep := range ch.Replacements {
					if rep.DeletedRegion == nil || rep.DeletedRegion.StartLine < 1 {
						t.Errorf("results[%d] fix replacement lacks deletedRegion.startLine", i)
					}
				}
			}
		}
	}
}

// resultsOf returns the results of rule in the file with the given uri.
func resultsOf(log sarifLog, rule, uri string) []sarifResult {
	var out []sarifResult
	for _, res := range *log.Runs[0].Results {
		if res.RuleID == rule && len(res.Locations) > 0 && res.Locations[0].PhysicalLocation.ArtifactLocation.URI == uri {
			out = append(out, res)
		}
	}
	return out
}

func TestSARIF(t *testing.T) {
	dir := fixture(t, "acceptance")
	log := prodlintSARIF(t, dir, 1)
	for _, rule := range []string{"http-timeout", "secret-literal"} {
		if len(resultsOf(log, rule, "main.go")) == 0 {
			t.Errorf("no %s result in main.go", rule)
		}
	}
	data, _ := json.Marshal(log)
	if strings.Contains(string(data), "AKIAZ7Q4LMRT2XVN5KPW") {
		t.Error("the SARIF output shows the secret unmasked")
	}
}

func TestSARIFFixes(t *testing.T) {
	dir := fixture(t, "fixable")
	log := prodlintSARIF(t, dir, 1)
	res := resultsOf(log, "http-timeout", "main.go")
	if len(res) != 1 || len(res[0].Fixes) == 0 {
		t.Fatalf("want one http-timeout result with a fix in main.go, got %+v", res)
	}
	var inserted strings.Builder
	for _, ch := range res[0].Fixes[0].ArtifactChanges {
		for _, rep := range ch.Replacements {
			inserted.WriteString(text(rep.InsertedContent))
		}
	}
	if !strings.Contains(inserted.String(), "Timeout:") {
		t.Errorf("the fix inserts no Timeout: %q", inserted.String())
	}
}

func TestSARIFClean(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":     "module example.com/clean\n\ngo 1.22\n",
		"rules.toml": "tests = false\n",
		"clean.go":   "// Package clean has nothing to report.\npackage clean\n\n// Answer is 42.\nconst Answer = 42\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	log := prodlintSARIF(t, dir, 0)
	if n := len(*log.Runs[0].Results); n != 0 {
		t.Errorf("%d results on a clean module", n)
	}
}

// The -json shape: package ID -> analyzer name -> diagnostics.
type jsonDiagnostic struct {
	Category       string `json:"category"`
	Severity       string `json:"severity"`
	Posn           string `json:"posn"`
	Message        string `json:"message"`
	URL            string `json:"url"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename string `json:"filename"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

func TestJSONIncludesSuggestedFixes(t *testing.T) {
	dir := fixture(t, "fixable")
	r := run(t, dir, []string{"GOWORK=off"}, prodlintBin, "-json", "./...")
	if r.code != 1 {
		t.Fatalf("prodlint -json exited %d, want 1:\n%s", r.code, r.output())
	}
	var tree map[string]map[string][]jsonDiagnostic
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("prodlint -json printed invalid JSON: %v\n%s", err, r.stdout)
	}
	var found bool
	for _, byAnalyzer := range tree {
		for _, diags := range byAnalyzer {
			for _, d := range diags {
				if d.Category != "http-timeout" {
					continue
				}
				found = true
				if d.Severity == "" || d.Posn == "" || !strings.HasPrefix(d.Message, "[http-timeout] ") || d.URL == "" {
					t.Errorf("incomplete diagnostic: %+v", d)
				}
				if len(d.SuggestedFixes) == 0 || len(d.SuggestedFixes[0].Edits) == 0 {
					t.Fatalf("the http-timeout diagnostic has no suggested_fixes: %+v", d)
				}
				e := d.SuggestedFixes[0].Edits[0]
				if d.SuggestedFixes[0].Message == "" || !strings.HasSuffix(e.Filename, "main.go") || e.Start > e.End {
					t.Errorf("malformed suggested fix: %+v", d.SuggestedFixes[0])
				}
			}
		}
	}
	if !found {
		t.Errorf("no http-timeout diagnostic in the JSON output:\n%s", r.stdout)
	}
}
