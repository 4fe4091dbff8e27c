package secretliteral

import (
	"database/sql"
	"os"
)

// The forms secret-literal decides while it collects candidates: none of
// these is ever a candidate. Their reported twins are in formats.go,
// dsn.go and names.go.

func quietEnvRead(cfg *serviceConfig) {
	token := os.Getenv("GITHUB_TOKEN")
	apiKey, _ := os.LookupEnv("API_KEY")
	cfg.Token = token + apiKey
}

func quietDocumentationExample() {
	use("AKIA" + "IOSFODNN7EXAMPLE")
	use("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
}

func quietFormatPlaceholder() {
	use("AKIA" + "XXXXXXXXXXXXXXXX")
	use("AKIA" + "0000000000000000")
	use("ghp_" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
	use("sk-" + "ant-api03-<your-key>")
}

func quietStripeTestKey() {
	use("sk_" + "test_qxni7z9KwRkNr4aE28uz5eRTpPWzUB4q")
}

func quietUnnamedRandom() {
	use("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
	use("e83c5163316f89bfbde7d9ab23ca2e25604af290")
	use("123e4567-e89b-12d3-a456-426614174000")
}

func quietNotACredentialName() {
	passwordHash := "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"
	tokenizer := "cl100k_base-v2x9Q"
	exampleToken := "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.Qm9ndXNTaWduYXR1cmU"
	use(passwordHash, tokenizer, exampleToken)
}

func quietHumanText() {
	apiToken := "the token used to call the API"
	use(apiToken)
}

func quietDsnWithoutSecret(host, pass string) {
	sql.Open("postgres", "postgres://app:${DB_PASSWORD}@db.internal/app")
	sql.Open("postgres", "postgres://app:PASSWORD@db.internal/app")
	sql.Open("postgres", "postgres://postgres:postgres@db:5432/postgres")
	sql.Open("postgres", "postgres://app:Zq8vR2mK7pLw@127.0.0.1:5432/app")
	sql.Open("postgres", "postgres://app:Zq8vR2mK7pLw@db.example.com/app")
	sql.Open("postgres", "postgres://app:"+pass+"@"+host+"/app")
}

func quietPemHeaderOnly() {
	use("-----BEGIN RSA PRIVATE KEY-----")
}

func quietTwilioSidAlone() {
	use("AC" + "8c83998e1705bb7a7af3d2e2425ba968")
}
