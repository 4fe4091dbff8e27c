package httpclient

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// consumer is a standard-library function that reads the io.Reader passed
// as its argument arg, and neither closes nor keeps it beyond the call
// (or, for a wrapper, only inside the reader it returns).
type consumer struct {
	pkg, name string
	recv      string // the receiver type of a method; "" for a function
	arg       int    // the reader argument
	wrapper   bool   // returns a reader over the argument: the read happens later
	decodes   bool   // parses the body as data (for messages)
}

var consumers = []consumer{
	{pkg: "io", name: "ReadAll"},
	{pkg: "io", name: "ReadFull"},
	{pkg: "io", name: "ReadAtLeast"},
	{pkg: "io", name: "Copy", arg: 1},
	{pkg: "io", name: "CopyN", arg: 1},
	{pkg: "io", name: "CopyBuffer", arg: 1},
	{pkg: "io/ioutil", name: "ReadAll"},
	{pkg: "encoding/json", name: "NewDecoder", decodes: true},
	{pkg: "encoding/xml", name: "NewDecoder", decodes: true},
	{pkg: "encoding/gob", name: "NewDecoder", decodes: true},
	{pkg: "encoding/csv", name: "NewReader", decodes: true},
	{pkg: "bufio", name: "NewScanner"},
	{pkg: "bufio", name: "NewReader"},
	{pkg: "bufio", name: "NewReaderSize"},
	{pkg: "bytes", recv: "Buffer", name: "ReadFrom"},
	{pkg: "io", name: "LimitReader", wrapper: true},
	{pkg: "io", name: "TeeReader", wrapper: true},
	{pkg: "compress/gzip", name: "NewReader", wrapper: true},
}

// consumerOf returns the consumer call reads through when the expression
// at c is its reader argument.
func consumerOf(info *types.Info, call *ast.CallExpr, argIndex int) (consumer, bool) {
	fn := match.Callee(info, call)
	for _, k := range consumers {
		if argIndex != k.arg {
			continue
		}
		if k.recv == "" && match.IsFunc(fn, k.pkg, k.name) || k.recv != "" && match.IsMethod(fn, k.pkg, k.recv, k.name) {
			return k, true
		}
	}
	return consumer{}, false
}

// bodyAccess is what a statement does with resp.Body.
type bodyAccess int

const (
	bodyOther   bodyAccess = iota // something else, or nothing prodlint follows
	bodyRead                      // read as data: io.ReadAll, a decoder, resp.Body.Read
	bodyDecoded                   // parsed as data by a decoder
	bodyDrained                   // copied to io.Discard: read only to reuse the connection
	bodyClosed                    // resp.Body.Close, called or as a method value
)

// accessOf classifies the use of resp.Body at sel (the selector
// expression resp.Body). It also returns the call that reads the body.
func accessOf(info *types.Info, sel inspector.Cursor) (bodyAccess, *ast.CallExpr) {
	if sel.ParentEdgeKind() == edge.SelectorExpr_X {
		method := sel.Parent()
		switch method.Node().(*ast.SelectorExpr).Sel.Name {
		case "Close":
			return bodyClosed, nil
		case "Read":
			if method.ParentEdgeKind() == edge.CallExpr_Fun {
				return bodyRead, method.Parent().Node().(*ast.CallExpr)
			}
		}
		return bodyOther, nil
	}
	return readerAccess(info, sel, 0)
}

// readerAccess follows the reader at c (the body, or a reader over it) up
// through wrappers to the call that reads it: a wrapper call, or an
// io.LimitedReader literal, directly or through the local variable that
// holds it. depth bounds the variables followed.
func readerAccess(info *types.Info, c inspector.Cursor, depth int) (bodyAccess, *ast.CallExpr) {
	c = match.Unparen(c)
	if lit, ok := limitedReaderOf(info, c); ok {
		if v, ok := heldIn(info, lit); ok {
			if depth > 2 {
				return bodyOther, nil
			}
			for _, use := range usesOf(info, match.OutermostFunc(lit), v) {
				if access, call := readerAccess(info, use, depth+1); access != bodyOther {
					return access, call
				}
			}
			return bodyOther, nil
		}
		c = lit
	}
	for c.ParentEdgeKind() == edge.CallExpr_Args {
		call := c.Parent().Node().(*ast.CallExpr)
		k, ok := consumerOf(info, call, c.ParentEdgeIndex())
		if !ok {
			return bodyOther, nil
		}
		switch {
		case k.wrapper:
			c = match.Unparen(c.Parent())
			continue
		case k.pkg == "io" && isDiscard(info, call.Args[0]):
			return bodyDrained, call
		case k.decodes:
			return bodyDecoded, call
		}
		return bodyRead, call
	}
	return bodyOther, nil
}

// isDiscard reports whether e denotes io.Discard or ioutil.Discard.
func isDiscard(info *types.Info, e ast.Expr) bool {
	v, ok := match.ObjectOf(info, e).(*types.Var)
	if !ok || v.Pkg() == nil || v.Name() != "Discard" {
		return false
	}
	path := v.Pkg().Path()
	return (path == "io" || path == "io/ioutil") && v.Pkg().Scope().Lookup("Discard") == v
}

// escapes reports whether the value of the expression at c leaves the
// function's view: handed to a call other than a known reader (a helper
// may check the status or close the body), returned, stored, sent on a
// channel, aliased or address-taken.
func escapes(info *types.Info, c inspector.Cursor) bool {
	return escapesAt(info, c, 0)
}

func escapesAt(info *types.Info, c inspector.Cursor, depth int) bool {
	c = match.Unparen(c)
	if lit, ok := limitedReaderOf(info, c); ok {
		// Wrapped in an io.LimitedReader: the body leaves only if the reader does.
		v, held := heldIn(info, lit)
		if !held {
			return escapesAt(info, lit, depth+1)
		}
		if depth > 2 {
			return true
		}
		for _, use := range usesOf(info, match.OutermostFunc(lit), v) {
			if escapesAt(info, use, depth+1) {
				return true
			}
		}
		return false
	}
	switch c.ParentEdgeKind() {
	case edge.TypeAssertExpr_X:
		// rwc, ok := resp.Body.(io.ReadWriteCloser): the asserted value is
		// the body, and goes where it goes; a blank one goes nowhere.
		if c.Parent().Node().(*ast.TypeAssertExpr).Type == nil || assignedToBlank(c.Parent()) {
			return false
		}
		return escapesAt(info, c.Parent(), depth)
	case edge.CallExpr_Args:
		_, known := consumerOf(info, c.Parent().Node().(*ast.CallExpr), c.ParentEdgeIndex())
		return !known
	case edge.ReturnStmt_Results, edge.AssignStmt_Rhs, edge.ValueSpec_Values,
		edge.KeyValueExpr_Value, edge.CompositeLit_Elts, edge.SendStmt_Value:
		return true
	case edge.UnaryExpr_X:
		return c.Parent().Node().(*ast.UnaryExpr).Op == token.AND
	}
	return false
}

// assignedToBlank reports whether the expression at c is the right-hand
// side of an assignment whose first left-hand side is the blank
// identifier (_, ok := x.(T)).
func assignedToBlank(c inspector.Cursor) bool {
	c = match.Unparen(c)
	return c.ParentEdgeKind() == edge.AssignStmt_Rhs && match.IsBlank(c.Parent().Node().(*ast.AssignStmt).Lhs[0])
}

// limitedReaderOf returns the io.LimitedReader literal (with its & when
// its address is taken) whose reader field R is the expression at c.
func limitedReaderOf(info *types.Info, c inspector.Cursor) (inspector.Cursor, bool) {
	var lit inspector.Cursor
	switch c.ParentEdgeKind() {
	case edge.KeyValueExpr_Value:
		if id, ok := c.Parent().Node().(*ast.KeyValueExpr).Key.(*ast.Ident); !ok || id.Name != "R" {
			return inspector.Cursor{}, false
		}
		lit = c.Parent().Parent()
	case edge.CompositeLit_Elts:
		if c.ParentEdgeIndex() != 0 {
			return inspector.Cursor{}, false
		}
		lit = c.Parent()
	default:
		return inspector.Cursor{}, false
	}
	if !match.IsNamed(info.TypeOf(lit.Node().(ast.Expr)), "io", "LimitedReader") {
		return inspector.Cursor{}, false
	}
	lit = match.Unparen(lit)
	if lit.ParentEdgeKind() == edge.UnaryExpr_X && lit.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
		lit = match.Unparen(lit.Parent())
	}
	return lit, true
}

// heldIn returns the local variable that the expression at c initialises
// or is assigned to as a whole (lr := &io.LimitedReader{...}), or false.
func heldIn(info *types.Info, c inspector.Cursor) (*types.Var, bool) {
	var lhs ast.Expr
	switch parent := c.Parent().Node().(type) {
	case *ast.AssignStmt:
		if c.ParentEdgeKind() != edge.AssignStmt_Rhs || len(parent.Lhs) != len(parent.Rhs) {
			return nil, false
		}
		lhs = parent.Lhs[c.ParentEdgeIndex()]
	case *ast.ValueSpec:
		if c.ParentEdgeKind() != edge.ValueSpec_Values || len(parent.Names) != len(parent.Values) {
			return nil, false
		}
		lhs = parent.Names[c.ParentEdgeIndex()]
	default:
		return nil, false
	}
	v := localVar(info, lhs)
	return v, v != nil
}
