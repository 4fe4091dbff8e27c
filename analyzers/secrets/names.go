package secrets

import (
	"strings"
	"unicode"
)

// nameKind is what an identifier, field, map key or header name says about
// the value it holds.
type nameKind int

const (
	// neutral names say nothing: key, value, s, config.
	neutral nameKind = iota
	// secretName names hold a credential: password, apiKey, GITHUB_TOKEN.
	secretName
	// notSecretName mention a credential but hold something else about it:
	// passwordHash, tokenURL, tokenCount, apiKeyHeader, secretName.
	notSecretName
)

// secretWords end a name that holds a credential.
var secretWords = map[string]bool{
	"password": true, "passwd": true, "passphrase": true,
	"secret": true, "token": true, "bearer": true,
	"credential": true, "credentials": true, "creds": true,
	"auth": true, "authorization": true,
	"apikey": true, "accesskey": true, "privatekey": true, "secretkey": true,
}

// keyQualifiers make a trailing "key" a credential: apiKey, accessKey,
// privateKey, signingKey; a bare "key" (a map key, a cache key) is not.
var keyQualifiers = map[string]bool{
	"api": true, "access": true, "private": true, "secret": true, "signing": true,
	"encryption": true, "master": true, "auth": true, "hmac": true, "jwt": true, "session": true,
}

// transparentWords describe the representation, not the content, so they
// are skipped from the end of a name: tokenValue, passwordBytes, rawToken.
var transparentWords = map[string]bool{
	"value": true, "val": true, "str": true, "string": true, "bytes": true, "raw": true,
	"plain": true, "plaintext": true,
}

// redactionWords anywhere in a name mean the value was made safe to show
// or store: hashedPassword, maskedToken, redactedAuth. (Trailing words
// such as Hash, URL or Count are handled by the last-word rule.)
var redactionWords = map[string]bool{
	"hash": true, "hashed": true, "digest": true, "sha256": true, "md5": true, "fingerprint": true,
	"masked": true, "mask": true, "redacted": true, "obfuscated": true, "encrypted": true, "last4": true,
}

// fixtureWords anywhere in a name mark a stand-in, not a credential:
// exampleToken, fakeAPIKey, dummyPassword, testSecret.
var fixtureWords = map[string]bool{
	"example": true, "sample": true, "dummy": true, "fake": true, "mock": true, "test": true,
	"testing": true, "fixture": true, "placeholder": true,
}

// paginationWords before a final "token" make it a position in a listing,
// which the server hands to every client that pages through it:
// NextToken, PageToken, nextPageToken, ContinuationToken, PaginationToken.
var paginationWords = map[string]bool{
	"next": true, "page": true, "continuation": true, "cursor": true, "pagination": true, "paging": true,
	"resume": true, "prev": true, "previous": true,
}

// classifyName says whether name (an identifier, struct field, map key,
// header or environment variable name) holds a credential. The last word
// decides: dbPassword and GITHUB_TOKEN hold one, passwordHash and tokenURL
// do not, and tokenizer, author and maxTokens are not about credentials at
// all.
func classifyName(name string) nameKind {
	words := splitWords(name)
	mentions := false
	for i, w := range words {
		if redactionWords[w] || fixtureWords[w] {
			return notSecretName
		}
		if isSecretWord(w) || w == "key" && i > 0 && keyQualifiers[words[i-1]] {
			mentions = true
		}
	}
	for len(words) > 1 && transparentWords[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if n := len(words); n > 0 {
		last := words[n-1]
		if (last == "token" || last == "tokens") && n > 1 && paginationWords[words[n-2]] {
			return notSecretName
		}
		if isSecretWord(last) {
			return secretName
		}
		if last == "key" && n > 1 && keyQualifiers[words[n-2]] {
			return secretName
		}
	}
	if mentions {
		return notSecretName
	}
	return neutral
}

// isSecretWord reports whether one lower-case word names a credential,
// including run-together forms such as "apitoken" and "dbpassword".
func isSecretWord(w string) bool {
	if secretWords[w] {
		return true
	}
	for s := range secretWords {
		if len(s) >= 5 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// splitWords splits an identifier or key into lower-case words at case
// changes and separators: "APIKey" is api key, "db_password" is db
// password, "X-Auth-Token" is x auth token, "oauth2Token" is oauth2 token.
func splitWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if unicode.IsUpper(r) && len(cur) > 0 {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}
