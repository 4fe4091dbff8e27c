package httpclient

import (
	"go/ast"
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
	src, ok := fix.FileSource(p.Fset, p.ReadFile, lit.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edit, ok := fix.Literal(p.Fset, src, lit, fix.AddElement(p.Fset, lit, "Timeout: "+fix.Duration(d, name)))
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits := append([]analysis.TextEdit{edit}, importEdits...)
	return fix.New("Set Timeout on the http.Client", edits...), true
}
