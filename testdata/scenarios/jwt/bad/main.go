// Command auth issues and checks session tokens.
package main

import (
	"fmt"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte(os.Getenv("JWT_SECRET"))

// issue signs a token for the user.
func issue(userID string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": userID}).SignedString(secret)
}

// check verifies a token and returns its subject.
func check(raw string) (string, error) {
	token, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return secret, nil
	})
	if err != nil {
		return "", err
	}
	return token.Claims.GetSubject()
}

func main() {
	raw, err := issue("alice")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sub, err := check(raw)
	fmt.Println(sub, err)
}
