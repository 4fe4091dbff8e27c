package jwtcheck

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// addExpiryFix builds the fix that gives the claims literal exp.fixLit an
// expiry of lifetime d: an "exp" key, an ExpiresAt field, or the embedded
// claims struct holding one. It returns false when the edit could not be
// made safely (an import name taken, a file that would not stay
// gofmt-clean).
func addExpiryFix(p *rule.Pass, exp expiry, shape claimsShape, d time.Duration, clean gofmtClean) (analysis.SuggestedFix, bool) {
	lit := exp.fixLit
	if lit == nil || d <= 0 {
		return analysis.SuggestedFix{}, false
	}
	file := p.File(lit.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	timeName, edits, ok := fix.NameAt(p.Pkg, p.Fset, file, "time", "time", lit.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	jwtName := ""
	if shape.kind != kindMap {
		if jwtName = importedName(file, shape.claims.Pkg()); jwtName == "" {
			return analysis.SuggestedFix{}, false // the file does not import the JWT package: leave it to the author
		}
	}
	now := timeName + ".Now().Add(" + durationExpr(d, timeName) + ")"
	var elt, msg string
	switch shape.kind {
	case kindMap:
		elt, msg = `"exp": `+now+".Unix()", `Add an "exp" claim`
	case kindRegistered:
		elt, msg = "ExpiresAt: "+jwtName+".NewNumericDate("+now+")", "Set ExpiresAt"
	case kindStandard:
		elt, msg = "ExpiresAt: "+now+".Unix()", "Set ExpiresAt"
	}
	if w := exp.fixWrap; w != nil {
		amp := ""
		if isReference(w.Type()) {
			amp = "&"
		}
		elt = w.Name() + ": " + amp + jwtName + "." + shape.claims.Name() + "{" + elt + "}"
		msg = "Set " + w.Name() + " with ExpiresAt"
	}
	msg += " " + humanDuration(d) + " from now"
	src, err := p.ReadFile(p.Fset.File(lit.Pos()).Name())
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	text, ok := literalWith(p.Fset, src, lit, elt)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits = append(edits, fix.Replace(lit, text))
	if !staysFormatted(p.Fset, src, edits, clean) {
		return analysis.SuggestedFix{}, false
	}
	return fix.New(msg, edits...), true
}

// literalWith returns the source of lit with elt added as its last
// element, formatted as gofmt formats it at lit's indentation.
func literalWith(fset *token.FileSet, src []byte, lit *ast.CompositeLit, elt string) (string, bool) {
	tf := fset.File(lit.Pos())
	start, lbrace, rbrace, end := tf.Offset(lit.Pos()), tf.Offset(lit.Lbrace), tf.Offset(lit.Rbrace), tf.Offset(lit.End())
	if end > len(src) || bytes.Contains(src[start:end], []byte("`")) {
		return "", false // a raw string could span lines that re-indenting would change
	}
	var b strings.Builder
	b.Write(src[start:rbrace])
	switch {
	case len(lit.Elts) == 0:
		b.WriteString(elt)
	case tf.Line(lit.Lbrace) == tf.Line(lit.Rbrace):
		b.WriteString(", " + elt)
	default:
		b.WriteString(elt + ",\n")
	}
	b.Write(src[rbrace:end])

	const prefix = "package p\n\nvar _ = "
	out, err := format.Source([]byte(prefix + b.String() + "\n"))
	if err != nil || !bytes.HasPrefix(out, []byte(prefix)) {
		return "", false
	}
	lines := strings.Split(strings.TrimSuffix(string(out[len(prefix):]), "\n"), "\n")
	indent := lineIndent(src, lbrace)
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = indent + lines[i]
		}
	}
	return strings.Join(lines, "\n"), true
}

// lineIndent returns the leading tabs of the line holding offset.
func lineIndent(src []byte, offset int) string {
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	end := start
	for end < len(src) && src[end] == '\t' {
		end++
	}
	return string(src[start:end])
}

// gofmtClean remembers, per file of the package, whether the author's file
// is gofmt-clean, so that a package with many findings formats each file
// once, not once per fix.
type gofmtClean map[*token.File]bool

func (g gofmtClean) of(tf *token.File, src []byte) bool {
	clean, seen := g[tf]
	if !seen {
		out, err := format.Source(src)
		clean = err == nil && bytes.Equal(out, src)
		g[tf] = clean
	}
	return clean
}

// staysFormatted reports whether applying edits to src leaves a file that
// parses and, when src was gofmt-clean, still is.
func staysFormatted(fset *token.FileSet, src []byte, edits []analysis.TextEdit, clean gofmtClean) bool {
	if len(edits) == 0 {
		return true
	}
	tf := fset.File(edits[0].Pos)
	sorted := append([]analysis.TextEdit(nil), edits...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Pos < sorted[j].Pos })
	var out bytes.Buffer
	last := 0
	for _, e := range sorted {
		from, to := tf.Offset(e.Pos), tf.Offset(e.End)
		if from < last {
			return false // overlapping edits
		}
		out.Write(src[last:from])
		out.Write(e.NewText)
		last = to
	}
	out.Write(src[last:])
	if !clean.of(tf, src) { // the author's file was not gofmt-clean to begin with: it need only parse
		_, err := parser.ParseFile(token.NewFileSet(), "", out.Bytes(), parser.ParseComments)
		return err == nil
	}
	after, err := format.Source(out.Bytes()) // parses too
	return err == nil && bytes.Equal(after, out.Bytes())
}

// importedName returns the name by which file refers to pkg, or "" when
// it does not import it under a usable name. (fix.ImportName guesses the
// name from the path, which for ".../jwt/v5" is not the package name.)
func importedName(file *ast.File, pkg *types.Package) string {
	for _, imp := range file.Imports {
		if path, err := strconv.Unquote(imp.Path.Value); err != nil || path != pkg.Path() {
			continue
		}
		if imp.Name == nil {
			return pkg.Name()
		}
		if imp.Name.Name != "_" && imp.Name.Name != "." {
			return imp.Name.Name
		}
	}
	return ""
}
