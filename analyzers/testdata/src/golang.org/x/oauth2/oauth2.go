// Package oauth2 synthesizes package golang.org/x/oauth2 for tests.
package oauth2

import "time"

// Token holds the credentials an OAuth 2.0 flow returns.
type Token struct {
	AccessToken  string
	TokenType    string
	RefreshToken string
	Expiry       time.Time
}

// Config describes an OAuth 2.0 client.
type Config struct {
	ClientID     string
	ClientSecret string
	RedirectURL  string
	Scopes       []string
}
