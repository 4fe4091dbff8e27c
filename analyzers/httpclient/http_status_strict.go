package httpclient

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// strictParsers are parsers of binary or strictly framed formats that
// return an error (or, for pem.Decode, no block) on any input that is not
// of their format: an HTML or JSON error page handed to them fails to
// parse and is never used as data, so an unchecked status only makes the
// error less clear.
var strictParsers = map[string][]string{
	"crypto/x509": {"ParseCertificate", "ParseCertificates", "ParseCertificateRequest", "ParseCRL",
		"ParseDERCRL", "ParseRevocationList", "ParsePKCS1PrivateKey", "ParsePKCS1PublicKey",
		"ParsePKCS8PrivateKey", "ParsePKIXPublicKey", "ParseECPrivateKey"},
	"golang.org/x/crypto/ocsp":         {"ParseResponse", "ParseResponseForCert", "ParseRequest"},
	"encoding/pem":                     {"Decode"},
	"encoding/asn1":                    {"Unmarshal", "UnmarshalWithParams"},
	"google.golang.org/protobuf/proto": {"Unmarshal"},
	"github.com/golang/protobuf/proto": {"Unmarshal"},
}

// isStrictParse reports whether call is one of strictParsers.
func isStrictParse(info *types.Info, call *ast.CallExpr) bool {
	fn := match.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return false
	}
	names, ok := strictParsers[fn.Pkg().Path()]
	return ok && match.IsFunc(fn, fn.Pkg().Path(), names...)
}

// parsedStrictly reports whether read (io.ReadAll(resp.Body), say) is
// assigned to a variable whose first use, in fn, is as the argument of a
// strict parser, and whose later uses are too, or come only once the
// parse has succeeded (its error returns): the body can only ever be used
// as the format it must be.
func parsedStrictly(info *types.Info, fn inspector.Cursor, read *ast.CallExpr) bool {
	rc, ok := fn.FindNode(read)
	if !ok || rc.ParentEdgeKind() != edge.AssignStmt_Rhs {
		return false
	}
	assign := rc.Parent().Node().(*ast.AssignStmt)
	if len(assign.Rhs) != 1 || len(assign.Lhs) == 0 {
		return false
	}
	v := match.Var(info, assign.Lhs[0])
	if v == nil {
		return false
	}
	uses := usesOf(info, fn, v)
	if len(uses) > 0 && uses[0].Node() == ast.Unparen(assign.Lhs[0]) {
		uses = uses[1:] // data, err = io.ReadAll(...): the assignment itself
	}
	if len(uses) == 0 {
		return false
	}
	first := uses[0]
	if first.ParentEdgeKind() != edge.CallExpr_Args || !isStrictParse(info, first.Parent().Node().(*ast.CallExpr)) {
		return false
	}
	if parseErrorReturns(info, first.Parent(), v) || fallbackParseReturns(info, fn, first.Parent(), v) {
		return true // later uses (returning the raw bytes) run only once the body has parsed
	}
	for _, u := range uses[1:] {
		if u.ParentEdgeKind() != edge.CallExpr_Args || !isStrictParse(info, u.Parent().Node().(*ast.CallExpr)) {
			return false
		}
	}
	return true
}

// parseErrorReturns reports whether the parse call at c assigns its error
// to a variable that the next statement tests, returning when it is not
// nil, without using the body there: res, err := x509.ParseCertificate(b);
// if err != nil { return ... }.
func parseErrorReturns(info *types.Info, c inspector.Cursor, body *types.Var) bool {
	if c.ParentEdgeKind() != edge.AssignStmt_Rhs {
		return false
	}
	stmt := c.Parent()
	assign := stmt.Node().(*ast.AssignStmt)
	errVar := match.Var(info, assign.Lhs[len(assign.Lhs)-1])
	if errVar == nil || !types.Identical(errVar.Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	next, ok := stmt.NextSibling()
	if !ok {
		return false
	}
	ifs, ok := next.Node().(*ast.IfStmt)
	if !ok || ifs.Init != nil || len(ifs.Body.List) == 0 {
		return false
	}
	if !match.IsNotNilTest(info, ifs.Cond, errVar) {
		return false
	}
	_, returns := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt)
	return returns && !match.Refers(info, ifs.Body, body) // not string(body) in the error path
}

// fallbackParseReturns reports whether the strict parse call at c assigns
// its value and error to variables that the next statement tests, and
// whose failure branch parses the body once more into the same variables
// (a certificate tried as DER, then as PEM), that second parse's error
// returning:
//
//	crt, err := x509.ParseCertificate(b)
//	if err != nil {
//		crt, err = parsePEMCertificate(b)
//		if err != nil {
//			return nil, err
//		}
//	}
//
// The second parse yields the strict parser's own result types, so it
// parses the same format in another encoding; the branch does nothing
// else with the body. After the if statement the body has parsed one way
// or the other.
func fallbackParseReturns(info *types.Info, fn inspector.Cursor, c inspector.Cursor, body *types.Var) bool {
	if c.ParentEdgeKind() != edge.AssignStmt_Rhs {
		return false
	}
	stmt := c.Parent()
	assign := stmt.Node().(*ast.AssignStmt)
	if len(assign.Lhs) < 2 {
		return false // no parsed value to fall back into
	}
	errVar := match.Var(info, assign.Lhs[len(assign.Lhs)-1])
	if errVar == nil || !isErrorType(errVar.Type()) {
		return false
	}
	next, ok := stmt.NextSibling()
	if !ok {
		return false
	}
	ifs, ok := next.Node().(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) < 2 || !match.IsNotNilTest(info, ifs.Cond, errVar) {
		return false
	}
	list := ifs.Body.List
	for _, s := range list[:len(list)-2] {
		if _, isExpr := s.(*ast.ExprStmt); !isExpr || match.Refers(info, s, body) {
			return false // only a log line may come before the second parse
		}
	}
	again, ok := list[len(list)-2].(*ast.AssignStmt)
	if !ok || again.Tok != token.ASSIGN || len(again.Lhs) != len(assign.Lhs) || len(again.Rhs) != 1 {
		return false
	}
	for i, lhs := range again.Lhs {
		if v := match.Var(info, lhs); v == nil || v != match.Var(info, assign.Lhs[i]) {
			return false
		}
	}
	call, ok := ast.Unparen(again.Rhs[0]).(*ast.CallExpr)
	if !ok || !sameResults(info, call, c.Node().(*ast.CallExpr)) || !argIsVar(info, call, body) {
		return false
	}
	callCur, ok := fn.FindNode(call)
	return ok && parseErrorReturns(info, callCur, body)
}

// sameResults reports whether calls a and b return identical result types.
func sameResults(info *types.Info, a, b *ast.CallExpr) bool {
	ta, tb := info.TypeOf(a), info.TypeOf(b)
	return ta != nil && tb != nil && types.Identical(ta, tb)
}

// argIsVar reports whether v itself is one of call's arguments.
func argIsVar(info *types.Info, call *ast.CallExpr, v *types.Var) bool {
	for _, arg := range call.Args {
		if match.Var(info, arg) == v {
			return true
		}
	}
	return false
}
