package secretliteral

import "fmt"

// Initialisers. The fix reads the environment variable an env tag names
// (WEATHER_API_KEY); elsewhere the name would be a guess, so the message
// suggests it and no fix is offered.

const awsKeyID = "AKIA" + "VQJXXVBOTHD2WTFL" // want `holds an AWS access key id \(AKIA\*{16}\)`

var githubToken = "gh" + "p_SnH6av1Ib8pp1xxXHU0BScJXj675eVq30XYq" // want `holds a GitHub token \(ghp_\*{16}\)`

var dbPassword = "Tr0ub4dor&3xQ" // want `dbPassword is set to a hardcoded high-entropy string \(Tr0\*{10}\).* \(for example os.Getenv\("DB_PASSWORD"\); no fix is offered`

var databaseURL = "postgres://app:Zq8vR2mK7pLw@db.internal:5432/app" // want `holds a postgres URL with an inline password`

type githubClient struct {
	Token     string
	APIKey    string `env:"WEATHER_API_KEY"`
	Signature tokenString
}

type tokenString string

func fixes() {
	fmt.Println(awsKeyID, githubToken, dbPassword, databaseURL)
	c := githubClient{
		Token:  "gh" + "o_SnH6av1Ib8pp1xxXHU0BScJXj675eVq30XYq", // want `holds a GitHub token \(gho_\*{16}\)`
		APIKey: "f3a9c2e1b7d84f6a9e0c5b2d1a8f7e6c",              // want `field APIKey is set to a hardcoded high-entropy string`
	}
	apiSecret := "AEHBW44peEcu8hj28iHo"                       // want `apiSecret is set to a hardcoded high-entropy string`
	c.Token = "gh" + "u_SnH6av1Ib8pp1xxXHU0BScJXj675eVq30XYq" // want `holds a GitHub token \(ghu_\*{16}\)`
	fmt.Println(c, apiSecret)
}

// Where a fix would not compile, the finding stands without one.

// ExportedKeyID may be used as a constant by other packages.
const ExportedKeyID = "AKIA" + "VQJXXVBOTHD2WTFL" // want `holds an AWS access key id`

const (
	groupedKeyID = "AKIA" + "VQJXXVBOTHD2WTFL" // want `holds an AWS access key id`
	otherSetting = "retries"
)

const typedToken tokenString = "gh" + "p_SnH6av1Ib8pp1xxXHU0BScJXj675eVq30XYq" // want `holds a GitHub token`

const constUsedKeyID = "AKIA" + "VQJXXVBOTHD2WTFL" // want `holds an AWS access key id`

const derivedLabel = "key " + constUsedKeyID

func noFixes() {
	os := "shadowed"
	token := "gh" + "p_SnH6av1Ib8pp1xxXHU0BScJXj675eVq30XYq"                     // want `holds a GitHub token`
	_ = githubClient{Signature: "gh" + "p_SnH6av1Ib8pp1xxXHU0BScJXj675eVq30XYq"} // want `holds a GitHub token`
	fmt.Println(os, token, ExportedKeyID, groupedKeyID, otherSetting, typedToken, derivedLabel)
}
