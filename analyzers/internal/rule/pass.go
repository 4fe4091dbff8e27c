package rule

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
)

// Pass is what a rule's Run receives: the analysis pass, the rule's
// effective settings and a reporter that applies the configuration.
type Pass struct {
	*analysis.Pass
	Rule      *Rule
	Settings  config.RuleSettings
	Package   *PackageConfig
	Inspector *inspector.Inspector

	at    ast.Node // the node being analyzed, for crash reports
	used  map[*directive]bool
	decls map[*types.Func]*ast.FuncDecl // built on first need
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
	p.Pass.Report(analysis.Diagnostic{
		Pos:            pos,
		End:            end,
		Category:       p.Rule.ID,
		Message:        "[" + p.Rule.ID + "] " + msg,
		URL:            p.Rule.URL(),
		SuggestedFixes: fixes,
	})
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
			Message: fmt.Sprintf("[%s] this //prodlint:ignore names %s, but there is no %s finding on this line or the next: "+
				"a stale directive would hide a future finding; remove it", DirectiveRuleID, p.Rule.ID, p.Rule.ID),
			URL: DocsBaseURL + DirectiveRuleID + ".md",
		})
	}
}

// FuncDecl returns the declaration, with a body, of fn (or of the generic
// function fn instantiates) when it is declared in this package, or nil.
func (p *Pass) FuncDecl(fn *types.Func) *ast.FuncDecl {
	if fn == nil || fn.Pkg() != p.Pkg {
		return nil
	}
	if p.decls == nil {
		p.decls = map[*types.Func]*ast.FuncDecl{}
		for _, f := range p.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					if obj, ok := p.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						p.decls[obj] = fd
					}
				}
			}
		}
	}
	return p.decls[fn.Origin()]
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
