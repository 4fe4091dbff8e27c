package secrets

import (
	"regexp"
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// namedValue is a string bound to a secret-like name that is long and
// varied enough to be a credential, a candidate of secret-literal.
type namedValue struct {
	value, name string
	siblings    []string // the constant strings listed with it (call arguments, slice elements), itself included
}

// namedValueQuiet are the forms of a name-bound value that hold no
// credential: names, stand-ins and references.
var namedValueQuiet = []rule.QuietForm[namedValue]{
	{
		Name: "placeholder",
		Doc: "A stand-in rather than a value: changeme, <token>, ${TOKEN}, $TOKEN, {{.Token}}, %s, xxxx, example, " +
			"dummy, fake, sample, or a value with almost no variety (runs such as 12345678).",
		Applies: func(c namedValue) bool { return isPlaceholder(c.value) },
	},
	{
		Name: "header-name",
		Doc: "The name of an HTTP header, standard (Authorization, Proxy-Authorization) or custom (X-Api-Key, " +
			"X-Auth-Token): it names where a credential travels.",
		Applies: func(c namedValue) bool { return isHeaderName(c.value) },
	},
	{
		Name: "value-names-itself",
		Doc: "A value that spells the name it is bound to, or a run of its words, ignoring punctuation around " +
			"it (headerAuthorization = \"Authorization\", KeyUserHasTwoFactorAuth = \"userHasTwoFactorAuth\", " +
			"credential = \"Credential=\", suffixPassword = \".password\"): the name of a setting, session key or " +
			"field of a signed header, not its value.",
		Applies: func(c namedValue) bool { return namesItself(strings.Trim(c.value, labelPunct), c.name) },
	},
	{
		Name: "identifier-list",
		Doc: "A CamelCase word (ExpiredTokenException) listed among at least three constant strings that are all such " +
			"words (a set of error-code or event names): identifiers, whose letters follow word boundaries, not the " +
			"random mix of a credential.",
		Applies: func(c namedValue) bool { return identifierList(c.siblings) },
	},
	{
		Name: "reference",
		Doc: "A name or pointer rather than a value: an environment variable's name (GITHUB_TOKEN), lower-case " +
			"words joined by separators (a setting's key such as \".basic.allowed-authenticators\", a host, a " +
			"label), a path of lower-case segments (\"/oauth/token\", \"kv/data/prod/db\"), an e-mail address, or " +
			"a reference to a secret kept elsewhere (arn:, vault:, env:, file:, a URL).",
		Applies: func(c namedValue) bool {
			v := c.value
			return envVarName.MatchString(v) || wordList.MatchString(v) || lowerPath.MatchString(v) ||
				email.MatchString(v) || hasAnyPrefix(v, referencePrefixes)
		},
	},
}

// labelPunct surrounds a name used as a label: the dot before a key's
// suffix (".password"), the equals sign after a field's name
// ("Credential=").
const labelPunct = ".:=_-"

// identifierList reports whether list holds at least three strings and
// every one is a CamelCase identifier.
func identifierList(list []string) bool {
	if len(list) < 3 {
		return false
	}
	for _, s := range list {
		if !camelWord.MatchString(s) {
			return false
		}
	}
	return true
}

// camelWord matches a CamelCase identifier of capitalized words, each a
// short run of capitals (an acronym may lead it) and then at least two
// lower-case letters (RequestTimeout, SlowDown, XMLParseError).
var camelWord = regexp.MustCompile(`^(?:[A-Z]{1,4}[a-z]{2,})+$`)

// literalCollected are the safe forms secret-literal decides while it
// collects candidates: the literal is never a candidate.
var literalCollected = rule.Collected(
	rule.Form{Name: "env-read", Doc: "A value read with os.Getenv or os.LookupEnv: it comes from the environment, not the source."},
	rule.Form{Name: "documentation-example", Doc: "A key that contains EXAMPLE, such as the AWS documentation keys " +
		"AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY: published to be copied."},
	rule.Form{Name: "format-placeholder", Doc: "A key of a known format whose body is a placeholder or has no " +
		"variety (AKIA0000000000000000, ghp_xxxx..., sk-ant-api03-<your-key>): a hand-typed fake."},
	rule.Form{Name: "stripe-test-key", Doc: "A Stripe test-mode key: it moves no money."},
	rule.Form{Name: "unnamed-random", Doc: "A hex digest, UUID, commit id or other random string of no documented " +
		"format that is not bound to a secret-like name: random is not secret."},
	rule.Form{Name: "not-a-credential-name", Doc: "A value bound to a name that mentions a credential but holds " +
		"something else (passwordHash, tokenURL, tokenCount, apiKeyHeader, secretName), names a stand-in " +
		"(exampleToken, fakeAPIKey, testSecret) or is not about credentials (tokenizer, author, maxTokens)."},
	rule.Form{Name: "human-text", Doc: "A sentence, a lower-case word list or text in a human language bound to a " +
		"secret-like name: prose, not a key."},
	rule.Form{Name: "dsn-without-secret", Doc: "A connection string whose password is a placeholder, an environment " +
		"reference, an upper-case name, a stock default (postgres, guest, root, password) or the user name, or " +
		"whose host is local or a documentation domain."},
	rule.Form{Name: "pem-header-only", Doc: "A lone PEM header line, which a parser compares against."},
	rule.Form{Name: "twilio-sid-alone", Doc: "A Twilio account SID with no auth token beside it: an identifier."},
	rule.Form{Name: "help-text", Doc: "A connection string in help text (passed as a parameter, or set to a field, " +
		"named usage, help or description): a flag's usage shows the syntax to everyone who runs --help; a key of " +
		"a known format there is still reported."},
	rule.Form{Name: "pagination-token", Doc: "A pagination token (NextToken, PageToken, ContinuationToken, " +
		"cursorToken): a position in a listing."},
)

// literalOutOfScope is the form the configuration decides before the rule
// sees a literal: the driver keeps test files and test-support packages
// out of scope, and -explain records no silence in a file it does not
// analyze, so no position can name it (rule.Pass.silenced).
var literalOutOfScope = rule.CollectedUnexplained(
	rule.Form{Name: "test-code", Doc: "Test code unless rules.toml sets tests = true: _test.go files, files that " +
		"import testing or testify, and packages under a testonly, testing, testutil, testutils, mock or mocks directory (a " +
		"package of test keys)."},
)
