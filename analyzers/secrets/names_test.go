package secrets

import (
	"slices"
	"testing"
)

func TestClassifyName(t *testing.T) {
	tests := map[nameKind][]string{
		secretName: {
			"password", "dbPassword", "DB_PASSWORD", "passwd", "passphrase", "secret", "clientSecret", "jwtSecret",
			"token", "githubToken", "GITHUB_TOKEN", "accessToken", "refresh_token", "idToken", "apiKey", "APIKey",
			"api_key", "X-API-Key", "accessKey", "secretAccessKey", "privateKey", "private_key", "signingKey",
			"credentials", "awsCreds", "auth", "basicAuth", "Authorization", "bearer", "tokenValue", "rawToken",
			"apitoken", "passwordBytes",
		},
		notSecretName: {
			"passwordHash", "hashedPassword", "tokenURL", "tokenCount", "tokenPath", "apiKeyHeader", "secretName",
			"authMode", "authURL", "tokenExpiry", "sessionTokenTTL", "maskedToken", "redactedAuth", "tokenID",
			"apiKeyID", "passwordPolicy", "githubTokenEnv", "token_len", "tokenFingerprint",
			"exampleToken", "fakeAPIKey", "dummyPassword", "testSecret", "mockCredentials",
			"NextToken", "nextPageToken", "PageToken", "ContinuationToken", "pagination_token", "cursorToken", "resumeToken",
		},
		neutral: {
			"tokenizer", "tokens", "maxTokens", "author", "authors", "key", "cacheKey", "value", "config", "host",
			"user", "Endpoint", "oauth", "secrets", "",
		},
	}
	for want, names := range tests {
		for _, name := range names {
			if got := classifyName(name); got != want {
				t.Errorf("classifyName(%q) = %d, want %d", name, got, want)
			}
		}
	}
}

func TestSplitWords(t *testing.T) {
	tests := map[string][]string{
		"APIKey":        {"api", "key"},
		"apiKeyHeader":  {"api", "key", "header"},
		"db_password":   {"db", "password"},
		"X-Auth-Token":  {"x", "auth", "token"},
		"oauth2Token":   {"oauth2", "token"},
		"tokenURL":      {"token", "url"},
		"GITHUB_TOKEN":  {"github", "token"},
		"HTTPServer":    {"http", "server"},
		"awsKeyID":      {"aws", "key", "id"},
		"client.secret": {"client", "secret"},
	}
	for in, want := range tests {
		if got := splitWords(in); !slices.Equal(got, want) {
			t.Errorf("splitWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUpperSnake(t *testing.T) {
	for in, want := range map[string]string{
		"githubToken": "GITHUB_TOKEN", "APIKey": "API_KEY", "dbPassword": "DB_PASSWORD", "awsKeyID": "AWS_KEY_ID",
	} {
		if got := upperSnake(in); got != want {
			t.Errorf("upperSnake(%q) = %q, want %q", in, got, want)
		}
	}
}
