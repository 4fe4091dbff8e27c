// Package secretloggedcollected holds the forms of secret-logged decided
// while collecting candidates, one function each (rule.FixtureFunc),
// beside a reported twin; its test runs it with names = true too, where
// the forms about names matter.
package secretloggedcollected

import (
	"fmt"
	"go/token"
	"log"
	"log/slog"
	"net/http"
	"net/url"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

func fingerprint(s string) string { return s }
func redact(s string) string      { return s }

// Twin: a credential header's value, reported whatever the option.
func logAuthorization(r *http.Request) {
	log.Printf("auth %s", r.Header.Get("Authorization")) // want `log\.Printf logs the value of the Authorization header`
}

type page struct {
	NextToken string
	AuthMode  string
}

func quietNotACredentialName(p page, author, secretName string) {
	log.Printf("next page %s, auth mode %s", p.NextToken, p.AuthMode)
	log.Printf("by %s, secret %s", author, secretName)
}

func quietTransformedValue(apiKey string) {
	log.Printf("key %s", fingerprint(apiKey))
	log.Printf("key starts %s", apiKey[:4])
	log.Printf("key length %d", len(apiKey))
	shown := redact(apiKey)
	log.Print(shown)
}

func quietConstantValue() {
	const password = "<unset>"
	log.Printf("password %s", password)
}

func quietNonStringValue(secretTok token.Token) {
	log.Printf("lexer token %v", secretTok)
}

func quietOtherWriter(w http.ResponseWriter, apiKey string) {
	fmt.Fprintf(w, "%s", apiKey)
}

func quietOtherHeader(r *http.Request) {
	log.Printf("user agent %s", r.Header.Get("User-Agent"))
}

func quietResponseHeader(c *http.Client, req *http.Request) error {
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	log.Printf("answered %d %v", res.StatusCode, res.Header)
	return nil
}

func quietStandInName(exampleToken, fakeAPIKey string) {
	log.Printf("try %s or %s", exampleToken, fakeAPIKey)
}

type provider struct{ Name string }

func quietLabelUnderSecretKey(auth *provider) {
	slog.Info("request", "auth", auth.Name)
}

type dsn struct {
	Host     string
	Password string
}

func (d dsn) String() string { return d.Host }

func quietStructHidesCredentials(d dsn) {
	log.Printf("connecting to %v", d)
}

func quietEnvKeyNoCredential() {
	region := os.Getenv("AWS_REGION")
	log.Printf("region %s", region)
	u := &url.URL{Scheme: "redis", Host: "cache:6379", User: url.UserPassword("app", os.Getenv("REDIS_PASSWORD"))}
	log.Print(u.Redacted())
}

func quietSignedTokenLength(key []byte, sub string) {
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString(key)
	if err != nil {
		return
	}
	log.Printf("issued a token of %d bytes", len(s))
}
