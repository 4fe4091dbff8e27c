// Package jose synthesizes package github.com/go-jose/go-jose/v4 for tests.
package jose

// JSONWebKey is a parsed JSON Web Key: Key holds *rsa.PublicKey,
// *ecdsa.PublicKey, ed25519.PublicKey or, for a symmetric key, []byte.
type JSONWebKey struct {
	Key       any
	KeyID     string
	Algorithm string
	Use       string
}

// JSONWebKeySet is a set of JSON Web Keys.
type JSONWebKeySet struct {
	Keys []JSONWebKey
}
