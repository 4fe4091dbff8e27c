package iosum

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestByShape: a callee of a package that carries no summary (a
// dependency outside the analysed module) is judged by its signature.
func TestByShape(t *testing.T) {
	fset := token.NewFileSet()
	check := func(path, src string, imp types.Importer) *types.Package {
		f, err := parser.ParseFile(fset, path+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		pkg, err := (&types.Config{Importer: imp}).Check(path, fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return pkg
	}
	std := importer.Default()
	sdk := check("cloud.example/sdk", `package sdk
import "context"
type Client struct{}
func (*Client) Send(ctx context.Context, msg string) error { return nil }
func (*Client) Close() error { return nil }
func Parse(s string) (int, error) { return 0, nil }
type Stream interface {
	Recv() ([]byte, error)
	ID() string
}`, std)
	sema := check("golang.org/x/sync/semaphore", `package semaphore
import "context"
type Weighted struct{}
func (*Weighted) Acquire(ctx context.Context, n int64) error { return nil }`, std)
	local := types.NewPackage("example.com/app", "app")

	lookup := func(pkg *types.Package, typ, name string) *types.Func {
		if typ == "" {
			return pkg.Scope().Lookup(name).(*types.Func)
		}
		obj, _, _ := types.LookupFieldOrMethod(pkg.Scope().Lookup(typ).Type(), true, pkg, name)
		return obj.(*types.Func)
	}
	send := lookup(sdk, "Client", "Send")
	tests := []struct {
		fn   *types.Func
		pure bool
		want string
	}{
		{send, false, "sdk.Client.Send"},
		{send, true, ""}, // its package was analysed and found it pure
		{lookup(sdk, "Client", "Close"), false, ""},
		{lookup(sdk, "", "Parse"), false, ""},
		{lookup(sdk, "Stream", "Recv"), false, "sdk.Stream.Recv (an interface method that can fail)"},
		{lookup(sdk, "Stream", "ID"), false, ""},
		{lookup(sema, "Weighted", "Acquire"), false, ""},
	}
	for _, tt := range tests {
		s := &Summary{pkg: local, local: map[*types.Func]string{}, imported: map[*types.Func]string{}, pure: map[*types.Func]bool{}}
		if tt.pure {
			s.pure[tt.fn] = true
		}
		if got := s.Via(tt.fn); got != tt.want {
			t.Errorf("Via(%v) with pure=%v = %q, want %q", tt.fn, tt.pure, got, tt.want)
		}
	}
}
