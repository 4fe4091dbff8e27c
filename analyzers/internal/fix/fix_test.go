package fix

import (
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
)

// check type-checks src with every import resolved to an empty package of
// the conventional name, so that only scopes matter.
func check(t *testing.T, src string) (*token.FileSet, *ast.File, *types.Package) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			pkg := types.NewPackage(path, guessPackageName(path))
			pkg.MarkComplete()
			return pkg, nil
		}),
		Error: func(error) {}, // uses of members of the empty packages
	}
	pkg, _ := conf.Check("p", fset, []*ast.File{f}, nil)
	return fset, f, pkg
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func TestNameAt(t *testing.T) {
	tests := []struct {
		name, src, path, wantName, wantSrc string
		ok                                 bool
	}{
		{"present", "package p\n\nimport \"time\"\n\nvar _ = time.Now\n\nfunc f() { /**/ }\n", "time", "time", "", true},
		{"renamed", "package p\n\nimport t \"time\"\n\nvar _ = t.Now\n\nfunc f() { /**/ }\n", "time", "t", "", true},
		{"single to group", "package p\n\nimport \"os\"\n\nvar _ = os.Args\n\nfunc f() { /**/ }\n", "time", "time",
			"package p\n\nimport (\n\t\"os\"\n\t\"time\"\n)\n\nvar _ = os.Args\n\nfunc f() { /**/ }\n", true},
		{"sorted into group", "package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n\t\"example.com/x\"\n)\n\nfunc f() { /**/ }\n", "net/http", "http",
			"package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t\"os\"\n\n\t\"example.com/x\"\n)\n\nfunc f() { /**/ }\n", true},
		{"appended to first run", "package p\n\nimport (\n\t\"fmt\"\n)\n\nfunc f() { /**/ }\n", "time", "time",
			"package p\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc f() { /**/ }\n", true},
		{"no imports", "package p\n\nfunc f() { /**/ }\n", "os", "os", "package p\n\nimport \"os\"\n\nfunc f() { /**/ }\n", true},
		{"name taken by an import", "package p\n\nimport time \"example.com/clock\"\n\nfunc f() { /**/ }\n", "time", "timepkg",
			"package p\n\nimport (\n\ttime \"example.com/clock\"\n\ttimepkg \"time\"\n)\n\nfunc f() { /**/ }\n", true},
		{"major version", "package p\n\nfunc f() { /**/ }\n", "github.com/golang-jwt/jwt/v5", "jwt",
			"package p\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\nfunc f() { /**/ }\n", true},
		{"local variable", "package p\n\nimport \"time\"\n\nvar _ = time.Now\n\nfunc f() {\n\ttime := 1\n\t_ = time /**/\n}\n", "time", "timepkg",
			"package p\n\nimport (\n\t\"time\"\n\ttimepkg \"time\"\n)\n\nvar _ = time.Now\n\nfunc f() {\n\ttime := 1\n\t_ = time /**/\n}\n", true},
		{"parameter", "package p\n\nfunc f(time string) { /**/ }\n", "time", "timepkg",
			"package p\n\nimport timepkg \"time\"\n\nfunc f(time string) { /**/ }\n", true},
		{"package-level declaration", "package p\n\nvar time, timepkg = 1, 2\n\nfunc f() { /**/ }\n", "time", "time2",
			"package p\n\nimport time2 \"time\"\n\nvar time, timepkg = 1, 2\n\nfunc f() { /**/ }\n", true},
		{"dot import", "package p\n\nimport . \"time\"\n\nvar _ = Now\n\nfunc f() { /**/ }\n", "time", "time",
			"package p\n\nimport (\n\t\"time\"\n\t. \"time\"\n)\n\nvar _ = Now\n\nfunc f() { /**/ }\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset, f, pkg := check(t, tt.src)
			pos := f.Pos() + token.Pos(strings.Index(tt.src, "/**/"))
			name, edits, ok := NameAt(pkg, fset, f, tt.path, guessPackageName(tt.path), pos)
			if name != tt.wantName || ok != tt.ok {
				t.Fatalf("NameAt = %q, %v; want %q, %v", name, ok, tt.wantName, tt.ok)
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

func TestDuration(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{30 * time.Second, "30 * t.Second"},
		{time.Minute, "t.Minute"},
		{90 * time.Second, "90 * t.Second"},
		{2 * time.Hour, "2 * t.Hour"},
		{1500 * time.Millisecond, "1500 * t.Millisecond"},
		{3 * time.Microsecond, "3 * t.Microsecond"},
		{7, "7 * t.Nanosecond"},
	} {
		if got := Duration(tc.d, "t"); got != tc.want {
			t.Errorf("Duration(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{1 << 20: "1<<20", 1024: "1<<10", 512: "512", 1000000: "1000000", 3 << 20: "3145728"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestLiteral(t *testing.T) {
	const add = "Timeout: 5"
	tests := []struct {
		name, src, want string
		drop            string // the key of the element to drop instead of adding
		ok              bool
	}{
		{"empty", "package p\n\nvar x = T{}\n", "package p\n\nvar x = T{Timeout: 5}\n", "", true},
		{"single line", "package p\n\nvar x = T{A: 1, B: \"b\"}\n", "package p\n\nvar x = T{A: 1, B: \"b\", Timeout: 5}\n", "", true},
		{"multi-line realigned", "package p\n\nfunc f() {\n\tx := T{\n\t\tA:     1, // one\n\t\tLonger: 2,\n\n\t\tC: 3,\n\t}\n\t_ = x\n}\n",
			"package p\n\nfunc f() {\n\tx := T{\n\t\tA:      1, // one\n\t\tLonger: 2,\n\n\t\tC:       3,\n\t\tTimeout: 5,\n\t}\n\t_ = x\n}\n", "", true},
		{"one-line raw string", "package p\n\nvar x = T{\n\tA: `a`,\n}\n", "package p\n\nvar x = T{\n\tA:       `a`,\n\tTimeout: 5,\n}\n", "", true},
		{"multi-line raw string", "package p\n\nvar x = T{\n\tA: `a\n  b`,\n}\n", "", "", false},
		{"drop alone on its line", "package p\n\nvar x = T{\n\tA:      1,\n\tLonger: 2, // why\n\tC:      3,\n}\n",
			"package p\n\nvar x = T{\n\tA: 1,\n\tC: 3,\n}\n", "Longer", true},
		{"drop in one line", "package p\n\nvar x = T{A: 1, B: 2}\n", "package p\n\nvar x = T{A: 1}\n", "B", true},
		{"drop first in one line", "package p\n\nvar x = T{A: 1, B: 2}\n", "package p\n\nvar x = T{B: 2}\n", "A", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", tt.src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			var lit *ast.CompositeLit
			ast.Inspect(f, func(n ast.Node) bool {
				if l, ok := n.(*ast.CompositeLit); ok && lit == nil {
					lit = l
				}
				return true
			})
			s := AddElement(fset, lit, add)
			if tt.drop != "" {
				for _, e := range lit.Elts {
					if kv := e.(*ast.KeyValueExpr); kv.Key.(*ast.Ident).Name == tt.drop {
						s = DropElement(fset, lit, e)
					}
				}
			}
			edit, ok := Literal(fset, []byte(tt.src), lit, s)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if got := apply(fset, f, tt.src, []analysis.TextEdit{edit}); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
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
