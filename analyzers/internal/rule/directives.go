package rule

import (
	"go/ast"
	"go/token"
	"strings"
)

// DirectiveRuleID is the id of the rule that reports malformed and unused
// //prodlint:ignore directives.
const DirectiveRuleID = "ignore-directive"

// DirectivePrefix starts a suppression comment. Like //go: and //nolint:
// directives it has no space after the slashes.
const DirectivePrefix = "//prodlint:ignore"

// directive is one //prodlint:ignore comment.
type directive struct {
	pos, end token.Pos
	filename string
	line     int  // the comment's line
	ownLine  bool // nothing but the comment on its line: it applies to the next line
	rules    []string
	reason   string
	spaced   bool // written "// prodlint:ignore": Go tools treat it as prose
}

// appliesTo reports whether the directive covers a finding on line.
func (d *directive) appliesTo(line int) bool {
	return line == d.line || (d.ownLine && line == d.line+1)
}

func (d *directive) names(id string) bool {
	for _, r := range d.rules {
		if r == id {
			return true
		}
	}
	return false
}

type directiveIndex struct {
	all    []*directive
	byFile map[string][]*directive
	// foreign holds the //nolint and #nosec directives by file, when the
	// configuration honours them.
	foreign map[string][]*foreign
}

// parseDirectives collects the //prodlint:ignore comments of files and,
// when honorForeign is set, their //nolint and #nosec comments.
func parseDirectives(fset *token.FileSet, files []*ast.File, honorForeign bool) *directiveIndex {
	idx := &directiveIndex{byFile: map[string][]*directive{}, foreign: map[string][]*foreign{}}
	for _, f := range files {
		var codeLines map[int]bool // lines holding code before a comment, computed lazily
		if honorForeign && hasForeign(f) {
			codeLines = linesEndingInCode(fset, f)
			name := fset.Position(f.Pos()).Filename
			idx.foreign[name] = parseForeignDirectives(fset, f, codeLines)
		}
		for _, group := range f.Comments {
			for _, c := range group.List {
				d := parseDirective(c.Text)
				if d == nil {
					continue
				}
				posn := fset.Position(c.Pos())
				d.pos, d.end = c.Pos(), c.End()
				d.filename, d.line = posn.Filename, posn.Line
				if codeLines == nil {
					codeLines = linesEndingInCode(fset, f)
				}
				d.ownLine = !codeLines[posn.Line]
				idx.all = append(idx.all, d)
				idx.byFile[d.filename] = append(idx.byFile[d.filename], d)
			}
		}
	}
	return idx
}

// linesEndingInCode returns the lines on which some token other than a
// comment ends, found from the syntax tree: a comment on such a line
// trails code and applies to that line only.
func linesEndingInCode(fset *token.FileSet, f *ast.File) map[int]bool {
	lines := map[int]bool{}
	tf := fset.File(f.Pos())
	if tf == nil {
		return lines
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.CommentGroup, *ast.Comment:
			return false
		}
		lines[tf.Line(n.Pos())] = true
		if end := n.End(); end.IsValid() && int(end-token.Pos(tf.Base())) <= tf.Size() {
			lines[tf.Line(end-1)] = true
		}
		return true
	})
	return lines
}

// parseDirective parses one comment's text, returning nil when it is not a
// prodlint directive at all.
func parseDirective(text string) *directive {
	d := &directive{}
	switch {
	case strings.HasPrefix(text, DirectivePrefix):
		text = text[len(DirectivePrefix):]
	case strings.HasPrefix(text, "// prodlint:ignore"):
		text = text[len("// prodlint:ignore"):]
		d.spaced = true
	default:
		return nil
	}
	if text != "" && text[0] != ' ' && text[0] != '\t' {
		return nil // e.g. //prodlint:ignored
	}
	// A further "//" starts a comment on the directive (as in
	// "//prodlint:ignore rule reason // TODO: remove after the migration").
	if i := strings.Index(text, " //"); i >= 0 {
		text = text[:i]
	}
	fields := strings.Fields(text)
	if len(fields) > 0 {
		for _, id := range strings.Split(fields[0], ",") {
			if id != "" {
				d.rules = append(d.rules, id)
			}
		}
		d.reason = strings.Join(fields[1:], " ")
	}
	return d
}

// hasForeign reports whether a comment of f may be a //nolint or #nosec
// directive, the cheap test before the syntax is indexed.
func hasForeign(f *ast.File) bool {
	for _, group := range f.Comments {
		for _, c := range group.List {
			if strings.Contains(c.Text, "nolint") || strings.Contains(c.Text, "#nosec") {
				return true
			}
		}
	}
	return false
}

// silencedByForeign reports whether a //nolint or #nosec directive covers
// a finding of rule id at pos.
func (idx *directiveIndex) silencedByForeign(fset *token.FileSet, pos token.Pos, id string) bool {
	posn := fset.Position(pos)
	for _, d := range idx.foreign[posn.Filename] {
		if d.silences(id, posn.Line) {
			return true
		}
	}
	return false
}

// silencing returns the directive that silences rule id at pos, or nil.
func (idx *directiveIndex) silencing(fset *token.FileSet, pos token.Pos, id string) *directive {
	if len(idx.all) == 0 {
		return nil
	}
	posn := fset.Position(pos)
	for _, d := range idx.byFile[posn.Filename] {
		if !d.spaced && d.reason != "" && d.names(id) && d.appliesTo(posn.Line) {
			return d
		}
	}
	return nil
}

// naming returns the well-formed directives that name rule id.
func (idx *directiveIndex) naming(id string) []*directive {
	var out []*directive
	for _, d := range idx.all {
		if !d.spaced && d.reason != "" && d.names(id) {
			out = append(out, d)
		}
	}
	return out
}

// directiveRange is a directive as an analysis.Range.
type directiveRange struct{ d *directive }

func (r directiveRange) Pos() token.Pos { return r.d.pos }
func (r directiveRange) End() token.Pos { return r.d.end }
