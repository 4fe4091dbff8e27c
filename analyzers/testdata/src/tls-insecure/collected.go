package tlsinsecure

import "crypto/tls"

// The forms of tls-insecure decided while collecting candidates, one
// function each (rule.FixtureFunc), beside the reported twins of this
// package.

func quietNonConstantSkipVerify(s settings) *tls.Config {
	return &tls.Config{InsecureSkipVerify: s.Insecure}
}

func quietDefaultMinVersion(s settings) (*tls.Config, *tls.Config) {
	return &tls.Config{MinVersion: 0}, &tls.Config{MinVersion: s.MinVersion}
}
