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

func quietConfiguredVersionSwitch(s settings) *tls.Config {
	cfg := &tls.Config{}
	switch s.Version {
	case "1.0":
		cfg.MinVersion = tls.VersionTLS10
	case "1.1":
		cfg.MinVersion = tls.VersionTLS11
	case "1.2":
		cfg.MinVersion = tls.VersionTLS12
	case "1.3":
		cfg.MinVersion = tls.VersionTLS13
	}
	return cfg
}
