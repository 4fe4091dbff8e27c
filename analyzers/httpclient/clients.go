package httpclient

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// origin is where an http.Client is made without a Timeout: a literal,
// new(http.Client), or a variable declared without a value.
type origin struct {
	cursor    inspector.Cursor
	node      ast.Node          // what to report
	lit       *ast.CompositeLit // the literal, nil for the zero-value forms
	transport ast.Expr          // the literal's Transport, or nil
	dest      *types.Var        // the variable or field it is stored in, or nil
	zeroDecl  bool              // var c http.Client: later assignments may configure it
}

// clientIndex is what one walk of the package learns about clients,
// transports, requests and contexts.
type clientIndex struct {
	info *types.Info
	pkg  *types.Package
	idx  *index.Index

	origins []origin
	sends   []sendAt

	// Per variable or field holding a client or transport: set after
	// creation (c.Timeout = d, c.Transport = t, t.ResponseHeaderTimeout = d),
	// or handed to a call that may set them.
	timeoutSet       map[*types.Var]bool
	transportSet     map[*types.Var][]ast.Expr
	headerTimeoutSet map[*types.Var]bool
	handedOff        map[*types.Var]bool

	// Context parameters a call in this package fills with a fresh root.
	freshRootPassed map[*types.Var]bool
}

func newClientIndex(p *rule.Pass) *clientIndex {
	x := &clientIndex{
		info:             p.TypesInfo,
		pkg:              p.Pkg,
		idx:              p.Index,
		freshRootPassed:  map[*types.Var]bool{},
		timeoutSet:       map[*types.Var]bool{},
		transportSet:     map[*types.Var][]ast.Expr{},
		headerTimeoutSet: map[*types.Var]bool{},
		handedOff:        map[*types.Var]bool{},
	}
	x.sends = sendsOf(p)
	for c := range p.Index.Calls() {
		p.At(c.Node())
		x.call(c, c.Node().(*ast.CallExpr))
	}
	for c := range p.Cursors((*ast.CompositeLit)(nil), (*ast.ValueSpec)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CompositeLit:
			if match.IsNamed(x.info.TypeOf(n), "net/http", "Client") {
				kv := match.Field(n, "Timeout")
				if kv != nil {
					rule.Decided(p, n, "literal-timeout-field")
				} else {
					o := origin{cursor: c, node: n, lit: n, dest: x.destOf(c)}
					if t := match.Field(n, "Transport"); t != nil {
						o.transport = t.Value
					}
					x.origins = append(x.origins, o)
				}
			}
		case *ast.ValueSpec:
			if len(n.Values) == 0 && n.Type != nil && match.IsNamed(x.info.TypeOf(n.Type), "net/http", "Client") {
				for _, id := range n.Names { // var c http.Client: a zero client
					if v, ok := x.info.Defs[id].(*types.Var); ok {
						x.origins = append(x.origins, origin{cursor: c, node: id, dest: v, zeroDecl: true})
					}
				}
			}
		}
	}
	// In source order, as one walk would have found them: new(http.Client)
	// calls come from the index, the other forms from the walk above.
	sort.SliceStable(x.origins, func(i, j int) bool { return x.origins[i].node.Pos() < x.origins[j].node.Pos() })
	for _, a := range p.Index.AllAssignments() {
		if sel, ok := a.Target.Node().(*ast.SelectorExpr); ok && a.Tok != token.COLON && a.Tok != token.VAR {
			x.fieldSet(sel, a)
		}
	}
	return x
}

// values returns the values assigned to v by assignments and var specs
// (not composite-literal keys).
func (x *clientIndex) values(v *types.Var) []index.Assignment {
	var out []index.Assignment
	for _, a := range x.idx.Assignments(v) {
		if a.Tok != token.COLON && a.Value != nil {
			out = append(out, a)
		}
	}
	return out
}

func (x *clientIndex) call(c inspector.Cursor, call *ast.CallExpr) {
	x.recordFreshRoots(call)
	if b, ok := builtinName(x.info, call); ok && b == "new" && len(call.Args) == 1 &&
		match.IsNamed(x.info.TypeOf(call.Args[0]), "net/http", "Client") {
		x.origins = append(x.origins, origin{cursor: c, node: call, dest: x.destOf(c)})
	}
	// A client or transport handed to a call may be configured there.
	for _, arg := range call.Args {
		arg = ast.Unparen(arg)
		if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
			arg = ast.Unparen(u.X)
		}
		if t := x.info.TypeOf(arg); t != nil && (match.IsNamedOrPointer(t, "net/http", "Client", "Transport")) {
			if v := index.AssignedVar(x.info, arg); v != nil {
				x.handedOff[v] = true
			}
		}
	}
}

// fieldSet records c.Timeout = d, c.Transport = t and
// t.ResponseHeaderTimeout = d.
func (x *clientIndex) fieldSet(sel *ast.SelectorExpr, a index.Assignment) {
	s, ok := x.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return
	}
	owner := index.AssignedVar(x.info, sel.X)
	if owner == nil {
		return
	}
	switch {
	case match.IsNamedOrPointer(s.Recv(), "net/http", "Client") && s.Obj().Name() == "Timeout":
		x.timeoutSet[owner] = true
	case match.IsNamedOrPointer(s.Recv(), "net/http", "Client") && s.Obj().Name() == "Transport":
		if !a.Multi {
			x.transportSet[owner] = append(x.transportSet[owner], a.Value)
		} else {
			x.handedOff[owner] = true // c.Transport, ok = ...: cannot tell
		}
	case match.IsNamedOrPointer(s.Recv(), "net/http", "Transport") && s.Obj().Name() == "ResponseHeaderTimeout":
		x.headerTimeoutSet[owner] = true
	}
}

// destOf returns the variable or field the client made at c is stored in,
// or nil when it goes elsewhere (a call, a return) or is used directly.
func (x *clientIndex) destOf(c inspector.Cursor) *types.Var {
	c = match.Unparen(c)
	if c.ParentEdgeKind() == edge.UnaryExpr_X && c.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
		c = match.Unparen(c.Parent())
	}
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Rhs:
		as := c.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			return index.AssignedVar(x.info, as.Lhs[c.ParentEdgeIndex()])
		}
	case edge.ValueSpec_Values:
		vs := c.Parent().Node().(*ast.ValueSpec)
		if len(vs.Names) == len(vs.Values) {
			return index.AssignedVar(x.info, vs.Names[c.ParentEdgeIndex()])
		}
	case edge.KeyValueExpr_Value:
		kv := c.Parent().Node().(*ast.KeyValueExpr)
		if key, ok := kv.Key.(*ast.Ident); ok {
			if f, ok := x.info.Uses[key].(*types.Var); ok && f.IsField() {
				return f
			}
		}
	}
	return nil
}

// builtinName returns the name of the builtin call calls.
func builtinName(info *types.Info, call *ast.CallExpr) (string, bool) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return "", false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	if !ok {
		return "", false
	}
	return b.Name(), true
}
