package jwtunverified

import (
	"errors"
	"fmt"

	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte("s")

// Positive: the acceptance example, a Keyfunc that returns the key unchecked.
func parseUnchecked(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) { // want `\[jwt-unverified\] this Keyfunc returns the key without checking token.Method, and the parser does not pin the algorithm`
		return secret, nil
	})
}

// Safe twin: the Keyfunc type-asserts the method.
func parseAsserted(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return secret, nil
	})
}

// Safe twin: WithValidMethods pins the algorithm.
func parsePinned(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		return secret, nil
	}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithLeeway(5))
}

// Positive: a named Keyfunc with ParseWithClaims and unrelated options.
func keyOf(t *jwt.Token) (any, error) {
	return secret, nil
}

func parseClaims(s string) (*jwt.Token, error) {
	return jwt.ParseWithClaims(s, &jwt.RegisteredClaims{}, keyOf, jwt.WithExpirationRequired()) // want `\[jwt-unverified\] this Keyfunc returns the key`
}

// Safe twin: a named Keyfunc that type-switches on the method.
func keyBySwitch(t *jwt.Token) (any, error) {
	switch t.Method.(type) {
	case *jwt.SigningMethodHMAC:
		return secret, nil
	}
	return nil, errors.New("unexpected alg")
}

func parseClaimsSwitch(s string) (*jwt.Token, error) {
	return jwt.ParseWithClaims(s, &jwt.RegisteredClaims{}, keyBySwitch)
}

// Positive: a parser built without WithValidMethods, Keyfunc in a variable.
func parseWithParser(s string) (*jwt.Token, error) {
	p := jwt.NewParser(jwt.WithExpirationRequired())
	kf := func(t *jwt.Token) (any, error) { return secret, nil }
	return p.Parse(s, kf) // want `\[jwt-unverified\] this Keyfunc returns the key`
}

// Safe twin: a parser pinned with WithValidMethods.
func parseWithPinnedParser(s string) (*jwt.Token, error) {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}))
	return p.Parse(s, func(t *jwt.Token) (any, error) { return secret, nil })
}

// Safe twin: the Keyfunc compares Alg().
func parseAlgCompared(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		if t.Method.Alg() != jwt.SigningMethodHS256.Alg() {
			return nil, errors.New("unexpected alg")
		}
		return secret, nil
	})
}

// Safe twin: the Keyfunc compares the header's alg.
func parseHeaderChecked(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		if t.Header["alg"] != "HS256" {
			return nil, errors.New("unexpected alg")
		}
		return secret, nil
	})
}

// Safe twin: a Keyfunc from the caller cannot be seen.
func parseGiven(s string, kf jwt.Keyfunc) (*jwt.Token, error) {
	return jwt.Parse(s, kf)
}

// Safe twin: the token is handed to a helper that may check it.
func parseDelegated(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) { return lookup(t) })
}

func lookup(t *jwt.Token) (any, error) { return secret, nil }

// Safe twin: options from elsewhere may pin the algorithm.
func parseWithOptions(s string, opts ...jwt.ParserOption) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) { return secret, nil }, opts...)
}

// Positive: the Keyfunc accepts alg none.
func parseNone(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `\[jwt-unverified\] this Keyfunc accepts alg "none"`
	})
}

// Safe twin: signing an unsigned token for a test fixture is not verification.
func unsignedFixture() (string, error) {
	return jwt.New(jwt.SigningMethodNone).SignedString(jwt.UnsafeAllowNoneSignatureType)
}

// Positive: "none" among the valid methods.
func parseNoneAllowed(s string) (*jwt.Token, error) {
	return jwt.Parse(s, keyBySwitch, jwt.WithValidMethods([]string{"HS256", jwt.SigningMethodNone.Alg()})) // want `\[jwt-unverified\] "none" among the valid methods`
}
