package secrets

import (
	"strings"
	"testing"
)

// Fake credentials, split so that this file does not look like a leak.
var formatCases = []struct {
	value, what string // what == "" means nothing is found
}{
	{"AKIA" + "VQJXXVBOTHD2WTFL", "an AWS access key id"},
	{"aws_secret_access_key=" + "pdzPaEMM1ZA7V0FhHVJWDBt2hWdQZUm14QhoxhLP", "an AWS secret access key"},
	{"gh" + "r_SnH6av1Ib8pp1xxXHU0BScJXj675eVq30XYq", "a GitHub token"},
	{"github" + "_pat_aNUDqN9Nifp28uwCDydeso_kF5NSAllsNdV40J599dTCZWZYvRSZeyx4Ag8SsaxTmknuj64AX6VM2ewMuB", "a GitHub fine-grained personal access token"},
	{"xo" + "xp-4190697844368-2144832665367-Vbpag1xYKiuMw7TpHD8BHbNd", "a Slack token"},
	{"https://hooks.slack.com/services/" + "T9G2LBC7RD0/BSMA2SLLQYC/ZOkN8gaW18vjsgJ0Wu8FxTwX", "a Slack incoming webhook URL"},
	{"sk_" + "live_qxni7z9KwRkNr4aE28uz5eRTpPWzUB4q", "a Stripe live secret key"},
	{"sk-" + "ant-admin01-a1bMZwIMlvdp5gjTrD8Osj-LnZ5R_j-8U-m7aSz7NRSO", "an Anthropic API key"},
	{"sk-" + "svcacct-RGrB5Vpg5C6QsyHZytfqY6K1Qjah4dXd3eOa1Zcc-a4CgOFfqRgz", "an OpenAI API key"},
	{"sk-" + "RGrB5Vpg5C6QsyHZytfqY6K1Qjah4dXd3eOa1Zcca4CgOFfq", "an OpenAI API key"},
	{"AI" + "zaKz5b70CO8W7RQHy2Yp_ptzsJqLOJqu3g9DY", "a Google API key"},
	{"SG" + ".pQaxEN_cNljiRkV71kDRuI.r2jhTxs_OHKDpnJh-rgiOaPq-N9RtlnnudSkpmKog0Q", "a SendGrid API key"},
	{"SK" + "53f50a0be52d057e0bd04ab300544069", "a Twilio API key SID"},
	{"-----BEGIN OPENSSH PRIV" + "ATE KEY-----\n" + strings.Repeat("Tqr8aFvnKbnHFbDf\n", 5) + "-----END OPENSSH PRIVATE KEY-----", "a PEM OPENSSH PRIVATE KEY block"},
	{"mongodb+srv://svc:Zq8vR2mK7pLw@cluster0.mongo.internal/db", "a mongodb+srv URL with an inline password"},
	{"svc:Zq8vR2mK7pLw@unix(/run/mysqld.sock)/app", "a MySQL DSN with an inline password"},
	{"Server=db.internal;User Id=svc;Password=Zq8vR2mK7pLw;", "a connection string with an inline password"},

	{"AKIA" + "IOSFODNN7EXAMPLE", ""},
	{"AKIA" + "ABCDEFGHIJKLMNOP", ""}, // a hand-typed run
	{"gh" + "p_0000000000000000000000000000000000000", ""},
	{"sk_" + "test_qxni7z9KwRkNr4aE28uz5eRTpPWzUB4q", ""},
	{"sk-" + "ant-api03-short", ""},
	{"-----BEGIN EC PRIVATE KEY-----", ""},
	{"-----BEGIN EC PRIV" + "ATE KEY-----\n" + strings.Repeat("x", 80) + "\n-----END EC PRIVATE KEY-----", ""},
	{"postgres://svc:changeme@db.internal/app", ""},
	{"postgres://svc:svc@db.internal/app", ""},
	{"postgres://svc:Zq8vR2mK7pLw@[::1]:5432/app", ""},
	{"Server=db.internal;User Id=svc;Password=${DB_PASSWORD};", ""},
	{"password=Zq8vR2mK7pLw", ""}, // no connection-string keys beside it
	{"host=db.internal user=svc password=svc dbname=app", ""},
	{"https://api.github.com/repos?access_token=", ""},
	{"key=value pairs with password= (or pwd=) next to host=, server=, user= or dbname=", ""}, // prose
	{"set password=hunter2 (see host= in the docs)", ""},
}

func TestFindCredentials(t *testing.T) {
	for _, tc := range formatCases {
		hits := findCredentials(tc.value)
		switch {
		case tc.what == "" && len(hits) > 0:
			t.Errorf("%.24q…: found %s, want nothing", tc.value, hits[0].what)
		case tc.what != "" && (len(hits) != 1 || hits[0].what != tc.what):
			t.Errorf("%.24q…: found %d hits %v, want %s", tc.value, len(hits), hits, tc.what)
		case len(hits) == 1 && strings.Contains(hits[0].shown, hits[0].secret):
			t.Errorf("%.24q…: shown form %q holds the secret", tc.value, hits[0].shown)
		}
	}
}

func TestDetectorsAreDocumented(t *testing.T) {
	for _, d := range detectors {
		if d.what == "" || d.shape == "" || !strings.HasPrefix(d.source, "https://") || len(d.hints) == 0 {
			t.Errorf("detector %q lacks a description, shape, source or hint", d.what)
		}
	}
	for _, f := range pairedFormats {
		if f.what == "" || f.shape == "" || !strings.HasPrefix(f.source, "https://") {
			t.Errorf("paired format %q lacks a description, shape or source", f.what)
		}
	}
}

func TestCredentialShaped(t *testing.T) {
	for v, want := range map[string]bool{
		"Tr0ub4dor&3xQ":                     true,
		"f3a9c2e1b7d84f6a9e0c5b2d1a8f7e6c":  true,
		"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx": true,
		"changeme-now-1234":                 false,
		"GITHUB_TOKEN":                      false,
		"prod-db-credentials":               false,
		"/oauth/token":                      false,
		"kv/data/prod/db":                   false,
		"https://vault.internal/v1/x":       false,
		"the token for the API":             false,
		"abcdefghijklmnop":                  false,
		"alerts@example.org":                false,
		"short1A":                           false,
		"${SECRET_VALUE_1}":                 false,
		"不合法的secret参数":                      false,
		"Pässwörter9xQzT":                   false,
	} {
		if got := credentialShaped(v, 10, 3.0); got != want {
			t.Errorf("credentialShaped(%q) = %t, want %t (entropy %.2f)", v, got, want, entropy(v))
		}
	}
}
