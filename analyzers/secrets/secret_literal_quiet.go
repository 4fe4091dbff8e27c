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
