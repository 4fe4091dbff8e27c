// Package main holds the quiet forms of secret-logged under the default
// configuration, where only values that are credentials by their origin or
// type are reported, each beside a reported twin.
package main

import (
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"text/scanner"

	"github.com/spf13/cobra"
	"golang.org/x/oauth2"
)

// Twins: credentials by origin or type, whatever they are called.

func byOrigin(r *http.Request, tok *oauth2.Token, u *url.URL) {
	h := r.Header.Get("Authorization")
	log.Printf("auth %s", h)              // want `\[secret-logged\] log.Printf logs the value of the Authorization header`
	log.Println(tok.AccessToken)          // want `\[secret-logged\] log.Println logs the AccessToken of an oauth2.Token`
	log.Println(os.Getenv("DB_PASSWORD")) // want `\[secret-logged\] log.Println logs the value of the environment variable DB_PASSWORD`
	p, _ := u.User.Password()
	slog.Info("dial", "p", p) // want `\[secret-logged\] slog.Info logs the password of URL userinfo`
	cfg := oauth2.Config{ClientSecret: os.Getenv("OAUTH_X")}
	fmt.Println(cfg.ClientSecret) // want `\[secret-logged\] fmt.Println logs the ClientSecret of an oauth2.Config`
}

func quietTypeOrAddressVerb(r *http.Request) {
	log.Printf("request of type %T at %p", r, r)
}

// issueToken creates a token for the operator who runs the program.
func issueToken() (*oauth2.Token, error) { return &oauth2.Token{}, nil }

func quietCreatedCredentialOutput() {
	t, err := issueToken()
	if err != nil {
		return
	}
	fmt.Println(t.AccessToken)
}

func newTokenCommand() *cobra.Command {
	return &cobra.Command{RunE: quietCommandOutput}
}

func quietCommandOutput(cmd *cobra.Command, args []string) error {
	tok, err := issueToken()
	if err != nil {
		return err
	}
	fmt.Println(tok.RefreshToken)
	return nil
}

// Twin of the command forms: a configured credential logged from a
// command is reported.
func logConfigured(cmd *cobra.Command, cfg *oauth2.Config) {
	log.Println(cfg.ClientSecret) // want `\[secret-logged\] log.Println logs the ClientSecret`
}

// RevisionToken is a consistency token: an encoded revision of the data.
type RevisionToken struct {
	Token string
}

func quietTokenOfAnotherKind(rt *RevisionToken) {
	slog.Warn("stale read", "revision", rt.Token)
}

// ParseError is an error of a rule parser.
type ParseError struct {
	Pos   scanner.Position
	Token string
}

func quietLexicalToken(e ParseError) {
	slog.Warn("malformed rule", slog.String("token", e.Token))
}

type settings struct {
	APIToken string
	Password string
}

func quietNameOnly(s settings, password string) {
	log.Printf("connecting with %s and %s", s.APIToken, password)
}

func main() {
	_ = newTokenCommand()
}

// The logged header is a copy whose Authorization, the only credential
// header this package writes or a Jar could add, is censored on every
// path to the log.
func quietRedactedHeaderCopy(c *http.Client, req *http.Request) {
	head := req.Header.Clone()
	if head.Get("Authorization") != "" {
		head.Set("Authorization", "[censored]")
	}
	log.Printf("sending %v", head)
	deleted := req.Header.Clone()
	deleted.Del("authorization")
	log.Printf("sending %v", deleted)
}

// Twins: the original header, a censoring that depends on something else
// than the header's presence, and a copy written again after censoring.
func redactedHeaderCopyTwins(req *http.Request, debug bool, token string) {
	head := req.Header.Clone()
	head.Set("Authorization", "[censored]")
	log.Printf("sending %v", req.Header) // want `\[secret-logged\] log.Printf logs the whole http.Header req.Header`
	maybe := req.Header.Clone()
	if debug {
		maybe.Set("Authorization", "[censored]")
	}
	log.Printf("sending %v", maybe) // want `\[secret-logged\] log.Printf logs the whole http.Header maybe`
	head.Set("Authorization", token)
	log.Printf("sending %v", head) // want `\[secret-logged\] log.Printf logs the whole http.Header head`
	head = req.Header
	head.Del("Authorization")
	head = req.Header.Clone()
	log.Printf("sending %v", head) // want `\[secret-logged\] log.Printf logs the whole http.Header head`
}
