package fix

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A Splice replaces the source between Pos and End of a composite literal
// with Text: AddElement and DropElement make them, and a fix that changes
// a value writes one directly. Literal applies them.
type Splice struct {
	Pos, End token.Pos
	Text     string
}

// Literal returns the edit that replaces lit, in the file whose source is
// src, with its own source after the splices, formatted as gofmt formats
// it at the indentation of the line lit starts on. Adding, dropping or
// changing one key of a multi-line literal changes the alignment gofmt
// gives the other keys, so the whole literal is reformatted; its comments
// survive because the rewrite is textual. ok is false when src is not the
// file's source, when lit holds a raw string spanning lines (re-indenting
// would change its value), or when the result does not parse.
func Literal(fset *token.FileSet, src []byte, lit *ast.CompositeLit, splices ...Splice) (analysis.TextEdit, bool) {
	tf := fset.File(lit.Pos())
	if tf == nil || tf.Size() != len(src) || hasMultiLineRawString(lit) {
		return analysis.TextEdit{}, false
	}
	start, end := tf.Offset(lit.Pos()), tf.Offset(lit.End())
	text := string(src[start:end])
	splices = append([]Splice(nil), splices...)
	sort.Slice(splices, func(i, j int) bool { return splices[i].Pos > splices[j].Pos })
	for _, s := range splices {
		from, to := tf.Offset(s.Pos)-start, tf.Offset(s.End)-start
		if from < 0 || to > len(text) || from > to {
			return analysis.TextEdit{}, false
		}
		text = text[:from] + s.Text + text[to:]
	}
	const prefix = "package p\n\nvar _ = "
	out, err := format.Source([]byte(prefix + text + "\n"))
	if err != nil || !bytes.HasPrefix(out, []byte(prefix)) {
		return analysis.TextEdit{}, false
	}
	indent := lineIndent(src, start)
	lines := strings.Split(strings.TrimSuffix(string(out[len(prefix):]), "\n"), "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = indent + lines[i]
		}
	}
	return Replace(lit, strings.Join(lines, "\n")), true
}

// AddElement returns the splice that adds elt (such as
// "ReadHeaderTimeout: 10 * time.Second") as the last element of lit, on
// its own line when the literal's last element ends a line.
func AddElement(fset *token.FileSet, lit *ast.CompositeLit, elt string) Splice {
	if len(lit.Elts) == 0 {
		return Splice{lit.Rbrace, lit.Rbrace, elt}
	}
	last := lit.Elts[len(lit.Elts)-1]
	if fset.Position(last.End()).Line == fset.Position(lit.Rbrace).Line {
		return Splice{last.End(), last.End(), ", " + elt}
	}
	// Multi-line: the last element is followed by a comma; add after it
	// (and after any comment on its line), then let gofmt indent.
	return Splice{lit.Rbrace, lit.Rbrace, elt + ",\n"}
}

// DropElement returns the splice that removes elt from lit, with its comma
// (and the rest of its line when it stands on a line of its own).
func DropElement(fset *token.FileSet, lit *ast.CompositeLit, elt ast.Expr) Splice {
	i := 0
	for i < len(lit.Elts) && lit.Elts[i] != elt {
		i++
	}
	line := func(pos token.Pos) int { return fset.Position(pos).Line }
	multiLine := line(lit.Lbrace) != line(lit.Rbrace)
	switch {
	case multiLine && line(elt.Pos()) != line(lit.Lbrace) && (i+1 == len(lit.Elts) || line(lit.Elts[i+1].Pos()) > line(elt.End())):
		// Alone on its line(s): drop up to the next line or the brace;
		// gofmt mends the whitespace.
		next := lit.Rbrace
		if i+1 < len(lit.Elts) {
			next = lit.Elts[i+1].Pos()
		}
		if tf := fset.File(elt.Pos()); tf != nil && line(elt.End()) < tf.LineCount() {
			if eol := tf.LineStart(line(elt.End()) + 1); eol < next {
				next = eol
			}
		}
		return Splice{elt.Pos(), next, ""}
	case i+1 < len(lit.Elts):
		return Splice{elt.Pos(), lit.Elts[i+1].Pos(), ""}
	case i > 0:
		return Splice{lit.Elts[i-1].End(), elt.End(), ""}
	}
	return Splice{elt.Pos(), elt.End(), ""}
}

// hasMultiLineRawString reports whether n holds a raw string literal
// spanning several lines.
func hasMultiLineRawString(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.HasPrefix(lit.Value, "`") && strings.Contains(lit.Value, "\n") {
			found = true
		}
		return !found
	})
	return found
}

// lineIndent returns the leading tabs and spaces of the line holding the
// byte at offset.
func lineIndent(src []byte, offset int) string {
	lineStart := bytes.LastIndexByte(src[:offset], '\n') + 1
	i := lineStart
	for i < len(src) && (src[i] == '\t' || src[i] == ' ') {
		i++
	}
	return string(src[lineStart:i])
}

// FileSource returns the source of the file holding pos, read with
// readFile (analysis.Pass.ReadFile), for Literal and other edits that
// need the author's text; ok is false when it cannot be read or does not
// match the parsed file.
func FileSource(fset *token.FileSet, readFile func(string) ([]byte, error), pos token.Pos) ([]byte, bool) {
	tf := fset.File(pos)
	if tf == nil || readFile == nil {
		return nil, false
	}
	src, err := readFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return nil, false
	}
	return src, true
}
