package driver

import (
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/prodlint/prodlint/analyzers"
)

// finding is one diagnostic, resolved to a position, a rule and a severity.
type finding struct {
	Diag     analysis.Diagnostic
	Analyzer *analysis.Analyzer
	Pkg      *packages.Package
	Fset     *token.FileSet
	Posn     token.Position
	End      token.Position
	Rule     string // the diagnostic's Category: the rule id
	Severity analyzers.Severity
}

// collect gathers the diagnostics of every root action, prints rule
// errors (a panicking rule included) and returns the findings sorted by
// file, line, column and rule, without duplicates.
func (r *run) collect(graph *checker.Graph) []*finding {
	if graph == nil {
		return nil
	}
	var out []*finding
	seen := map[string]bool{}
	var errLines []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			r.failed = true
			errLines = append(errLines, actionError(act))
			continue
		}
		for _, d := range act.Diagnostics {
			f := &finding{Diag: d, Analyzer: act.Analyzer, Pkg: act.Package, Fset: act.Package.Fset, Rule: d.Category}
			f.Posn = f.Fset.Position(d.Pos)
			if d.End.IsValid() {
				f.End = f.Fset.Position(d.End)
			} else {
				f.End = f.Posn
			}
			key := fmt.Sprintf("%s\x00%s\x00%s", f.Posn, f.Rule, d.Message)
			if seen[key] {
				continue // the same file seen through a package and its test variant
			}
			seen[key] = true
			f.Severity = r.severity(f)
			out = append(out, f)
		}
	}
	sort.Strings(errLines)
	for _, l := range uniq(errLines) {
		fmt.Fprintln(r.opts.Stderr, l)
	}
	sort.SliceStable(out, func(i, j int) bool { return lessFinding(out[i], out[j]) })
	return out
}

func lessFinding(a, b *finding) bool {
	if a.Posn.Filename != b.Posn.Filename {
		return a.Posn.Filename < b.Posn.Filename
	}
	if a.Posn.Line != b.Posn.Line {
		return a.Posn.Line < b.Posn.Line
	}
	if a.Posn.Column != b.Posn.Column {
		return a.Posn.Column < b.Posn.Column
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Diag.Message < b.Diag.Message
}

// severity looks up the finding's rule in the configuration governing its
// package.
func (r *run) severity(f *finding) analyzers.Severity {
	cfg, err := r.configFor(filepath.Dir(f.Posn.Filename))
	if err == nil {
		if s := cfg.Rule(f.Rule).Severity; s != "" {
			return s
		}
	}
	return "error"
}

// actionError describes a failed analysis: a panicking rule with a request
// to report it, or another error with the rule and package named.
func actionError(act *checker.Action) string {
	var perr *analyzers.PanicError
	if errors.As(act.Err, &perr) {
		return "prodlint: " + perr.Error()
	}
	return fmt.Sprintf("prodlint: %s on package %s: %v", act.Analyzer.Name, act.Package.ID, act.Err)
}

func uniq(sorted []string) []string {
	var out []string
	for i, s := range sorted {
		if i == 0 || s != sorted[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// relPath returns filename relative to the working directory when it is
// below it, for shorter and machine-independent output.
func (r *run) relPath(filename string) string {
	base := r.opts.Dir
	if base == "" {
		base, _ = filepath.Abs(".")
	}
	if rel, err := filepath.Rel(base, filename); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return filename
}
