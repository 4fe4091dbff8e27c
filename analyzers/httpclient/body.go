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
	arg       int  // the reader argument
	wrapper   bool // returns a reader over the argument: the read happens later
	decodes   bool // parses the body as data (for messages)
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
	{pkg: "io", name: "LimitReader", wrapper: true},
	{pkg: "io", name: "TeeReader", wrapper: true},
	{pkg: "compress/gzip", name: "NewReader", wrapper: true},
}

// consumerOf returns the consumer call reads through when the expression
// at c is its reader argument.
func consumerOf(info *types.Info, call *ast.CallExpr, argIndex int) (consumer, bool) {
	fn := match.Callee(info, call)
	for _, k := range consumers {
		if argIndex == k.arg && match.IsFunc(fn, k.pkg, k.name) {
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
	// Follow the reader up through wrappers to the call that reads it.
	c := match.Unparen(sel)
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
	c = match.Unparen(c)
	switch c.ParentEdgeKind() {
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
