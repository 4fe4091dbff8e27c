package driver

import (
	"fmt"
	"os"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/internal/secret"
)

// VetAnalyzers returns the analyzers to hand to unitchecker under go vet
// -vettool, given the tool's arguments. Under -fix -diff, unitchecker
// prints the patch itself, context lines included, so a patch could show
// a flagged secret whole: then every fix in a file where a rule marks a
// secret (secret.Mark; the analyzers for which marksSecrets is true are
// run for that first) is withheld, and stderr says so. The whole file,
// not only the lines near the secret, because unitchecker reformats every
// file it fixes. Otherwise the analyzers are returned as they are.
func VetAnalyzers(args []string, as []*analysis.Analyzer, marksSecrets func(*analysis.Analyzer) bool) []*analysis.Analyzer {
	if !boolFlag(args, "fix") || !boolFlag(args, "diff") {
		return as
	}
	var markers []*analysis.Analyzer
	for _, a := range as {
		if marksSecrets(a) {
			markers = append(markers, secretFilesAnalyzer(a))
		}
	}
	if len(markers) == 0 {
		return as
	}
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		out[i] = withholdSecretFixes(a, markers)
	}
	return out
}

// boolFlag reports whether args set the boolean flag name (-name,
// --name, -name=true).
func boolFlag(args []string, name string) bool {
	on := false
	for _, a := range args {
		if a == "--" {
			break
		}
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		switch a {
		case name, name + "=true", name + "=1", name + "=t", name + "=TRUE", name + "=True":
			on = true
		case name + "=false", name + "=0", name + "=f", name + "=FALSE", name + "=False":
			on = false
		}
	}
	return on
}

// secretFilesAnalyzer runs a rule that can mark secrets for its findings
// only, and returns the set of files in which it marks one.
func secretFilesAnalyzer(secretRule *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       secretRule.Name + "_secret_files",
		Doc:        "finds the files that hold a secret, so that go vet -fix -diff withholds their fixes",
		Requires:   secretRule.Requires,
		FactTypes:  secretRule.FactTypes,
		ResultType: reflect.TypeOf(map[string]bool{}),
		Run: func(pass *analysis.Pass) (any, error) {
			files := map[string]bool{}
			quiet := *pass
			quiet.Report = func(d analysis.Diagnostic) {
				for _, rel := range d.Related {
					if secret.IsMark(rel) {
						files[pass.Fset.Position(rel.Pos).Filename] = true
					}
				}
			}
			if _, err := secretRule.Run(&quiet); err != nil {
				return nil, err
			}
			return files, nil
		},
	}
}

// withholdSecretFixes wraps a so that its fixes that edit a file holding
// a secret are dropped, and said so on stderr.
func withholdSecretFixes(a *analysis.Analyzer, secretFiles []*analysis.Analyzer) *analysis.Analyzer {
	w := *a
	w.Requires = append(append([]*analysis.Analyzer(nil), a.Requires...), secretFiles...)
	w.Run = func(pass *analysis.Pass) (any, error) {
		files := map[string]bool{}
		for _, sf := range secretFiles {
			for f := range pass.ResultOf[sf].(map[string]bool) {
				files[f] = true
			}
		}
		wrapped := *pass
		wrapped.Report = func(d analysis.Diagnostic) {
			if len(d.SuggestedFixes) > 0 && editsAny(pass, d, files) {
				d.SuggestedFixes = nil
				posn := pass.Fset.Position(d.Pos)
				fmt.Fprintf(os.Stderr, "prodlint: -diff leaves out the fix of %s:%d [%s]: the patch would show a secret held in that file; -fix without -diff, or prodlint -fix -diff, applies it\n",
					posn.Filename, posn.Line, d.Category)
			}
			pass.Report(d)
		}
		return a.Run(&wrapped)
	}
	return &w
}

// editsAny reports whether a fix of d edits one of files.
func editsAny(pass *analysis.Pass, d analysis.Diagnostic, files map[string]bool) bool {
	for _, fix := range d.SuggestedFixes {
		for _, e := range fix.TextEdits {
			if files[pass.Fset.Position(e.Pos).Filename] {
				return true
			}
		}
	}
	return false
}
