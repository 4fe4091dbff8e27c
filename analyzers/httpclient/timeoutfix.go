package httpclient

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// timeoutFix adds `Timeout: d` to the literal of o, and the "time" import
// if the file lacks it. The literal is reformatted as gofmt would, since a
// new key in a multi-line literal changes the alignment of its values.
func timeoutFix(p *rule.Pass, o origin, d time.Duration) (analysis.SuggestedFix, bool) {
	lit := o.lit
	if d <= 0 {
		return analysis.SuggestedFix{}, false // Timeout: 0 would change nothing
	}
	var file *ast.File
	for fc := range o.cursor.Enclosing((*ast.File)(nil)) {
		file = fc.Node().(*ast.File)
	}
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	name, importEdits, ok := fix.NameAt(p.Pkg, p.Fset, file, "time", "time", lit.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	tf := p.Fset.File(lit.Pos())
	src, err := p.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return analysis.SuggestedFix{}, false
	}
	text, ok := withTimeout(src, tf, lit, "Timeout: "+durationExpr(d, name))
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits := append([]analysis.TextEdit{fix.Replace(lit, text)}, importEdits...)
	return fix.New("Set Timeout on the http.Client", edits...), true
}

// withTimeout returns the source of lit with field added as its last
// element, formatted by gofmt at the literal's indentation.
func withTimeout(src []byte, tf *token.File, lit *ast.CompositeLit, field string) (string, bool) {
	start, rbrace, end := tf.Offset(lit.Pos()), tf.Offset(lit.Rbrace), tf.Offset(lit.End())
	var b strings.Builder
	b.Write(src[start:rbrace])
	switch {
	case len(lit.Elts) == 0:
		b.WriteString(field)
	case tf.Line(lit.Rbrace) > tf.Line(lit.Elts[len(lit.Elts)-1].End()):
		b.WriteString(field + ",\n") // multi-line: the last element already ends in a comma
	default:
		b.Reset()
		b.Write(src[start:tf.Offset(lit.Elts[len(lit.Elts)-1].End())])
		b.WriteString(", " + field)
	}
	b.Write(src[rbrace:end])
	old := b.String()
	if hasMultiLineRawString(lit) {
		return "", false // re-indenting would change the string
	}

	// Format the literal as the value of a top-level declaration, then put
	// it back at the indentation of the line it starts on.
	indent := lineIndent(src, tf, lit.Pos())
	const prefix = "package p\n\nvar _ = "
	out, err := format.Source([]byte(prefix + strings.ReplaceAll(old, "\n"+indent, "\n") + "\n"))
	if err != nil || !strings.HasPrefix(string(out), prefix) {
		return "", false
	}
	text := strings.TrimSuffix(string(out[len(prefix):]), "\n")
	return strings.ReplaceAll(text, "\n", "\n"+indent), true
}

// hasMultiLineRawString reports whether n holds a raw string literal
// that spans lines.
func hasMultiLineRawString(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.HasPrefix(lit.Value, "`") &&
			strings.Contains(lit.Value, "\n") {
			found = true
		}
		return !found
	})
	return found
}

// lineIndent returns the leading tabs and spaces of the line holding pos.
func lineIndent(src []byte, tf *token.File, pos token.Pos) string {
	lineStart := tf.Offset(tf.LineStart(tf.Line(pos)))
	i := lineStart
	for i < len(src) && (src[i] == '\t' || src[i] == ' ') {
		i++
	}
	return string(src[lineStart:i])
}

// durationExpr writes d as Go source in its largest exact unit:
// 30 * time.Second, time.Minute, 1500 * time.Millisecond.
func durationExpr(d time.Duration, timePkg string) string {
	units := []struct {
		d    time.Duration
		name string
	}{
		{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"},
		{time.Millisecond, "Millisecond"}, {time.Microsecond, "Microsecond"}, {time.Nanosecond, "Nanosecond"},
	}
	for _, u := range units {
		if d%u.d != 0 {
			continue
		}
		if n := d / u.d; n != 1 {
			return fmt.Sprintf("%d * %s.%s", n, timePkg, u.name)
		}
		return timePkg + "." + u.name
	}
	return fmt.Sprintf("%d", d) // unreachable: every duration is a whole number of nanoseconds
}
