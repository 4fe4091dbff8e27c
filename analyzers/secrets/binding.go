package secrets

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// binding is the name a string value is bound to where it appears: the
// variable or constant it initialises, the struct field or map key it
// fills, the parameter it is passed as, or the name it is compared with.
type binding struct {
	kind  nameKind
	name  string // the name itself: githubToken, Token, password
	label string // the name as the message shows it: githubToken, field Token, key "password"
	verb  string // how the value meets the name: "is set to" (the default), "is compared with"
	// envName is the environment variable the fix reads: an env struct
	// tag when there is one, else the name in UPPER_SNAKE.
	envName string
	// envTagged says envName comes from the code (an env or envconfig
	// struct tag), not from prodlint's guess.
	envTagged bool
	// target is the variable, constant or field the value initialises,
	// nil when the value is not an initialiser (a map entry, an argument).
	target types.Object
}

// bindingOf returns the binding of the value expression at c.
func bindingOf(info *types.Info, c inspector.Cursor) binding {
	c = outermost(c)
	kind, idx := c.ParentEdge()
	parent := c.Parent()
	switch kind {
	case edge.ValueSpec_Values:
		spec := parent.Node().(*ast.ValueSpec)
		if len(spec.Names) != len(spec.Values) {
			return binding{}
		}
		id := spec.Names[idx]
		return identBinding(id.Name, info.Defs[id])
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			return binding{}
		}
		return lhsBinding(info, as.Lhs[idx])
	case edge.KeyValueExpr_Value:
		kv := parent.Node().(*ast.KeyValueExpr)
		lit, ok := parent.Parent().Node().(*ast.CompositeLit)
		if !ok {
			return binding{}
		}
		if st := structOf(info.TypeOf(lit)); st != nil {
			if id, ok := kv.Key.(*ast.Ident); ok {
				return fieldBinding(info.TypeOf(lit), st, info.Uses[id])
			}
			return binding{}
		}
		return keyBinding(info, kv.Key)
	case edge.CompositeLit_Elts:
		lit := parent.Node().(*ast.CompositeLit)
		if st := structOf(info.TypeOf(lit)); st != nil && idx < st.NumFields() {
			return fieldBinding(info.TypeOf(lit), st, st.Field(idx))
		}
	case edge.CallExpr_Args:
		return argBinding(info, parent.Node().(*ast.CallExpr), idx)
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		bin := parent.Node().(*ast.BinaryExpr)
		if bin.Op != token.EQL && bin.Op != token.NEQ {
			return binding{}
		}
		other := bin.Y
		if kind == edge.BinaryExpr_Y {
			other = bin.X
		}
		if obj := match.ObjectOf(info, other); obj != nil {
			return binding{kind: classifyName(obj.Name()), name: obj.Name(), label: obj.Name(), verb: "is compared with"}
		}
	}
	return binding{}
}

// identBinding binds a value to a declared variable or constant.
func identBinding(name string, obj types.Object) binding {
	return binding{kind: classifyName(name), name: name, label: name, envName: upperSnake(name), target: obj}
}

// lhsBinding binds the right-hand side of an assignment to its target: a
// variable, a field (cfg.Password = ...) or a map key (h["Authorization"] = ...).
func lhsBinding(info *types.Info, lhs ast.Expr) binding {
	switch lhs := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		return identBinding(lhs.Name, info.ObjectOf(lhs))
	case *ast.SelectorExpr:
		sel, ok := info.Selections[lhs]
		if !ok || sel.Kind() != types.FieldVal {
			return binding{}
		}
		if st := structOf(sel.Recv()); st != nil {
			if b := fieldBinding(sel.Recv(), st, sel.Obj()); b.label != "" {
				return b
			}
		}
		return identBinding(lhs.Sel.Name, sel.Obj())
	case *ast.IndexExpr:
		return keyBinding(info, lhs.Index)
	}
	return binding{}
}

// keyBinding binds a map entry's value to its key: a constant string
// ("password", "X-API-Key", a constant naming one) or an identifier.
func keyBinding(info *types.Info, key ast.Expr) binding {
	if s, ok := match.ConstString(info, key); ok {
		return binding{kind: classifyName(s), name: s, label: `key "` + s + `"`}
	}
	return binding{}
}

// argBinding binds a call argument to the parameter it is passed as
// (NewClient(apiKey string)) or, in a key-value argument list
// (h.Set("Authorization", ...), os.Setenv("API_TOKEN", ...)), to the
// constant string key before it.
func argBinding(info *types.Info, call *ast.CallExpr, idx int) binding {
	if idx > 0 {
		if s, ok := match.ConstString(info, call.Args[idx-1]); ok && classifyName(s) != neutral {
			return binding{kind: classifyName(s), name: s, label: `"` + s + `"`}
		}
	}
	t := info.TypeOf(call.Fun)
	if t == nil {
		return binding{}
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || (sig.Variadic() && idx >= sig.Params().Len()-1) || idx >= sig.Params().Len() {
		return binding{}
	}
	name := sig.Params().At(idx).Name()
	if name == "" || name == "_" {
		return binding{}
	}
	return binding{kind: classifyName(name), name: name, label: "parameter " + name}
}

// fieldBinding binds a value to the field of st (the struct under owner)
// it fills. The field's name decides; a neutral name (Key, Value) defers
// to its encoding tags (`json:"api_key"`). The fix reads the variable an
// env tag names, else one named for the owner type and the field
// (githubClient.Token is GITHUB_CLIENT_TOKEN).
func fieldBinding(owner types.Type, st *types.Struct, field types.Object) binding {
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i) != field {
			continue
		}
		b := identBinding(field.Name(), field)
		b.label = "field " + field.Name()
		if n := namedOf(owner); n != nil {
			b.envName = upperSnake(n.Obj().Name() + "_" + field.Name())
		}
		tag := reflect.StructTag(st.Tag(i))
		for _, key := range tagKeys {
			name, _, _ := strings.Cut(tag.Get(key), ",")
			if name == "" || name == "-" {
				continue
			}
			if b.kind == neutral {
				b.kind = classifyName(name)
			}
			if (key == "env" || key == "envconfig") && envVarName.MatchString(name) {
				b.envName, b.envTagged = name, true
			}
		}
		return b
	}
	return binding{}
}

// tagKeys are the struct tag keys whose value names a field in a
// configuration format or the environment.
var tagKeys = []string{"env", "envconfig", "json", "yaml", "toml", "mapstructure", "koanf", "hcl", "xml"}

// namedOf returns the named type t is or points to, or nil.
func namedOf(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// structOf returns the struct type under t (or under the type t points
// to), or nil.
func structOf(t types.Type) *types.Struct {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// upperSnake turns an identifier into an environment variable name:
// githubToken is GITHUB_TOKEN, APIKey is API_KEY.
func upperSnake(name string) string {
	return strings.ToUpper(strings.Join(splitWords(name), "_"))
}
