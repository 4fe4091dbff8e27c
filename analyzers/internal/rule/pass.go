package rule

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/internal/astname"
	"github.com/prodlint/prodlint/internal/secret"
)

// Pass is what a rule's Run receives: the analysis pass, the rule's
// effective settings and a reporter that applies the configuration.
type Pass struct {
	*analysis.Pass
	Rule      *Rule
	Settings  config.RuleSettings
	Package   *PackageConfig
	Inspector *inspector.Inspector
	// Index answers who defines, uses, assigns and calls what in the
	// package; computed once per package and shared by every rule.
	Index *index.Index

	at   ast.Node // the node being analyzed, for crash reports
	used map[*directive]bool
	said map[string]int // message -> how many findings had it
}

// Options returns the rule's typed options; O must be the type whose
// pointer the rule's NewOptions returns.
func Options[O any](p *Pass) *O {
	return p.Settings.Options.(*O)
}

// At records the node the rule is looking at, so that a panic can say
// where it happened. The walk helpers call it for every node they yield.
func (p *Pass) At(n ast.Node) { p.at = n }

// Preorder visits the nodes of the given types in every file, as
// inspector.Preorder does, recording each for crash reports.
func (p *Pass) Preorder(types []ast.Node, f func(ast.Node)) {
	p.Inspector.Preorder(types, func(n ast.Node) {
		p.at = n
		f(n)
	})
}

// Cursors yields a cursor for every node of the given types, in preorder,
// recording each for crash reports.
func (p *Pass) Cursors(types ...ast.Node) iter.Seq[inspector.Cursor] {
	return func(yield func(inspector.Cursor) bool) {
		for c := range p.Inspector.Root().Preorder(types...) {
			p.at = c.Node()
			if !yield(c) {
				return
			}
		}
	}
}

// Reportf reports a finding over rng with a formatted message.
func (p *Pass) Reportf(rng analysis.Range, format string, args ...any) {
	p.Report(rng, fmt.Sprintf(format, args...))
}

// Report reports a finding over rng with the given message and fixes. The
// message is prefixed with the rule id in brackets, so that every driver
// (go vet prints only the message) shows it. Findings in files the
// configuration excludes, findings silenced by a //prodlint:ignore
// directive, and (unless rules.toml sets honor_nolint = false) findings
// covered by a //nolint or #nosec directive for an equivalent check of
// golangci-lint or gosec, are dropped.
func (p *Pass) Report(rng analysis.Range, msg string, fixes ...analysis.SuggestedFix) {
	p.report(rng, msg, nil, fixes)
}

// Secret marks the secret a finding is about, for ReportSecret.
type Secret struct {
	// Values are the secret texts the message, fixes or related text may
	// hold: each is masked (secret.Text) before the finding is reported.
	Values []string
	// Source is the range of source that holds the secret (a string
	// literal, a struct tag), or nil. Drivers mask what it holds in
	// every output that shows source or could echo it: -diff hunks, the
	// result cache, the baseline, the benchmark samples.
	Source analysis.Range
}

// ReportSecret is Report for a finding about a secret: the message, the
// fixes and the related text have s.Values masked, and s.Source is marked
// (secret.Mark) for the drivers. It is the only way a rule puts a secret
// in a finding; drivers never need to know which rule did.
func (p *Pass) ReportSecret(rng analysis.Range, s Secret, msg string, fixes ...analysis.SuggestedFix) {
	p.report(rng, msg, &s, fixes)
}

func (p *Pass) report(rng analysis.Range, msg string, s *Secret, fixes []analysis.SuggestedFix) {
	pos, end := rng.Pos(), rng.End()
	if !p.Package.Analyzes(p.Fset, pos) {
		return
	}
	if d := p.Package.directives.silencing(p.Fset, pos, p.Rule.ID); d != nil {
		p.used[d] = true
		return
	}
	if p.Package.directives.silencedByForeign(p.Fset, pos, p.Rule.ID) {
		return
	}
	d := analysis.Diagnostic{
		Pos:            pos,
		End:            end,
		Category:       p.Rule.ID,
		Message:        "[" + p.Rule.ID + "] " + p.inDecl(pos, msg),
		URL:            p.Rule.URL(),
		SuggestedFixes: fixes,
	}
	if s != nil {
		d = maskDiagnostic(d, *s)
	}
	p.Pass.Report(d)
}

// maskDiagnostic masks s.Values in every text of d and marks s.Source.
func maskDiagnostic(d analysis.Diagnostic, s Secret) analysis.Diagnostic {
	d.Message = secret.Text(d.Message, s.Values)
	fixes := make([]analysis.SuggestedFix, len(d.SuggestedFixes))
	for i, f := range d.SuggestedFixes {
		fixes[i] = analysis.SuggestedFix{Message: secret.Text(f.Message, s.Values)}
		for _, e := range f.TextEdits {
			e.NewText = []byte(secret.Text(string(e.NewText), s.Values))
			fixes[i].TextEdits = append(fixes[i].TextEdits, e)
		}
	}
	d.SuggestedFixes = fixes
	related := make([]analysis.RelatedInformation, 0, len(d.Related)+1)
	for _, r := range d.Related {
		r.Message = secret.Text(r.Message, s.Values)
		related = append(related, r)
	}
	if s.Source != nil {
		related = append(related, secret.Mark(s.Source))
	}
	d.Related = related
	return d
}

// reportUnusedDirectives reports the directives that name this rule but
// silenced nothing, unless the ignore-directive rule is off.
func (p *Pass) reportUnusedDirectives() {
	if !p.Package.Config.Rule(DirectiveRuleID).Enabled {
		return
	}
	for _, d := range p.Package.directives.naming(p.Rule.ID) {
		if p.used[d] || !p.Package.Analyzes(p.Fset, d.pos) {
			continue
		}
		p.Pass.Report(analysis.Diagnostic{
			Pos:      d.pos,
			End:      d.end,
			Category: DirectiveRuleID,
			Message: fmt.Sprintf("[%s] %s", DirectiveRuleID, p.inDecl(d.pos, fmt.Sprintf("this //prodlint:ignore names %s, but there is no %s finding on this line or the next: "+
				"a stale directive would hide a future finding; remove it", p.Rule.ID, p.Rule.ID))),
			URL: DocsBaseURL + DirectiveRuleID + ".md",
		})
	}
}

// inDecl appends to msg the name of the declaration that encloses pos,
// "(in fetchUser)", unless msg names it already, so that findings in
// different functions have different texts even where the message cannot
// name a variable or callee: golangci-lint, which reports all of prodlint
// as one linter, shows by default only three issues that share a text. A
// finding whose text the rule already reported in this package (the same
// call twice in one function) says which one it is: "(2nd in fetchUser)".
func (p *Pass) inDecl(pos token.Pos, msg string) string {
	name := enclosingDecl(p.File(pos), pos)
	text := msg
	if name != "" && !containsWord(msg, name) {
		text += " (in " + name + ")"
	}
	if p.said == nil {
		p.said = map[string]int{}
	}
	p.said[text]++
	n := p.said[text]
	switch {
	case n == 1:
		return text
	case name == "":
		return fmt.Sprintf("%s (%s in this package)", msg, ordinal(n))
	case containsWord(msg, name):
		return fmt.Sprintf("%s (%s)", msg, ordinal(n))
	}
	return fmt.Sprintf("%s (%s in %s)", msg, ordinal(n), name)
}

// ordinal spells n as "2nd", "3rd", "11th".
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// enclosingDecl names the top-level declaration of f that holds pos: a
// function ("main"), a method ("Client.Do"), or the variable, constant or
// type a package-level spec declares. A function literal belongs to the
// declaration it is written in. It returns "" outside any declaration.
func enclosingDecl(f *ast.File, pos token.Pos) string {
	if f == nil {
		return ""
	}
	for _, d := range f.Decls {
		if pos < d.Pos() || pos >= d.End() {
			continue
		}
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil && len(d.Recv.List) == 1 {
				if recv := astname.Receiver(d.Recv.List[0].Type); recv != "" {
					return recv + "." + d.Name.Name
				}
			}
			return d.Name.Name
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				if pos < spec.Pos() || pos >= spec.End() {
					continue
				}
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					return spec.Name.Name
				case *ast.ValueSpec:
					return valueSpecName(spec, pos)
				}
			}
		}
	}
	return ""
}

// valueSpecName names the variable or constant of spec whose name or value
// holds pos, or all of them.
func valueSpecName(spec *ast.ValueSpec, pos token.Pos) string {
	var names []string
	for i, n := range spec.Names {
		if n.Pos() <= pos && pos < n.End() {
			return n.Name
		}
		if len(spec.Values) == len(spec.Names) {
			if v := spec.Values[i]; v.Pos() <= pos && pos < v.End() {
				return n.Name
			}
		}
		names = append(names, n.Name)
	}
	return strings.Join(names, ", ")
}

// containsWord reports whether s holds word as a whole identifier.
func containsWord(s, word string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		if (start == 0 || !isIdentByte(s[start-1])) && (end == len(s) || !isIdentByte(s[end])) {
			return true
		}
		i = start + 1
	}
}

func isIdentByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// FuncDecl returns the declaration, with a body, of fn (or of the generic
// function fn instantiates) when it is declared in this package, or nil.
func (p *Pass) FuncDecl(fn *types.Func) *ast.FuncDecl {
	c, ok := p.Index.FuncDecl(fn)
	if !ok {
		return nil
	}
	return c.Node().(*ast.FuncDecl)
}

// File returns the syntax of the package file that holds pos, or nil.
func (p *Pass) File(pos token.Pos) *ast.File {
	for _, f := range p.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
