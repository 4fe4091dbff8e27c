package server

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// splice replaces the source between pos and end with text.
type splice struct {
	pos, end token.Pos
	text     string
}

// rewriteLiteral returns an edit that replaces lit with its own source
// after the splices, formatted by gofmt. Adding, dropping or changing one
// key of a multi-line literal changes the alignment gofmt gives the other
// keys, so the whole literal is reformatted; its comments survive because
// the rewrite is textual. ok is false when the source cannot be read or
// the result does not parse.
func rewriteLiteral(p *rule.Pass, lit *ast.CompositeLit, splices ...splice) (analysis.TextEdit, bool) {
	tf := p.Fset.File(lit.Pos())
	if tf == nil || p.ReadFile == nil {
		return analysis.TextEdit{}, false
	}
	content, err := p.ReadFile(tf.Name())
	if err != nil {
		return analysis.TextEdit{}, false
	}
	start, end := tf.Offset(lit.Pos()), tf.Offset(lit.End())
	text := string(content[start:end])
	if hasMultiLineRawString(lit) {
		return analysis.TextEdit{}, false // re-indenting would change its value
	}
	sort.Slice(splices, func(i, j int) bool { return splices[i].pos > splices[j].pos })
	for _, s := range splices {
		from, to := tf.Offset(s.pos)-start, tf.Offset(s.end)-start
		text = text[:from] + s.text + text[to:]
	}
	const prefix = "package p\n\nvar _ = "
	out, err := format.Source([]byte(prefix + text + "\n"))
	if err != nil {
		return analysis.TextEdit{}, false
	}
	formatted := strings.TrimSuffix(string(out[len(prefix):]), "\n")
	indent := lineIndent(content, start)
	lines := strings.Split(formatted, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = indent + lines[i]
		}
	}
	return fix.Replace(lit, strings.Join(lines, "\n")), true
}

// hasMultiLineRawString reports whether n contains a raw string literal
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
func lineIndent(content []byte, offset int) string {
	lineStart := bytes.LastIndexByte(content[:offset], '\n') + 1
	i := lineStart
	for i < len(content) && (content[i] == '\t' || content[i] == ' ') {
		i++
	}
	return string(content[lineStart:i])
}

// appendElement returns the splice that adds elt (such as
// "ReadHeaderTimeout: 10 * time.Second") as the last element of a keyed
// literal, on its own line when the literal spans several.
func appendElement(fset *token.FileSet, lit *ast.CompositeLit, elt string) splice {
	if len(lit.Elts) == 0 {
		return splice{lit.Rbrace, lit.Rbrace, elt}
	}
	last := lit.Elts[len(lit.Elts)-1]
	if fset.Position(last.End()).Line == fset.Position(lit.Rbrace).Line {
		return splice{last.End(), last.End(), ", " + elt}
	}
	// Multi-line: the last element is followed by a comma; add after it
	// (and after any comment on its line), then let gofmt indent.
	return splice{lit.Rbrace, lit.Rbrace, elt + ",\n"}
}

// dropElement returns the splice that removes elt from lit, with its comma
// (and the rest of its line when it stands on a line of its own).
func dropElement(fset *token.FileSet, lit *ast.CompositeLit, elt ast.Expr) splice {
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
		if tf := fset.File(elt.Pos()); tf != nil {
			if eol := tf.LineStart(line(elt.End()) + 1); eol < next {
				next = eol
			}
		}
		return splice{elt.Pos(), next, ""}
	case i+1 < len(lit.Elts):
		return splice{elt.Pos(), lit.Elts[i+1].Pos(), ""}
	case i > 0:
		return splice{lit.Elts[i-1].End(), elt.End(), ""}
	}
	return splice{elt.Pos(), elt.End(), ""}
}

// durationExpr writes d as Go source using the time package named
// timeName: "10 * time.Second", "time.Minute", "1500 * time.Millisecond".
func durationExpr(d time.Duration, timeName string) string {
	units := []struct {
		unit time.Duration
		name string
	}{{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"}, {time.Millisecond, "Millisecond"}, {time.Microsecond, "Microsecond"}}
	for _, u := range units {
		if d%u.unit == 0 {
			if d == u.unit {
				return timeName + "." + u.name
			}
			return strconv.FormatInt(int64(d/u.unit), 10) + " * " + timeName + "." + u.name
		}
	}
	return timeName + ".Duration(" + strconv.FormatInt(int64(d), 10) + ")"
}

// sizeExpr writes a byte count as Go source: powers of two from 1 KiB up
// as shifts ("1<<20"), others in decimal.
func sizeExpr(n int64) string {
	if n >= 1<<10 && n&(n-1) == 0 {
		return "1<<" + strconv.Itoa(bits.TrailingZeros64(uint64(n)))
	}
	return strconv.FormatInt(n, 10)
}

// importName returns the name by which the code at n can refer to the
// package at path, with the edits that import it when its file does not.
// ok is false when the name is taken at n (by another import, or by a
// local declaration such as a parameter called time), so that a fix using
// it would not compile.
func importName(p *rule.Pass, n ast.Node, path string) (name string, edits []analysis.TextEdit, ok bool) {
	file := p.File(n.Pos())
	if file == nil {
		return "", nil, false
	}
	name, edits, ok = fix.ImportName(p.Fset, file, path)
	if !ok {
		return "", nil, false
	}
	scope := p.Pkg.Scope().Innermost(n.Pos())
	if scope == nil {
		return "", nil, false
	}
	_, obj := scope.LookupParent(name, n.Pos())
	if obj == nil {
		return name, edits, true
	}
	pkgName, isPkg := obj.(*types.PkgName)
	return name, edits, isPkg && pkgName.Imported().Path() == path
}
