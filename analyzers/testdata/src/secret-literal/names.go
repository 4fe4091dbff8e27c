package secretliteral

import (
	"net/http"
	"os"
)

// High-entropy values bound to a secret-like name.

type serviceConfig struct {
	APIKey   string
	Key      string `json:"api_key"`
	Endpoint string
	Token    string `env:"API_TOKEN" envDefault:"Q7mX2pL9vR4tK8zW3nB6"` // want `\[secret-literal\] struct tag envDefault gives a secret-named field a hardcoded high-entropy default \(Q7mX\*{16}\)`
	Retries  int
}

func newClient(apiToken string) {}

func nameBound(req *http.Request, password string) {
	_ = map[string]string{
		"client_secret": "AEHBW44peEcu8hj28iHo", // want `key "client_secret" is set to a hardcoded high-entropy string \(AEHB\*{16}\) that looks like a credential`
		"X-API-Key":     "TyXPojkU1ziGrWzY786O", // want `key "X-API-Key" is set to a hardcoded high-entropy string \(TyXP\*{16}\)`
	}
	req.Header.Set("Authorization", "Bearer 6ax82ZsTSYNSN7Gauc6nxICZ") // want `"Authorization" is set to a hardcoded high-entropy string \(6ax8\*{16}\)`
	newClient("m9Xq2vL7pR4tW8zK3nB6")                                  // want `parameter apiToken is set to a hardcoded high-entropy string \(m9Xq\*{16}\)`
	if password == "hunter2Xk9!Lm" {                                   // want `password is compared with a hardcoded high-entropy string \(hun\*{10}\)`
		return
	}
	os.Setenv("STRIPE_SECRET", "c17fd04d5014995756e61d6b91cda411") // want `"STRIPE_SECRET" is set to a hardcoded high-entropy string \(c17f\*{16}\)`
	_ = serviceConfig{Key: "9d2Fq7LmX4vR8tZ1"}                     // want `field Key is set to a hardcoded high-entropy string \(9d2F\*{12}\)`
}

// False-positive traps: names, env var names, references, placeholders,
// and names that mention a credential without holding one.
const (
	apiKeyHeader      = "X-API-Key"
	githubTokenEnv    = "GITHUB_TOKEN"
	authorizationName = "Authorization"
	passwordHash      = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"
	tokenURL          = "https://oauth2.googleapis.com/token"
	tokenPath         = "/oauth/token"
	tokenizer         = "cl100k_base-v2x9Q"
	secretName        = "prod-db-credentials"
	authMode          = "oauth2-client-credentials"
	sessionTokenTTL   = "15m30s-Xk9"
	requestID         = "123e4567-e89b-12d3-a456-426614174000"
	checksum          = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	passwordCharset   = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	exampleToken      = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.Qm9ndXNTaWduYXR1cmU"
	tokenPattern      = "^[A-Za-z0-9]{32}$"
	jwtSigningMethod  = "HS256-Xk9Lm2pQ7v"
)

func nameTraps(cfg *serviceConfig) {
	token := os.Getenv("GITHUB_TOKEN")
	apiKey, _ := os.LookupEnv("API_KEY")
	_ = map[string]string{
		"password":  "changeme",
		"api_key":   "<your-api-key>",
		"token":     "${GITHUB_TOKEN}",
		"secret":    "xxxxxxxxxxxxxxxx",
		"auth":      "$AUTH_TOKEN",
		"jwtSecret": "{{ .Values.jwtSecret }}",
		"apiToken":  "the token used to call the API",
		"smtpAuth":  "alerts@example.org",
	}
	vaultSecret := "kv/data/prod/db"
	dbSecret := "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"
	credentials := "file:/run/secrets/db-credentials"
	cfg.Endpoint = "https://api.internal.example/v2/Xk9Lm"
	cfg.Token = token + apiKey
	cfg.APIKey = "DUMMY-KEY-Xk9Lm2pQ"
	_ = serviceConfig{APIKey: os.Getenv("API_KEY"), Token: "sample-token-9Xk2"}
	_, _, _ = vaultSecret, dbSecret, credentials
}

func stringSet(items ...string) map[string]bool { return nil }

// Safe: a set of error-code names, one with Token in it.
func quietIdentifierList() map[string]bool {
	return stringSet(
		"RequestTimeout",
		"Throttling",
		"ExpiredToken",
		"ExpiredTokenException",
		"SlowDown",
	)
}

// Reported twin: the list holds a value that is not a CamelCase word.
var mixedCodes = stringSet(
	"RequestTimeout",
	"ExpiredToken",
	"ExpiredTokenExceptionZ9qW4", // want `\[secret-literal\]`
	"SlowDown",
)
