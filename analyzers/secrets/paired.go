package secrets

import (
	"go/ast"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// A pairedFormat is a secret with no recognisable shape of its own that
// is identified by the id written next to it: the 40-character AWS secret
// access key beside its AKIA id, the Twilio auth token beside its AC
// account SID.
type pairedFormat struct {
	what, shape, source string
	secret, id          *regexp.Regexp
}

var pairedFormats = []pairedFormat{
	{
		what: "an AWS secret access key", shape: "40 base64 characters next to an AWS access key id (same call, composite literal or declaration)",
		source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
		secret: regexp.MustCompile(`^[A-Za-z0-9/+]{40}$`), id: regexp.MustCompile(`^(?:AKIA|ASIA)[A-Z0-9]{16}$`),
	},
	{
		what: "a Twilio auth token", shape: "32 lower-case hex digits next to a Twilio account SID (AC followed by 32 hex digits); an account SID alone is an identifier and is not reported",
		source: "https://www.twilio.com/docs/iam/credentials/api",
		secret: regexp.MustCompile(`^[0-9a-f]{32}$`), id: regexp.MustCompile(`^AC[0-9a-f]{32}$`),
	},
	{
		what: "a Twilio API key secret", shape: "32 letters or digits next to a Twilio API key SID",
		source: "https://www.twilio.com/docs/iam/api-keys",
		secret: regexp.MustCompile(`^[A-Za-z0-9]{32}$`), id: regexp.MustCompile(`^SK[0-9a-f]{32}$`),
	},
}

// pairedSecret returns the paired format v is a secret of, judged by the
// constant strings beside the value at c, or nil.
func pairedSecret(info *types.Info, c inspector.Cursor, v string, minEntropy float64) *pairedFormat {
	var candidates []*pairedFormat
	for i := range pairedFormats {
		if pairedFormats[i].secret.MatchString(v) {
			candidates = append(candidates, &pairedFormats[i])
		}
	}
	if len(candidates) == 0 || isPlaceholder(v) || charClasses(v) < 2 || entropy(v) < minEntropy {
		return nil
	}
	self := c.Node()
	for _, sib := range siblings(c) {
		if sib == self {
			continue
		}
		s, ok := match.ConstString(info, sib)
		if !ok {
			continue
		}
		s = strings.TrimSpace(s)
		for _, f := range candidates {
			if f.id.MatchString(s) {
				return f
			}
		}
	}
	return nil
}

// siblings returns the expressions written beside the value at c: the
// other arguments of its call, the other elements of its composite
// literal, the other values of its declaration or assignment.
func siblings(c inspector.Cursor) []ast.Expr {
	kind, _ := c.ParentEdge()
	parent := c.Parent().Node()
	switch kind {
	case edge.CallExpr_Args:
		return parent.(*ast.CallExpr).Args
	case edge.CompositeLit_Elts:
		return elementValues(parent.(*ast.CompositeLit))
	case edge.KeyValueExpr_Value:
		if lit, ok := c.Parent().Parent().Node().(*ast.CompositeLit); ok {
			return elementValues(lit)
		}
	case edge.AssignStmt_Rhs:
		return parent.(*ast.AssignStmt).Rhs
	case edge.ValueSpec_Values:
		decl, ok := c.Parent().Parent().Node().(*ast.GenDecl)
		if !ok {
			return parent.(*ast.ValueSpec).Values
		}
		var vals []ast.Expr
		for _, s := range decl.Specs {
			vals = append(vals, s.(*ast.ValueSpec).Values...)
		}
		return vals
	}
	return nil
}

func elementValues(lit *ast.CompositeLit) []ast.Expr {
	vals := make([]ast.Expr, len(lit.Elts))
	for i, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			e = kv.Value
		}
		vals[i] = e
	}
	return vals
}
