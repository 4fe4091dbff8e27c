// Package match holds the type-identity helpers every rule uses to
// recognise an API: functions, methods and named types are identified by
// their package path and name, never by import name or printed type.
package match

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Callee returns the function or method a call statically calls (through
// a selector, a qualified identifier or a method value), or nil for calls
// of function values, builtins and conversions.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// IsFunc reports whether obj is a package-level function of the package
// with the given path, named one of names.
func IsFunc(obj types.Object, pkgPath string, names ...string) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return false
	}
	return oneOf(fn.Name(), names)
}

// IsMethod reports whether obj is a method named one of names declared on
// the named type pkgPath.typeName (with a value or pointer receiver, or
// in the type's interface). Promoted methods match the type that declares
// them.
func IsMethod(obj types.Object, pkgPath, typeName string, names ...string) bool {
	fn, ok := obj.(*types.Func) // a nil *types.Func from Callee arrives as a non-nil interface
	if !ok || fn == nil || !oneOf(fn.Name(), names) {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	return IsNamedOrPointer(sig.Recv().Type(), pkgPath, typeName)
}

// IsCallTo reports whether call calls the package-level function
// pkgPath.name for one of names.
func IsCallTo(info *types.Info, call *ast.CallExpr, pkgPath string, names ...string) bool {
	return IsFunc(Callee(info, call), pkgPath, names...)
}

// IsMethodCall reports whether call calls one of the named methods of
// pkgPath.typeName.
func IsMethodCall(info *types.Info, call *ast.CallExpr, pkgPath, typeName string, names ...string) bool {
	return IsMethod(Callee(info, call), pkgPath, typeName, names...)
}

// IsNamed reports whether t, after alias resolution, is the named type
// pkgPath.name for one of names (any instantiation of a generic type).
func IsNamed(t types.Type, pkgPath string, names ...string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Origin().Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == pkgPath && oneOf(obj.Name(), names)
}

// IsPointerTo reports whether t is a pointer to the named type.
func IsPointerTo(t types.Type, pkgPath string, names ...string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && IsNamed(p.Elem(), pkgPath, names...)
}

// IsNamedOrPointer reports whether t is the named type or a pointer to it.
func IsNamedOrPointer(t types.Type, pkgPath string, names ...string) bool {
	return IsNamed(t, pkgPath, names...) || IsPointerTo(t, pkgPath, names...)
}

// TypeOf returns the type of e, or nil when it is unknown.
func TypeOf(info *types.Info, e ast.Expr) types.Type {
	return info.TypeOf(e)
}

// ObjectOf returns the object an identifier or selector expression denotes
// (the field or method for a selector), or nil.
func ObjectOf(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(e)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			return sel.Obj()
		}
		return info.ObjectOf(e.Sel)
	}
	return nil
}

// Var returns the local or package variable e denotes, or nil when e is
// not a plain identifier naming a variable.
func Var(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}

// Imports reports whether pkg imports path directly.
func Imports(pkg *types.Package, path string) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return true
		}
	}
	return false
}

// Field returns the key/value of a struct literal field named name, or nil.
func Field(lit *ast.CompositeLit, name string) *ast.KeyValueExpr {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
			return kv
		}
	}
	return nil
}

// IsZeroConst reports whether e is a constant expression whose value is
// zero.
func IsZeroConst(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	return tv.Value.String() == "0"
}

func oneOf(s string, names []string) bool {
	if len(names) == 0 {
		return true
	}
	for _, n := range names {
		if s == n {
			return true
		}
	}
	return false
}

// References counts the identifiers of the package that refer to obj
// (not its declaration): calls and every other use.
func References(info *types.Info, obj types.Object) int {
	n := 0
	for id, o := range info.Uses {
		if o == obj && id.Pos().IsValid() {
			n++
		}
	}
	return n
}

// Refers reports whether obj is used (not declared) anywhere in n.
func Refers(info *types.Info, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

// IsDecode reports whether obj is a streaming decoder's Decode method
// (encoding/json, encoding/xml, with DecodeElement, or encoding/gob): the
// calls that parse what a reader yields.
func IsDecode(obj types.Object) bool {
	return IsMethod(obj, "encoding/json", "Decoder", "Decode") ||
		IsMethod(obj, "encoding/xml", "Decoder", "Decode", "DecodeElement") ||
		IsMethod(obj, "encoding/gob", "Decoder", "Decode")
}
