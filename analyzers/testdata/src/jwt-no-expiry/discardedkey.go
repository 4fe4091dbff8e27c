package jwtnoexpiry

import (
	"crypto/rand"
	"encoding/base64"
	"io"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// From gitea modules/generate/generate.go:32 (NewInternalToken): the token
// is signed with a key drawn from crypto/rand and then thrown away, so no
// one can verify it: it is a random shared secret in the shape of a JWT,
// not a user's token, and it has no exp to miss.
func quietRandomOneUseKey() (string, error) {
	secretBytes := make([]byte, 32)
	_, err := io.ReadFull(rand.Reader, secretBytes)
	if err != nil {
		return "", err
	}
	secretKey := base64.RawURLEncoding.EncodeToString(secretBytes)
	now := time.Now()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"nbf": now.Unix(),
	}).SignedString([]byte(secretKey))
}

func newOpaqueToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "internal"}).SignedString(b)
}

// Still reported: the random key is kept (returned), so the token can be
// verified and never expires.
func newTokenAndKey() (string, []byte, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", nil, err
	}
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "internal"}).SignedString(b) // want `this token never expires`
	return s, b, err
}
