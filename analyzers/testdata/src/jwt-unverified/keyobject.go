package jwtunverified

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"

	"github.com/golang-jwt/jwt/v5"
)

var (
	rsaKey    *rsa.PublicKey
	ecKey     *ecdsa.PublicKey
	edKey     ed25519.PublicKey
	publicPEM []byte
	anyKey    any
)

// Quiet: a Keyfunc that returns a typed key object. The HMAC methods accept
// only []byte and the other public-key methods reject an *rsa.PublicKey,
// so a forged header cannot turn the key against the verifier.
func parseRSA(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) { return rsaKey, nil })
}

func parseECOrEd(s string, ed bool) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		if ed {
			return edKey, nil // a named type over []byte: not a []byte to the HMAC methods
		}
		return ecKey, nil
	})
}

// Quiet: the public key of a parsed certificate is typed any, but it is
// always a parsed key object, never []byte.
func parseWithCertificate(s string, cert *x509.Certificate) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) { return cert.PublicKey, nil })
}

// Twins: key bytes, or a key of interface type that may hold them.
func parsePEM(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) { return publicPEM, nil }) // want `\[jwt-unverified\] this Keyfunc returns the key without checking token.Method.*when the key bytes returned here are public`
}

func parseAny(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) { return anyKey, nil }) // want `\[jwt-unverified\] this Keyfunc returns the key without checking token.Method`
}
