package secrets

import (
	"math"
	"net/textproto"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// entropy returns the Shannon entropy of s in bits per byte: about 4 for a
// random hex string, 5 to 6 for random base64, 2 to 3 for English words.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	h := 0.0
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// placeholderWords, found anywhere in a value (case-insensitively), mark
// it as a stand-in for a real credential: "changeme", "your-api-key",
// the AWS documentation keys "AKIAIOSFODNN7EXAMPLE" and
// "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".
var placeholderWords = []string{
	"example", "changeme", "change_me", "change-me", "changeit", "placeholder", "dummy",
	"fake", "sample", "redacted", "replaceme", "replace_me", "replace-me", "notasecret",
	"your_", "your-", "yourapi", "yourtoken", "yoursecret", "yourpassword", "insert_",
	"xxxx", "****", "....", "${", "{{", "$(",
}

// isPlaceholder reports whether v is a stand-in for a credential rather
// than one: a placeholder word, a template or environment reference
// ("${TOKEN}", "$TOKEN", "{{ .Token }}", "%s"), or a value with almost no
// variety ("aaaaaaaa", "0123456789abcdef").
func isPlaceholder(v string) bool {
	lower := strings.ToLower(v)
	for _, w := range placeholderWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	if envRef.MatchString(v) || formatVerb.MatchString(v) || angleWord.MatchString(v) {
		return true
	}
	return len(v) >= 8 && (entropy(v) < 1.5 || hasSequentialRun(v, 8))
}

var (
	envRef     = regexp.MustCompile(`^\$[A-Za-z_][A-Za-z0-9_]*$`)
	formatVerb = regexp.MustCompile(`%[-+# 0-9.]*[svdqxXT]`)
	angleWord  = regexp.MustCompile(`<[A-Za-z][A-Za-z0-9 _.-]*>`) // "<token>", "<your key>"
)

// hasSequentialRun reports whether s holds n characters in a row that
// count up ("12345678", "abcdefgh"): hand-typed fake keys, not random ones.
func hasSequentialRun(s string, n int) bool {
	run := 1
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1]+1 {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 1
		}
	}
	return false
}

// authSchemes are stripped from the front of a value before it is judged:
// the credential in "Bearer abc..." is "abc...".
var authSchemes = []string{"Bearer ", "bearer ", "Basic ", "basic ", "Token ", "token "}

// trimAuthScheme returns v without a leading HTTP authorization scheme.
func trimAuthScheme(v string) string {
	for _, s := range authSchemes {
		if strings.HasPrefix(v, s) {
			return strings.TrimSpace(v[len(s):])
		}
	}
	return v
}

var (
	// envVarName is an environment variable's name: GITHUB_TOKEN.
	envVarName = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)
	// wordList is lower-case words joined by separators: a name, key,
	// host or label ("db-password", "api.github.com", "prod_v2").
	// A leading separator is a key's suffix (".basic.allowed-authenticators").
	wordList = regexp.MustCompile(`^[._:-]?[a-z]+([._:-][a-z0-9]+)*$`)
	// lowerPath is a path of lower-case segments ("/oauth/token",
	// "kv/data/prod/db", "projects/p/secrets/db/versions/latest").
	lowerPath = regexp.MustCompile(`^/?[a-z0-9_.@-]+(/[a-z0-9_.@-]*)+$`)
	// email is an address ("alerts@example.org"), a user name, not a secret.
	email = regexp.MustCompile(`^[^@\s:/]+@[^@\s:/]+\.[a-z]{2,}$`)
)

// referencePrefixes start values that point at a secret kept elsewhere:
// an AWS ARN, a file, a vault or secret-manager reference, a URL.
var referencePrefixes = []string{
	"arn:", "file:", "env:", "vault:", "ref+", "sm://", "gcp:", "azure:", "k8s:", "http://", "https://",
}

// credentialShaped reports whether v, bound to a secret-like name, looks
// like a credential rather than a name, path, reference, sentence or
// placeholder: long enough, no spaces, no letters outside ASCII (keys,
// tokens and passwords written in source are ASCII; a value with other
// letters is text in a human language, an error description say), at
// least two kinds of characters and at least minEntropy bits of entropy
// per character.
func credentialShaped(v string, minLen int, minEntropy float64) bool {
	if !variedEnough(v, minLen, minEntropy) {
		return false
	}
	for _, f := range namedValueQuiet {
		if f.Applies(namedValue{value: v}) {
			return false
		}
	}
	return true
}

// variedEnough reports whether v is long and varied enough to be a
// credential: one run of characters with no space, ASCII letters only, of
// at least two classes and the entropy asked for.
func variedEnough(v string, minLen int, minEntropy float64) bool {
	return len(v) >= minLen && !strings.ContainsAny(v, " \t\r\n") && !hasNonASCIILetter(v) &&
		charClasses(v) >= 2 && entropy(v) >= minEntropy
}

// hasNonASCIILetter reports whether s holds a letter outside ASCII.
func hasNonASCIILetter(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// charClasses counts the kinds of characters in s: lower-case letters,
// upper-case letters, digits and others.
func charClasses(s string) int {
	var lower, upper, digit, other int
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			lower = 1
		case unicode.IsUpper(r):
			upper = 1
		case unicode.IsDigit(r):
			digit = 1
		default:
			other = 1
		}
	}
	return lower + upper + digit + other
}

// identifierShaped is a name spelled as a value: letters and digits in
// words joined by -, _ or . ("X-Gitea-Internal-Auth", "userHasTwoFactorAuth").
var identifierShaped = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*([-_.][A-Za-z0-9]+)*$`)

// namesItself reports whether the value v spells the name it is bound to,
// or a run of its words: a constant that holds the name of a header,
// session key or setting rather than its value (headerAuthorization =
// "Authorization", headerGiteaInternalAuth = "X-Gitea-Internal-Auth",
// KeyUserHasTwoFactorAuth = "userHasTwoFactorAuth"). A leading X- of a
// header name is ignored.
func namesItself(v, name string) bool {
	if name == "" || !identifierShaped.MatchString(v) {
		return false
	}
	vw, nw := splitWords(v), splitWords(name)
	if len(vw) > 1 && vw[0] == "x" {
		vw = vw[1:]
	}
	for i := 0; i+len(vw) <= len(nw); i++ {
		if slices.Equal(nw[i:i+len(vw)], vw) {
			return true
		}
	}
	return false
}

// customHeader is an X- header name: X-Api-Key, X-Gitea-Internal-Auth.
var customHeader = regexp.MustCompile(`^X(-([A-Z][a-z]+|[A-Z0-9]{1,6}))+$`)

// isHeaderName reports whether v is the name of an HTTP header, standard
// (Accept-Encoding, Authorization) or custom (X-Auth-Token): it names
// where a credential travels, it is not one.
func isHeaderName(v string) bool {
	return customHeader.MatchString(v) || standardHeaders[v] && textproto.CanonicalMIMEHeaderKey(v) == v
}

// standardHeaders are the registered HTTP header names a program is most
// likely to spell out, in canonical form.
var standardHeaders = map[string]bool{}

func init() {
	for _, h := range strings.Fields(`Accept Accept-Charset Accept-Encoding Accept-Language Accept-Ranges
		Access-Control-Allow-Credentials Access-Control-Allow-Headers Access-Control-Allow-Methods
		Access-Control-Allow-Origin Access-Control-Expose-Headers Access-Control-Max-Age
		Access-Control-Request-Headers Access-Control-Request-Method Age Allow Authorization Cache-Control
		Connection Content-Disposition Content-Encoding Content-Language Content-Length Content-Location
		Content-Range Content-Security-Policy Content-Type Cookie Date Etag Expect Expires Forwarded From Host
		If-Match If-Modified-Since If-None-Match If-Range If-Unmodified-Since Keep-Alive Last-Modified Link
		Location Origin Pragma Proxy-Authenticate Proxy-Authorization Range Referer Refresh Retry-After
		Sec-Websocket-Accept Sec-Websocket-Key Sec-Websocket-Protocol Sec-Websocket-Version Server Set-Cookie
		Strict-Transport-Security Te Trailer Transfer-Encoding Upgrade User-Agent Vary Via Warning
		Www-Authenticate`) {
		standardHeaders[h] = true
	}
}
