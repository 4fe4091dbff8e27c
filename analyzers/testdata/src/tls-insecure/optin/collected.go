package optin

import (
	"crypto/tls"
	"net/http"
)

// The forms of tls-insecure decided while collecting candidates, one
// function each (rule.FixtureFunc), beside the reported twins of this
// package.

func quietOptInCondition(allowUntrustedCert bool, cfgs []*tls.Config) {
	for _, c := range cfgs {
		if allowUntrustedCert {
			c.InsecureSkipVerify = true
		}
	}
}

func quietUnixSocketCase(network string) *tls.Config {
	switch network {
	case "unix":
		return &tls.Config{InsecureSkipVerify: true}
	}
	return &tls.Config{}
}

func quietLoopbackHostCondition(host string) *http.Transport {
	tr := &http.Transport{}
	if host == "127.0.0.1" {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	return tr
}

type sslMode string

// A switch over a user-chosen mode where another case verifies the host:
// the skip is the encrypt-only mode the user picked.
func quietVerificationModeSwitch(mode sslMode, host string) *tls.Config {
	cfg := &tls.Config{}
	switch {
	case mode == "require":
		cfg.InsecureSkipVerify = true
	case mode == "verify-full":
		cfg.ServerName = host
	}
	return cfg
}

// Reported twin: no other case sets how the server is verified.
func modeSwitchNoVerify(mode sslMode) *tls.Config {
	cfg := &tls.Config{}
	switch {
	case mode == "require":
		cfg.InsecureSkipVerify = true // want `\[tls-insecure\] InsecureSkipVerify: true makes`
	case mode == "disable":
		return nil
	}
	return cfg
}
