package jwtunverified

import (
	"errors"

	"github.com/go-jose/go-jose/v4"
	"github.com/golang-jwt/jwt/v5"
)

var hmacSecret []byte

func quietParserPinned(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		return hmacSecret, nil
	}, jwt.WithValidMethods([]string{"HS256"}))
}

func quietKeyfuncNotSeen(s string, kf jwt.Keyfunc) (*jwt.Token, error) {
	return jwt.Parse(s, kf)
}

func quietKeyfuncChecksMethod(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errors.New("unexpected method")
		}
		return hmacSecret, nil
	})
}

// quietTypedKeyObject returns the key of a JSON Web Key set fetched from
// the issuer: a parsed public key object, which no HMAC method accepts.
func quietTypedKeyObject(s string, set jose.JSONWebKeySet) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		if len(set.Keys) == 0 {
			return nil, errors.New("no keys")
		}
		return set.Keys[0].Key, nil
	})
}

// Twin: a key of unknown type from a map may be public key bytes.
func keyFromMap(s string, keys map[string]any) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) { // want `\[jwt-unverified\] this Keyfunc returns the key without checking token.Method`
		return keys["default"], nil
	})
}
