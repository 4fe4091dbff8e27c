package jwtcheck

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/jwtsum"
)

// Unverified returns the jwt-unverified rule.
func Unverified() *rule.Rule {
	return &rule.Rule{
		ID:       "jwt-unverified",
		Severity: config.SeverityError,
		Enabled:  false, // opt-in: on code it was not tuned on, none of its findings was right
		Imports:  apis.JWTPaths(),
		Requires: []*analysis.Analyzer{jwtsum.Analyzer},
		Doc: rule.Doc{
			Title: "report JWT verification that lets the token choose how it is checked",
			Why: `jwt.Parse hands the Keyfunc a token whose header, alg included, the sender wrote. ` +
				`A Keyfunc that returns the key without checking token.Method, on a parser not ` +
				`pinned with WithValidMethods, lets the attacker pick the algorithm: when the key ` +
				`is public key bytes (a PEM-encoded key), a token the attacker signs with them as ` +
				`an HS256 secret verifies (alg confusion). ` +
				`Returning jwt.UnsafeAllowNoneSignatureType or allowing "none" accepts tokens with ` +
				`no signature at all; claims read with ParseUnverified and then trusted are ` +
				`whatever the sender typed; WithoutClaimsValidation accepts expired tokens, which ` +
				`turns the short lifetimes jwt-no-expiry asks for back into "never".`,
			Bad: `token, err := jwt.Parse(s, func(t *jwt.Token) (any, error) {
	return secret, nil
})`,
			Good: `token, err := jwt.Parse(s, func(t *jwt.Token) (any, error) {
	return secret, nil
}, jwt.WithValidMethods([]string{"HS256"}))`,
			Scope: `Opt-in (enabled = true in rules.toml): judged on modules it had never been tuned on, none of its ` +
				`findings in three rounds was a fix a reviewer would make (0 of 4, 0 of 3 on production code), nor any ` +
				`on the tuning set (0 of 4), and no shape that types, control flow or where the code sits can decide ` +
				`was right nine times in ten. ParseUnverified and WithoutClaimsValidation in real code nearly always ` +
				`read the program's own credential (a token it was just issued, its stored session, a mounted ` +
				`service-account token file) to display it, schedule a refresh or learn who it is, with no trust ` +
				`decision; helpers named as unverified peek before verifying with the right key; and Keyfuncs returning ` +
				`parsed key objects cannot be confused by the header's alg. Switch it on where the code accepts tokens ` +
				`from senders it does not control and decides on their claims.`,
		},
		Quiet: rule.Declare(unverifiedCollected, rule.Forms(verifyingParseQuiet)),
		Run:   runUnverified,
	}
}

// unverifiedPass is the state of one jwt-unverified run.
type unverifiedPass struct {
	*rule.Pass
	sum *jwtsum.Result
	// skipSites are the places that turn claims validation off, reported
	// at the end unless the package validates claims itself.
	skipSites       []skipSite
	validatesClaims bool
}

type skipSite struct {
	at   ast.Node
	what string
}

func runUnverified(p *rule.Pass) error {
	a := &unverifiedPass{Pass: p, sum: p.ResultOf[jwtsum.Analyzer].(*jwtsum.Result)}
	for c := range p.Cursors((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.Ident)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			a.call(c, n)
		case *ast.CompositeLit:
			a.parserLiteral(n)
		case *ast.AssignStmt:
			a.parserAssign(n)
		case *ast.Ident:
			a.noneKey(c, n)
		}
	}
	for _, s := range a.skipSites {
		if a.validatesClaims {
			rule.Decided(p, s.at, "package-validates-claims")
			continue
		}
		p.Reportf(s.at, "%s turns off the exp, nbf and iat checks: an expired token, or one minted long ago "+
			"from a leaked key, is accepted forever; remove it and allow for clock skew with a leeway instead", s.what)
	}
	return nil
}

// call dispatches the calls the rule is about.
func (a *unverifiedPass) call(c inspector.Cursor, call *ast.CallExpr) {
	fn := calleeOf(a.TypesInfo, call)
	switch {
	case fn == nil:
	case isJWTFunc(fn, "Parse", "ParseWithClaims") || isJWTMethod(fn, "Parser", "Parse", "ParseWithClaims"):
		a.verifyingParse(c, call, fn)
	case isJWTMethod(fn, "Parser", "ParseUnverified"):
		a.parseUnverified(c, call)
	case isJWTFunc(fn, "WithoutClaimsValidation"):
		a.skipSites = append(a.skipSites, skipSite{call, "jwt.WithoutClaimsValidation"})
	case isJWTFunc(fn, "WithValidMethods") && len(call.Args) == 1:
		a.reportNoneMethod(call.Args[0])
	case isJWTMethod(fn, "signingMethodNone", "Verify"):
		a.Reportf(call, "SigningMethodNone.Verify checks no signature: a token that verifies this way can say "+
			"anything; verify with the algorithm and key you sign with")
	case isJWTMethod(fn, "Validator", "Validate") ||
		isJWTMethod(fn, "Claims", "Valid") ||
		isJWTMethod(fn, "MapClaims", "Valid", "VerifyExpiresAt") ||
		isJWTMethod(fn, "RegisteredClaims", "Valid", "VerifyExpiresAt") ||
		isJWTMethod(fn, "StandardClaims", "Valid", "VerifyExpiresAt"):
		a.validatesClaims = true
	}
}

// reportNoneMethod reports "none" in a list of valid methods.
func (a *unverifiedPass) reportNoneMethod(methods ast.Expr) {
	lit, ok := ast.Unparen(methods).(*ast.CompositeLit)
	if !ok {
		return
	}
	for _, elt := range lit.Elts {
		if s, ok := match.ConstString(a.TypesInfo, elt); ok && s == "none" || isNoneAlg(a.Pass, elt) {
			a.Reportf(elt, `"none" among the valid methods lets tokens with no signature through wherever a Keyfunc `+
				`returns jwt.UnsafeAllowNoneSignatureType; list only the algorithms you sign with`)
		}
	}
}

// isNoneAlg reports whether e is jwt.SigningMethodNone.Alg().
func isNoneAlg(p *rule.Pass, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Alg" {
		return false
	}
	return isJWTObject(match.ObjectOf(p.TypesInfo, sel.X), "SigningMethodNone")
}

// noneKey reports jwt.UnsafeAllowNoneSignatureType inside a Keyfunc: the
// key that makes SigningMethodNone verify unsigned tokens.
func (a *unverifiedPass) noneKey(c inspector.Cursor, id *ast.Ident) {
	if !isJWTObject(a.TypesInfo.Uses[id], "UnsafeAllowNoneSignatureType") {
		return
	}
	_, _, sig := match.EnclosingFunc(a.TypesInfo, c)
	if !isKeyfuncSignature(sig) {
		return
	}
	a.Reportf(id, `this Keyfunc accepts alg "none": jwt.UnsafeAllowNoneSignatureType makes a token with no `+
		`signature pass verification, so anyone can forge any user's token; return the real key and pin `+
		`the algorithm with jwt.WithValidMethods`)
}

// parserLiteral reports jwt.Parser{SkipClaimsValidation: true} and "none"
// in its ValidMethods (v4 and jwt-go export these fields).
func (a *unverifiedPass) parserLiteral(lit *ast.CompositeLit) {
	if !isJWTNamed(a.TypesInfo.TypeOf(lit), "Parser") {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		switch id, _ := kv.Key.(*ast.Ident); {
		case id == nil:
		case id.Name == "SkipClaimsValidation" && match.IsConstTrue(a.TypesInfo, kv.Value):
			a.skipSites = append(a.skipSites, skipSite{kv, "SkipClaimsValidation"})
		case id.Name == "ValidMethods":
			a.reportNoneMethod(kv.Value)
		}
	}
}

// parserAssign reports parser.SkipClaimsValidation = true.
func (a *unverifiedPass) parserAssign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		if jwtField(a.TypesInfo, lhs, "Parser", "SkipClaimsValidation") != nil && match.IsConstTrue(a.TypesInfo, as.Rhs[i]) {
			a.skipSites = append(a.skipSites, skipSite{as, "SkipClaimsValidation"})
		}
	}
}
