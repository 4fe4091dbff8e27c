package match

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// EnclosingFunc returns the innermost function declaration or literal
// around c (c itself when it is one), its body and its signature, or a
// zero cursor when c is outside any function.
func EnclosingFunc(info *types.Info, c inspector.Cursor) (inspector.Cursor, *ast.BlockStmt, *types.Signature) {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch fn := fc.Node().(type) {
		case *ast.FuncDecl:
			return fc, fn.Body, Signature(info, fn)
		case *ast.FuncLit:
			return fc, fn.Body, Signature(info, fn)
		}
	}
	return inspector.Cursor{}, nil, nil
}

// FuncType returns the syntax of the type of a function declaration or
// literal, or nil for any other node.
func FuncType(fn ast.Node) *ast.FuncType {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Type
	case *ast.FuncLit:
		return fn.Type
	}
	return nil
}

// Signature returns the signature of a function declaration or literal, or
// nil for any other node.
func Signature(info *types.Info, fn ast.Node) *types.Signature {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if obj, ok := info.Defs[fn.Name].(*types.Func); ok {
			return obj.Signature()
		}
	case *ast.FuncLit:
		sig, _ := info.TypeOf(fn).(*types.Signature)
		return sig
	}
	return nil
}
