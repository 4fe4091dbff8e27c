package jwtcheck

import (
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// signedClaims is a jwt.NewWithClaims call and what the analysis learned
// about the exp of its claims, a candidate of jwt-no-expiry.
type signedClaims struct {
	p   *rule.Pass
	c   inspector.Cursor
	exp expiry
}

// noExpiryQuiet are the safe forms of claims signed into a token.
var noExpiryQuiet = []rule.QuietForm[signedClaims]{
	{
		Name: "claims-from-elsewhere",
		Doc: "Claims that come from a parameter, a call or a package variable, or are handed to other code by " +
			"reference before signing: the analysis cannot see what that code sets. Claims the function builds " +
			"itself are not: a literal (keyed or positional), a local variable of the embedded registered claims, or " +
			"embedded claims replaced by a literal (claims.RegisteredClaims = jwt.RegisteredClaims{...}) are judged " +
			"from every store into them in the function, and an exp set on any path (in an if branch) counts as set.",
		Applies: func(s signedClaims) bool { return !s.exp.known },
	},
	{
		Name: "random-one-use-key",
		Doc: "A token signed on the spot with a key the function draws from crypto/rand and uses for nothing else: no " +
			"one holds the key, so no one can verify the token (it is an opaque random secret shaped like a JWT).",
		Applies: func(s signedClaims) bool { return len(s.exp.values) == 0 && signedWithDiscardedKey(s.p, s.c) },
	},
}

// noExpiryCollected are the safe forms jwt-no-expiry decides while it
// reads the exp of the claims: the claims are never reported.
var noExpiryCollected = rule.Collected(
	rule.Form{Name: "lifetime-within-limit", Fixture: "signSubjectExpiring", Doc: "An exp set from " +
		"time.Now().Add(d) with d up to max-lifetime (24h by default)."},
	rule.Form{Name: "configured-lifetime", Fixture: "signConfigured", Doc: "An exp set from a configured, " +
		"non-constant duration: the operator chose it."},
	rule.Form{Name: "revocable-purpose-token", Fixture: "issueRefreshTokenOK", Doc: "A refresh, invitation, " +
		"reset or verification token (so named by its function, claims variable or type, or a claim value) that " +
		"sets a unique id (a \"jti\" claim, the ID of the registered claims) with an exp up to purpose-max-lifetime " +
		"(30 days by default): such a token can be recorded when used and revoked by its id."},
	rule.Form{Name: "past-date", Fixture: "signPastDate", Doc: "An exp at a fixed date already past."},
	rule.Form{Name: "exp-set-after-literal", Fixture: "signRoleLater", Doc: "An \"exp\" key or ExpiresAt " +
		"assigned after the literal, before signing: judged as if set there."},
	rule.Form{Name: "own-exp-claims", Fixture: "signOwnExp", Doc: "Custom claims structs with their own " +
		"MarshalJSON or their own \"exp\" field: they decide their exp themselves."},
	rule.Form{Name: "helper-sets-exp", Fixture: "helperSetsExpiry", Doc: "Claims handed to a signing helper " +
		"that sets exp itself, or uses the claims in any other way than signing them as given."},
)
