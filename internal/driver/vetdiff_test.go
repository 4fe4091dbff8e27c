package driver

import (
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/prodlint/prodlint/analyzers"
)

func TestBoolFlag(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"-fix", "-diff", "x.cfg"}, true},
		{[]string{"--diff=true", "x.cfg"}, true},
		{[]string{"-diff", "-diff=false", "x.cfg"}, false},
		{[]string{"-fix", "x.cfg"}, false},
		{[]string{"-different", "x.cfg"}, false},
	} {
		if got := boolFlag(c.args, "diff"); got != c.want {
			t.Errorf("boolFlag(%q, diff) = %t, want %t", c.args, got, c.want)
		}
	}
}

// Under go vet -fix -diff, the fixes of a file that holds a secret are
// dropped (unitchecker would print them with the secret as context);
// the findings stay, and fixes elsewhere are kept.
func TestVetAnalyzersWithholdFixesInSecretFiles(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"m.go":     secretSource,
		"other.go": "package m\n\nfunc G() { upper(\"x\") }\n\nfunc upper(s string) string { return s }\n",
	})
	rules := testRules(fakeSecretRule(), renameCallRule("test-upper", "upper", "lower", ""))
	t.Setenv(analyzers.ConfigEnv, "")
	all := analyzers.New(analyzers.Options{Rules: rules, Loader: analyzers.NewConfigLoader(rules...)})
	if got := VetAnalyzers([]string{"-fix", "x.cfg"}, all, analyzers.SecretMarkers(rules)); &got[0] != &all[0] {
		t.Error("without -diff the analyzers are wrapped")
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}, ".")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("load: %v %v", err, pkgs)
	}
	graph, err := checker.Analyze(VetAnalyzers([]string{"-fix", "-diff", "x.cfg"}, all, analyzers.SecretMarkers(rules)), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	fixes := map[string]int{}
	findings := 0
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			findings++
			fixes[d.Category] += len(d.SuggestedFixes)
		}
	}
	if findings != 3 || fixes["test-secret"] != 0 || fixes["test-upper"] != 1 {
		t.Errorf("want 3 findings, the secret's fix withheld and other.go's kept: %d findings, fixes %v", findings, fixes)
	}
}
