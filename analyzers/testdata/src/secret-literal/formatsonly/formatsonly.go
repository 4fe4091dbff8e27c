// Package formatsonly holds secret-literal's default tier: documented
// formats are reported; a value whose only sign of a credential is the
// secret-like name it is bound to is not (names = true reports those).
package formatsonly

// A set of retryable error-code names: "Token" in a name is no credential.
var retryableCodes = map[string]struct{}{
	"ExpiredToken":          {},
	"InvalidAccessKeyId":    {},
	"RequestTimeTooSkewed4": {},
}

// A fixed key bound to a secret-like name: quiet by default.
const APIKey = "592A47BC-6A1C-4F61-8C8B-2F7A9E3D5B1C"

type config struct {
	Password string
	Token    string
}

var defaults = config{
	Password: "Tr0ub4dor&3xQ",                    // a name alone: quiet by default
	Token:    "f3a9c2e1b7d84f6a9e0c5b2d1a8f7e6c", // a name alone: quiet by default
}

type tagged struct {
	Secret string `env:"APP_SECRET" envDefault:"AEHBW44peEcu8hj28iHo"` // a name alone: quiet by default
}

// The twins: documented formats are reported whatever they are bound to.
var (
	awsKeyID    = "AKIA" + "VQJXXVBOTHD2WTFL"                        // want `\[secret-literal\] string literal holds an AWS access key id`
	ghToken     = "gh" + "p_SnH6av1Ib8pp1xxXHU0BScJXj675eVq30XYq"    // want `\[secret-literal\] string literal holds a GitHub token`
	databaseURL = "postgres://app:Zq8vR2mK7pLw@db.internal:5432/app" // want `\[secret-literal\] string literal holds a postgres URL with an inline password`
)

var _, _, _, _, _, _ = retryableCodes, defaults, tagged{}, awsKeyID, ghToken, databaseURL
