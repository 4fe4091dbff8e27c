package jwtcheck

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// verifyingParse is a jwt Parse or ParseWithClaims call with a Keyfunc, a
// candidate of jwt-unverified.
type verifyingParse struct {
	// known: the parser's options or construction can be seen; pinned:
	// they pin the algorithm.
	known, pinned bool
	// seen: the Keyfunc's body can be seen, and facts are what it does.
	seen  bool
	facts keyfuncFacts
}

// verifyingParseQuiet are the safe forms of a verifying parse: the token's
// header cannot choose how the token is verified.
var verifyingParseQuiet = []rule.QuietForm[verifyingParse]{
	{
		Name: "parser-pinned",
		Doc: "A parser built with WithValidMethods (Parser.ValidMethods in v4 and jwt-go), also when it comes from a " +
			"constructor or from a struct field that every constructor sets, in this package or another analyzed " +
			"with it; a parser whose construction cannot be seen, such as an exported field or options from a slice, " +
			"counts as pinned.",
		Applies: func(c verifyingParse) bool { return !c.known || c.pinned },
	},
	{
		Name:    "keyfunc-not-seen",
		Doc:     "A Keyfunc the analysis cannot see: a parameter, a function of another package, a JWKS helper.",
		Applies: func(c verifyingParse) bool { return !c.seen },
	},
	{
		Name: "keyfunc-checks-method",
		Doc: "A Keyfunc that type-asserts or type-switches token.Method, compares token.Method, token.Method.Alg() " +
			"or token.Header[\"alg\"], or hands the token to other code.",
		Applies: func(c verifyingParse) bool { return c.facts.checksMethod },
	},
	{
		Name: "typed-key-object",
		Doc: "A Keyfunc whose every key is a typed key object (*rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey, " +
			"the PublicKey of a parsed *x509.Certificate, or the Key of a JSON Web Key parsed by go-jose, which holds " +
			"a key object for every public key): the HMAC methods accept only []byte and each public-key method " +
			"rejects the other families' keys, so the header cannot turn the key against the verifier.",
		Applies: func(c verifyingParse) bool { return !c.facts.returnsBytes },
	},
}

// josePackages are the go-jose import paths, whose JSONWebKey.Key holds a
// parsed key object for an asymmetric key.
var josePackages = []string{
	"github.com/go-jose/go-jose/v3", "github.com/go-jose/go-jose/v4",
	"gopkg.in/square/go-jose.v2", "gopkg.in/go-jose/go-jose.v2",
}

// isJWKKey reports whether e is the Key of a go-jose JSONWebKey: typed
// any, but a parsed key object (*rsa.PublicKey, *ecdsa.PublicKey,
// ed25519.PublicKey) for every public key; only a symmetric ("oct") key,
// which is secret, is a []byte.
func isJWKKey(info *types.Info, e ast.Expr) bool {
	f := match.FieldSelection(info, e)
	for _, p := range josePackages {
		if match.IsFieldOf(f, p, "JSONWebKey", "Key") {
			return true
		}
	}
	return false
}

// unverifiedCollected are the safe forms jwt-unverified decides while it
// collects candidates: the call is never one.
var unverifiedCollected = rule.Collected(
	rule.Form{Name: "peek-then-verify", Doc: "ParseUnverified in a function that also verifies the token."},
	rule.Form{Name: "raw-token-handed-on", Doc: "ParseUnverified in a function that hands the raw token to other " +
		"code, which may verify it."},
	rule.Form{Name: "issuer-or-time-claims", Doc: "ParseUnverified whose claims are read only for the issuer, to " +
		"pick a key, or for the time claims (exp, iat, nbf: a client reading when the token it received expires, " +
		"to refresh it)."},
	rule.Form{Name: "non-verifying-helper", Fixture: "ParseUnverifiedJWT", Doc: "Claims returned (not compared) by " +
		"a function whose name says it does not verify (ParseUnverifiedJWT, insecureClaims): its callers peek, " +
		"then verify."},
	rule.Form{Name: "package-validates-claims", Fixture: "NewService", Doc: "WithoutClaimsValidation in a package " +
		"that validates claims itself (Validator.Validate, Claims.Valid)."},
)
