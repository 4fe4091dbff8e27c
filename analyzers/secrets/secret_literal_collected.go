package secrets

import (
	"go/ast"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// The Collected forms of secret-literal (literalCollected) keep a string
// from being a candidate while the literals are collected. The functions
// here name, for prodlint -explain, which form kept a literal the rule
// did not report; the rule calls them only when the driver asks
// (Pass.Explaining).

// decideNotCandidate names the Collected form that kept the string value
// at c (expr, bound as b) from being reported, if one did: helpText says a
// connection string in help text was left out.
func (lc *literalChecker) decideNotCandidate(c inspector.Cursor, expr ast.Expr, value string, b binding, helpText bool) {
	if form := lc.notCandidateForm(c, value, b, helpText); form != "" {
		rule.Decided(lc.Pass, expr, form)
	}
}

// stripeTestKey is a Stripe test-mode key (sk_test_, rk_test_).
var stripeTestKey = regexp.MustCompile(`\b[sr]k_test_[A-Za-z0-9]{24,}\b`)

// connStringPassword finds the forms of a password in a connection
// string that the detectors judge: URL userinfo, a MySQL DSN, password=.
var connStringPassword = []*regexp.Regexp{urlUserinfo, mysqlDSN, kvPassword}

func (lc *literalChecker) notCandidateForm(c inspector.Cursor, value string, b binding, helpText bool) string {
	switch {
	case isEnvKey(lc, c):
		return "env-read"
	case helpText:
		return "help-text"
	case len(lc.allow) > 0 && len(findCredentials(value)) > 0:
		return "" // a credential the allow option accepts: the user's decision, not a form
	}
	if form := formatForm(value); form != "" {
		return form
	}
	v := trimAuthScheme(value)
	switch b.kind {
	case notSecretName:
		if !credentialShapedFor(v, b.name, lc.opts.MinLength, lc.opts.Entropy) {
			return "" // not shaped like a credential either: a name, path or reference
		}
		for _, w := range splitWords(b.name) {
			if paginationWords[w] {
				return "pagination-token"
			}
		}
		return "not-a-credential-name"
	case secretName:
		if lc.opts.Names && (strings.ContainsAny(v, " \t\r\n") || hasNonASCIILetter(v)) && len(v) >= lc.opts.MinLength {
			return "human-text"
		}
	case neutral:
		if randomLooking(v) && credentialShaped(v, max(lc.opts.MinLength, 16), lc.opts.Entropy) {
			return "unnamed-random"
		}
	}
	return ""
}

// isEnvKey reports whether the string at c is the key of an environment
// read (os.Getenv, os.LookupEnv) that names a credential or whose value
// is bound to a secret-like name: the credential comes from the
// environment.
func isEnvKey(lc *literalChecker, c inspector.Cursor) bool {
	c = outermost(c)
	call, ok := c.Parent().Node().(*ast.CallExpr)
	if !ok || !match.IsFunc(match.Callee(lc.TypesInfo, call), "os", "Getenv", "LookupEnv") {
		return false
	}
	key, _ := match.ConstString(lc.TypesInfo, c.Node().(ast.Expr))
	return classifyName(key) == secretName || bindingOf(lc.TypesInfo, c.Parent()).kind == secretName
}

// formatForm names the Collected form of a value that has the shape of a
// documented format but that no detector reported: a documentation
// example, a placeholder body, a Stripe test key, a lone PEM header, a
// connection string with no real password, a Twilio account SID.
func formatForm(v string) string {
	if stripeTestKey.MatchString(v) {
		return "stripe-test-key"
	}
	for _, d := range detectors {
		if d.pattern == nil || !containsAny(v, d.hints) {
			continue
		}
		for _, m := range d.pattern.FindAllStringSubmatch(v, -1) {
			if strings.Contains(m[d.group], "EXAMPLE") {
				return "documentation-example"
			}
			return "format-placeholder"
		}
	}
	if pemBegin.MatchString(v) {
		return "pem-header-only"
	}
	for _, re := range connStringPassword {
		if re.MatchString(v) {
			return "dsn-without-secret"
		}
	}
	switch {
	case twilioAccountSID.MatchString(strings.TrimSpace(v)):
		return "twilio-sid-alone"
	case awsSecretKeyShape.MatchString(v) && strings.Contains(v, "EXAMPLE"):
		return "documentation-example" // wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
	}
	return ""
}

// randomLooking reports whether v reads as random rather than as words: a
// run of the characters of hex, base64 and UUIDs (not a pattern, path or
// address) of at least 16, with at least three digits and three letters
// that alternate at least four times (a digest, a UUID, a commit id; not
// PullRequestTemplate or WWW-Authenticate).
func randomLooking(v string) bool {
	if len(v) < 16 || !randomToken.MatchString(v) {
		return false
	}
	digits, letters, switches := 0, 0, 0
	prevDigit := false
	for i, r := range v {
		isDigit := r >= '0' && r <= '9'
		switch {
		case isDigit:
			digits++
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			letters++
		default:
			continue
		}
		if i > 0 && isDigit != prevDigit {
			switches++
		}
		prevDigit = isDigit
	}
	return digits >= 3 && letters >= 3 && switches >= 4
}

var (
	// randomToken is a run of the characters of hex, base64 and UUIDs.
	randomToken = regexp.MustCompile(`^[A-Za-z0-9+/=_-]+$`)
	// twilioAccountSID is a Twilio account SID (pairedFormats): an
	// identifier, reported only through the auth token beside it.
	twilioAccountSID = regexp.MustCompile(`^AC[0-9a-f]{32}$`)
	// awsSecretKeyShape is the shape of an AWS secret access key
	// (pairedFormats).
	awsSecretKeyShape = regexp.MustCompile(`^[A-Za-z0-9/+]{40}$`)
)

// credentialShapedFor is credentialShaped for a value bound to name: no
// form of namedValueQuiet applies to it, the one about the name
// (value-names-itself) included.
func credentialShapedFor(v, name string, minLen int, minEntropy float64) bool {
	if !variedEnough(v, minLen, minEntropy) {
		return false
	}
	for _, f := range namedValueQuiet {
		if f.Applies(namedValue{value: v, name: name}) {
			return false
		}
	}
	return true
}
