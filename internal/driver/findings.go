package driver

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/prodlint/prodlint/analyzers"
	"github.com/prodlint/prodlint/internal/astname"
	"github.com/prodlint/prodlint/internal/secret"
)

// finding is one diagnostic resolved to file positions: it no longer needs
// the FileSet or syntax it came from, so it can be cached and replayed.
type finding struct {
	PkgID    string
	Analyzer string // the analyzer's name, as go/analysis JSON keys it
	Rule     string // the diagnostic's Category: the rule id
	Message  string
	URL      string
	Posn     token.Position
	End      token.Position
	Fixes    []fixOut
	Related  []relatedOut
	// Secrets are the source ranges the rule marked as holding a secret
	// (secret.Mark): every output masks what they hold.
	Secrets []secretSpan
	// Func names the function declaration enclosing the finding
	// ("Server.Start" for a method), "" at package level: the baseline
	// matches by it instead of by line.
	Func     string
	Severity analyzers.Severity `json:"-"` // from the configuration at print time
	// baselineState is "new" when -baseline or -new-from-rev selected the
	// finding (SARIF's result.baselineState).
	baselineState string
}

type fixOut struct {
	Message string
	Edits   []editOut
}

// editOut is a text edit; Start and End carry byte offsets as well as
// lines and columns.
type editOut struct {
	Start, End token.Position
	New        string
}

// secretSpan is a marked source range: positions only, never the text.
type secretSpan struct {
	Start, End token.Position
}

type relatedOut struct {
	Posn    token.Position
	Message string
}

// newFinding resolves a diagnostic's positions.
func newFinding(fset *token.FileSet, pkgID, analyzer string, d analysis.Diagnostic) *finding {
	f := &finding{PkgID: pkgID, Analyzer: analyzer, Rule: d.Category, Message: d.Message, URL: d.URL}
	f.Posn = fset.Position(d.Pos)
	f.End = f.Posn
	if d.End.IsValid() {
		f.End = fset.Position(d.End)
	}
	for _, sf := range d.SuggestedFixes {
		fo := fixOut{Message: sf.Message}
		for _, e := range sf.TextEdits {
			start := fset.Position(e.Pos)
			end := start
			if e.End.IsValid() {
				end = fset.Position(e.End)
			}
			fo.Edits = append(fo.Edits, editOut{Start: start, End: end, New: string(e.NewText)})
		}
		f.Fixes = append(f.Fixes, fo)
	}
	for _, rel := range d.Related {
		if secret.IsMark(rel) {
			start := fset.Position(rel.Pos)
			end := start
			if rel.End.IsValid() {
				end = fset.Position(rel.End)
			}
			f.Secrets = append(f.Secrets, secretSpan{Start: start, End: end})
			continue
		}
		f.Related = append(f.Related, relatedOut{Posn: fset.Position(rel.Pos), Message: rel.Message})
	}
	return f
}

// mask masks values (the secrets the run's findings mark) in every text
// of f through secret.Text: the one masking step between the rules and
// any output, the cache and the baseline included.
func (r *run) mask(f *finding, values []string) {
	if len(values) == 0 {
		return
	}
	f.Message = secret.Text(f.Message, values)
	for i := range f.Fixes {
		f.Fixes[i].Message = secret.Text(f.Fixes[i].Message, values)
		for j := range f.Fixes[i].Edits {
			f.Fixes[i].Edits[j].New = secret.Text(f.Fixes[i].Edits[j].New, values)
		}
	}
	for i := range f.Related {
		f.Related[i].Message = secret.Text(f.Related[i].Message, values)
	}
}

// secretValues returns the secret values f's marked ranges hold, read
// from the source (with earlier fixes).
func (r *run) secretValues(f *finding) []string {
	var out []string
	for _, s := range f.Secrets {
		src, err := r.readFile(s.Start.Filename)
		if err != nil || s.End.Offset > len(src) || s.Start.Offset >= s.End.Offset {
			continue
		}
		out = append(out, secret.Values(src[s.Start.Offset:s.End.Offset])...)
	}
	return out
}

// collect gathers the diagnostics of every root action, hands each
// package's findings to store (unless a rule failed on it), prints rule
// errors (a panicking rule included) and returns them with the cached
// findings, sorted by file, line, column and rule, without duplicates.
func (r *run) collect(graph *analysisGraph, cached []*finding, store func(*packages.Package, []*finding)) []*finding {
	byPkg := map[*packages.Package][]*finding{}
	failedPkg := map[*packages.Package]bool{}
	var errLines []string
	var order []*packages.Package
	if graph != nil {
		for _, act := range graph.Roots {
			if _, ok := byPkg[act.Package]; !ok {
				byPkg[act.Package] = nil
				order = append(order, act.Package)
			}
			if act.Err != nil {
				r.failed = true
				failedPkg[act.Package] = true
				r.broken[act.Package.ID] = "rule-error"
				line := actionError(act)
				errLines = append(errLines, line)
				r.notes = append(r.notes, notification{ID: "rule-error", Package: act.Package.ID, Message: firstLine(strings.TrimPrefix(line, "prodlint: "))})
				continue
			}
			for _, d := range act.Diagnostics {
				f := newFinding(act.Package.Fset, act.Package.ID, act.Analyzer.Name, d)
				if idx := graph.funcs[act.Package]; idx != nil {
					f.Func = idx.enclosing(d.Pos)
				}
				byPkg[act.Package] = append(byPkg[act.Package], f)
			}
		}
	}
	// Mask before anything is stored or printed: every secret a rule
	// marked in this run, in every finding's text, whichever rule's.
	var fresh []*finding
	for _, p := range order {
		fresh = append(fresh, byPkg[p]...)
	}
	values := r.secretTexts(append(fresh, cached...))
	for _, f := range fresh {
		r.mask(f, values)
	}
	all := cached
	for _, p := range order {
		if !failedPkg[p] {
			store(p, byPkg[p])
		}
		all = append(all, byPkg[p]...)
	}
	var out []*finding
	seen := map[string]bool{}
	for _, f := range all {
		key := fmt.Sprintf("%s\x00%s\x00%s", f.Posn, f.Rule, f.Message)
		if seen[key] {
			continue // the same file seen through a package and its test variant
		}
		seen[key] = true
		f.Severity = r.severity(f)
		out = append(out, f)
	}
	sort.Strings(errLines)
	for _, l := range uniq(errLines) {
		fmt.Fprintln(r.errw, l)
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
	return a.Message < b.Message
}

// severity looks up the finding's rule in the configuration resolved for
// its package (the one its analysis ran with).
func (r *run) severity(f *finding) analyzers.Severity {
	cfg, ok := r.packageConfig(f.PkgID)
	if !ok {
		var err error
		cfg, err = r.configFor(filepath.Dir(f.Posn.Filename))
		ok = err == nil
	}
	if ok {
		if s := cfg.Rule(f.Rule).Severity; s != "" {
			return s
		}
	}
	return "error"
}

// actionError describes a failed analysis: a panicking rule with a request
// to report it, or another error with the rule and package named.
func actionError(act *action) string {
	var perr *analyzers.PanicError
	if errors.As(act.Err, &perr) {
		return "prodlint: " + perr.Error()
	}
	return fmt.Sprintf("prodlint: %s on package %s: %v", act.Analyzer.Name, act.Package.ID, act.Err)
}

// firstLine returns s up to its first newline (a panic's stack stays on
// stderr, out of the SARIF log).
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
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
	base := r.printBase()
	if rel, err := filepath.Rel(base, filename); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return filename
}

// printBase is the directory printed paths are relative to.
func (r *run) printBase() string {
	base := r.opts.RelTo
	if base == "" {
		base = r.opts.Dir
	}
	if base == "" {
		base, _ = filepath.Abs(".")
	}
	return base
}

// funcIndex finds the function declaration around a position. It keeps
// positions and names only, not the syntax, which the driver releases
// once a package is analyzed.
type funcIndex struct {
	decls []funcDecl // sorted by position
}

type funcDecl struct {
	pos, end token.Pos
	name     string // "F", or "T.M" for a method
}

func newFuncIndex(p *packages.Package) *funcIndex {
	idx := &funcIndex{}
	for _, file := range p.Syntax {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				idx.decls = append(idx.decls, funcDecl{fd.Pos(), fd.End(), funcName(fd)})
			}
		}
	}
	sort.Slice(idx.decls, func(i, j int) bool { return idx.decls[i].pos < idx.decls[j].pos })
	return idx
}

// funcName is "F", or "T.M" for a method (whatever the receiver's
// pointer-ness).
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	recv := astname.Receiver(fd.Recv.List[0].Type)
	if recv == "" {
		recv = "?"
	}
	return recv + "." + fd.Name.Name
}

// enclosing returns the name of the function declared around pos, or ""
// at package level.
func (idx *funcIndex) enclosing(pos token.Pos) string {
	i := sort.Search(len(idx.decls), func(i int) bool { return idx.decls[i].end > pos })
	if i == len(idx.decls) || idx.decls[i].pos > pos {
		return ""
	}
	return idx.decls[i].name
}
