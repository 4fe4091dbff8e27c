package httpclient

import (
	"go/ast"
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
// assigned to a variable every use of which, in fn, is an argument of a
// strict parser: the body can only ever be used as the format it must be.
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
	if len(uses) == 0 {
		return false
	}
	for _, u := range uses {
		if u.ParentEdgeKind() != edge.CallExpr_Args || !isStrictParse(info, u.Parent().Node().(*ast.CallExpr)) {
			return false
		}
	}
	return true
}
