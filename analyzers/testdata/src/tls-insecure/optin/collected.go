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
