package secretliteral

// False-positive traps from the corpus: values that name a header, a
// session key or an HTTP token rather than hold a credential.

// From gitea modules/lfstransfer/backend/util.go:25-26: constants holding
// header names, bound to names that end in Authorization and Auth.
const (
	headerAuthorization     = "Authorization"
	headerGiteaInternalAuth = "X-Gitea-Internal-Auth"
)

// From gitea modules/session/key.go:10: a session key's name, spelled as
// the identifier without its Key prefix.
const KeyUserHasTwoFactorAuth = "userHasTwoFactorAuth"

// headerValuesContainsToken has the signature of
// golang.org/x/net/http/httpguts.HeaderValuesContainsToken: token is an
// HTTP token (RFC 9110), not a credential.
func headerValuesContainsToken(values []string, token string) bool { return false }

// From caddy modules/caddyhttp/encode/encode.go:290 and 544: a header name
// passed as the parameter token.
func varyHasAcceptEncoding(vary []string) bool {
	return headerValuesContainsToken(vary, "Accept-Encoding")
}

// Still reported: a credential bound to a header-named constant is not the
// header's name.
const headerAuthToken = "Q7mX2pL9vR4tK8zW3nB6" // want `headerAuthToken is set to a hardcoded high-entropy string \(Q7mX\*{16}\)`
