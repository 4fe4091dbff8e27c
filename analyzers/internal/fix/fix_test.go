package fix

import (
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"sort"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestImportName(t *testing.T) {
	tests := []struct {
		name, src, path, wantName, wantSrc string
		ok                                 bool
	}{
		{"present", "package p\n\nimport \"time\"\n\nvar _ = time.Now\n", "time", "time", "", true},
		{"renamed", "package p\n\nimport t \"time\"\n\nvar _ = t.Now\n", "time", "t", "", true},
		{"single to group", "package p\n\nimport \"os\"\n\nvar _ = os.Args\n", "time", "time",
			"package p\n\nimport (\n\t\"os\"\n\t\"time\"\n)\n\nvar _ = os.Args\n", true},
		{"sorted into group", "package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n\t\"example.com/x\"\n)\n", "net/http", "http",
			"package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t\"os\"\n\n\t\"example.com/x\"\n)\n", true},
		{"appended to first run", "package p\n\nimport (\n\t\"fmt\"\n)\n", "time", "time",
			"package p\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n", true},
		{"no imports", "package p\n\nvar x = 1\n", "os", "os", "package p\n\nimport \"os\"\n\nvar x = 1\n", true},
		{"name taken", "package p\n\nimport time \"example.com/clock\"\n", "time", "", "", false},
		{"major version", "package p\n", "github.com/golang-jwt/jwt/v5", "jwt", "package p\n\nimport \"github.com/golang-jwt/jwt/v5\"\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", tt.src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			name, edits, ok := ImportName(fset, f, tt.path)
			if name != tt.wantName || ok != tt.ok {
				t.Fatalf("ImportName = %q, %v; want %q, %v", name, ok, tt.wantName, tt.ok)
			}
			if tt.wantSrc == "" {
				if len(edits) != 0 {
					t.Errorf("unexpected edits %v", edits)
				}
				return
			}
			got := apply(fset, f, tt.src, edits)
			if got != tt.wantSrc {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.wantSrc)
			}
			if formatted, _ := format.Source([]byte(got)); string(formatted) != got {
				t.Errorf("result is not gofmt-clean:\n%s", got)
			}
		})
	}
}

func apply(fset *token.FileSet, f *ast.File, src string, edits []analysis.TextEdit) string {
	tf := fset.File(f.Pos())
	sort.Slice(edits, func(i, j int) bool { return edits[i].Pos > edits[j].Pos })
	for _, e := range edits {
		start, end := tf.Offset(e.Pos), tf.Offset(e.End)
		src = src[:start] + string(e.NewText) + src[end:]
	}
	return src
}
