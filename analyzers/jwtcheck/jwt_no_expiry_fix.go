package jwtcheck

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"sort"
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
	if shape.kind == kindRegistered || exp.fixWrap != nil { // the fix names the JWT package
		jwt := shape.claims.Pkg()
		var jwtEdits []analysis.TextEdit
		if jwtName, jwtEdits, ok = fix.NameAt(p.Pkg, p.Fset, file, jwt.Path(), jwt.Name(), lit.Pos()); !ok {
			return analysis.SuggestedFix{}, false
		}
		edits = append(edits, jwtEdits...)
	}
	now := timeName + ".Now().Add(" + fix.Duration(d, timeName) + ")"
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
	src, ok := fix.FileSource(p.Fset, p.ReadFile, lit.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edit, ok := fix.Literal(p.Fset, src, lit, fix.AddElement(p.Fset, lit, elt))
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits = append(edits, edit)
	if !staysFormatted(p.Fset, src, edits, clean) {
		return analysis.SuggestedFix{}, false
	}
	return fix.New(msg, edits...), true
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
