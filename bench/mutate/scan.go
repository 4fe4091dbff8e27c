package main

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// site is one place where an operator can put a bug back: the edits that do
// it, on one file of one package.
type site struct {
	Op      *operator
	FileIdx int
	File    string // absolute path of the original file
	Line    int    // line of the mutation in the original file
	Func    string // key of the enclosing top-level function ("" at package level)
	Edits   []edit
	Imports []string // import paths the edits refer to by their default name
	Shape   string   // the original code at the site, one line
	Via     string   // where the value the mutant breaks comes from, when not from the API itself (see via)
}

// edit replaces the bytes [Start, End) of the original file by Text.
type edit struct {
	Start, End int
	Text       string
}

// scan walks one file of a checked package for every operator's sites.
type scan struct {
	c     *checked
	fi    int
	file  *ast.File
	tf    *token.File
	src   []byte
	keys  map[*ast.FuncDecl]string
	stack []ast.Node
	sites []*site
}

func scanPackage(c *checked, ops []*operator) []*site {
	var out []*site
	for i, f := range c.Files {
		if skipFile(f) {
			continue
		}
		s := &scan{c: c, fi: i, file: f, tf: c.Fset.File(f.Pos()), src: c.Sources[i].Src, keys: funcKeys(f)}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				s.stack = s.stack[:len(s.stack)-1]
				return true
			}
			s.stack = append(s.stack, n)
			for _, op := range ops {
				op.visit(s, op, n)
			}
			return true
		})
		out = append(out, s.sites...)
	}
	return out
}

// funcKeys names each top-level function by receiver type and name, with an
// index for repeated names (init).
func funcKeys(f *ast.File) map[*ast.FuncDecl]string {
	keys := map[*ast.FuncDecl]string{}
	seen := map[string]int{}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		k := fd.Name.Name
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			k = recvName(fd.Recv.List[0].Type) + "." + k
		}
		seen[k]++
		if seen[k] > 1 {
			k = fmt.Sprintf("%s#%d", k, seen[k])
		}
		keys[fd] = k
	}
	return keys
}

func recvName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return recvName(t.X)
	case *ast.IndexExpr:
		return recvName(t.X)
	case *ast.IndexListExpr:
		return recvName(t.X)
	case *ast.Ident:
		return t.Name
	}
	return "?"
}

func (s *scan) off(p token.Pos) int { return s.tf.Offset(p) }

func (s *scan) text(n ast.Node) string { return string(s.src[s.off(n.Pos()):s.off(n.End())]) }

// add records a site at node n with the given edits.
func (s *scan) add(op *operator, n ast.Node, edits []edit, imports ...string) {
	key := ""
	for i := len(s.stack) - 1; i >= 0; i-- {
		if fd, ok := s.stack[i].(*ast.FuncDecl); ok {
			key = s.keys[fd]
			break
		}
	}
	line := s.tf.Line(n.Pos())
	s.sites = append(s.sites, &site{
		Op: op, FileIdx: s.fi, File: s.c.Sources[s.fi].Name, Line: line, Func: key,
		Edits: edits, Imports: imports, Shape: s.lineText(line),
	})
}

func (s *scan) lineText(line int) string {
	start := s.tf.LineStart(line)
	o := s.off(start)
	e := o
	for e < len(s.src) && s.src[e] != '\n' {
		e++
	}
	return strings.TrimSpace(string(s.src[o:e]))
}

func (s *scan) parent(depth int) ast.Node {
	if i := len(s.stack) - 1 - depth; i >= 0 {
		return s.stack[i]
	}
	return nil
}

// replace is an edit replacing node n by text.
func (s *scan) replace(n ast.Node, text string) edit {
	return edit{s.off(n.Pos()), s.off(n.End()), text}
}

// deleteStmt is an edit deleting a statement of a statement list, or false
// when n is not in one.
func (s *scan) deleteStmt(n ast.Stmt) ([]edit, bool) {
	switch s.parent(1).(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		return []edit{{s.off(n.Pos()), s.off(n.End()), ""}}, true
	}
	return nil, false
}

// deleteElt deletes element i of a composite literal.
func (s *scan) deleteElt(lit *ast.CompositeLit, i int) edit {
	end := lit.Rbrace
	if i+1 < len(lit.Elts) {
		end = lit.Elts[i+1].Pos()
	}
	return edit{s.off(lit.Elts[i].Pos()), s.off(end), ""}
}

// deleteArg deletes argument i of a call.
func (s *scan) deleteArg(call *ast.CallExpr, i int) edit {
	switch {
	case i+1 < len(call.Args):
		return edit{s.off(call.Args[i].Pos()), s.off(call.Args[i+1].Pos()), ""}
	case i > 0:
		return edit{s.off(call.Args[i-1].End()), s.off(call.Args[i].End()), ""}
	default:
		return edit{s.off(call.Lparen) + 1, s.off(call.Rparen), ""}
	}
}

// importName is the name by which the file refers to the package path; need
// reports that the file does not import it yet (the mutant adds the import).
func (s *scan) importName(path, def string) (name string, need bool, ok bool) {
	for _, imp := range s.file.Imports {
		if strings.Trim(imp.Path.Value, `"`) != path {
			continue
		}
		if imp.Name == nil {
			return def, false, true
		}
		if imp.Name.Name == "_" || imp.Name.Name == "." {
			continue
		}
		return imp.Name.Name, false, true
	}
	return def, true, true
}

func (s *scan) info() *types.Info { return s.c.Info }

func (s *scan) callee(call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(s.c.Info, call).(*types.Func)
	return fn
}

func (s *scan) typeOf(e ast.Expr) types.Type { return s.c.Info.TypeOf(e) }

// innermostFunc is the type and body of the innermost function around the
// current node.
func (s *scan) innermostFunc() (*ast.FuncType, *ast.BlockStmt) {
	for i := len(s.stack) - 1; i >= 0; i-- {
		switch f := s.stack[i].(type) {
		case *ast.FuncDecl:
			return f.Type, f.Body
		case *ast.FuncLit:
			return f.Type, f.Body
		}
	}
	return nil, nil
}

// enclosingLoop is the innermost for or range loop around the current node
// inside the innermost function, and its body.
func (s *scan) enclosingLoop() (ast.Stmt, *ast.BlockStmt) {
	for i := len(s.stack) - 2; i >= 0; i-- {
		switch l := s.stack[i].(type) {
		case *ast.ForStmt:
			return l, l.Body
		case *ast.RangeStmt:
			return l, l.Body
		case *ast.FuncLit, *ast.FuncDecl:
			return nil, nil
		}
	}
	return nil, nil
}

// named is the package path and name of t's named type, through one pointer.
func named(t types.Type) (string, string) {
	if t == nil {
		return "", ""
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return "", ""
	}
	return n.Obj().Pkg().Path(), n.Obj().Name()
}

func isType(t types.Type, path string, names ...string) bool {
	p, n := named(t)
	if p != path {
		return false
	}
	for _, want := range names {
		if n == want {
			return true
		}
	}
	return false
}

func isMethod(fn *types.Func, path, typ string, names ...string) bool {
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !isType(sig.Recv().Type(), path, typ) {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

func isFunc(fn *types.Func, path string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != path {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

func isContext(t types.Type) bool { return isType(t, "context", "Context") }

// contains reports whether root has a node for which pred holds, not
// descending into function literals when skipFuncs.
func contains(root ast.Node, skipFuncs bool, pred func(ast.Node) bool) bool {
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok && skipFuncs && n != root {
			return false
		}
		if pred(n) {
			found = true
		}
		return !found
	})
	return found
}

func keyName(e ast.Expr) string {
	if kv, ok := e.(*ast.KeyValueExpr); ok {
		if id, ok := kv.Key.(*ast.Ident); ok {
			return id.Name
		}
	}
	return ""
}

// via says where a value comes from when the call that makes it is not the
// API the rule knows (apis: the package paths of its tables): a function of
// the same package (same-package), of another package of the module
// (across-packages) or of another module (api-outside-tables); "" for the
// API itself or a call it cannot resolve. A miss of such a mutant is
// classified by it when causes.txt does not say otherwise.
func (s *scan) via(call *ast.CallExpr, apis ...string) string {
	fn := s.callee(call)
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	path := fn.Pkg().Path()
	for _, a := range apis {
		if path == a || strings.HasPrefix(path, a+"/") {
			return ""
		}
	}
	switch {
	case fn.Pkg() == s.c.Types:
		return "same-package"
	case s.c.Pkg.Module != nil && (path == s.c.Pkg.Module.Path || strings.HasPrefix(path, s.c.Pkg.Module.Path+"/")):
		return "across-packages"
	}
	return "api-outside-tables"
}

// definingCall is the call whose result is first assigned to obj in body
// (resp, err := send(...)), or nil.
func (s *scan) definingCall(body ast.Node, obj types.Object) *ast.CallExpr {
	var out *ast.CallExpr
	ast.Inspect(body, func(m ast.Node) bool {
		as, ok := m.(*ast.AssignStmt)
		if out != nil || !ok || len(as.Rhs) != 1 {
			return out == nil
		}
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && s.info().ObjectOf(id) == obj {
				out, _ = ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
				return false
			}
		}
		return true
	})
	return out
}

// setVia sets the Via of the site added last.
func (s *scan) setVia(v string) {
	if len(s.sites) > 0 {
		s.sites[len(s.sites)-1].Via = v
	}
}
