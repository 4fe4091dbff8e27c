package jwtcheck

import (
	"sort"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// addExpiryFix builds the fix that gives the claims literal exp.fixLit an
// expiry of lifetime d: an "exp" key, an ExpiresAt field, or the embedded
// claims struct holding one. It returns false when the edit could not be
// made safely (no free name for an import, a literal that would not
// format, two imports added at one place).
func addExpiryFix(p *rule.Pass, exp expiry, shape claimsShape, d time.Duration) (analysis.SuggestedFix, bool) {
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
	// fix.Literal prints only the literal, formatted at its indentation,
	// and fix.NameAt writes sorted, gofmt-correct import specs: the file
	// is never formatted whole.
	src, ok := fix.FileSource(p.Fset, p.ReadFile, lit.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edit, ok := fix.Literal(p.Fset, src, lit, fix.AddElement(p.Fset, lit, elt))
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits = append(edits, edit)
	if !disjoint(edits) {
		return analysis.SuggestedFix{}, false
	}
	return fix.New(msg, edits...), true
}

// disjoint reports whether no two edits overlap or insert at the same
// position: two imports added at one place (both the time and the JWT
// package, after the same spec) would land in the order of the edits,
// not sorted as gofmt sorts them.
func disjoint(edits []analysis.TextEdit) bool {
	sorted := append([]analysis.TextEdit(nil), edits...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Pos < sorted[j].Pos })
	for i := 1; i < len(sorted); i++ {
		if sorted[i].Pos < sorted[i-1].End || sorted[i].Pos == sorted[i-1].Pos {
			return false
		}
	}
	return true
}
