package tlsinsecure

import (
	"crypto/tls"
	"flag"
)

var insecure = flag.Bool("insecure", false, "skip certificate verification (development only)")

func setLater() *tls.Config {
	cfg := &tls.Config{ServerName: "api.internal"}

	cfg.InsecureSkipVerify = true // want `\[tls-insecure\] InsecureSkipVerify: true makes`

	cfg.MinVersion = tls.VersionTLS11 // want `\[tls-insecure\] MinVersion TLS 1.1 lets peers`
	return cfg
}

// Safe twin: set from a flag.
func fromFlag() *tls.Config {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = *insecure
	return cfg
}

// Safe twin: decided by a condition the program opts into.
func guarded(env string) *tls.Config {
	cfg := &tls.Config{}
	if *insecure {
		cfg.InsecureSkipVerify = true
	}
	switch env {
	case "dev":
		return &tls.Config{InsecureSkipVerify: true}
	}
	return cfg
}

// A nil check is not a decision to skip verification.
func nilCheck(cfg *tls.Config) *tls.Config {
	if cfg == nil {
		cfg = &tls.Config{InsecureSkipVerify: true} // want `\[tls-insecure\] InsecureSkipVerify: true makes`
	}
	return cfg
}

// Safe twin: switching verification back on.
func reenable(cfg *tls.Config) {
	cfg.InsecureSkipVerify = false
	cfg.MinVersion = tls.VersionTLS12
}

// Twins of configured-version-switch: an old version as the default
// clause, and a switch that offers no modern version.
func defaultOldVersion(s settings) *tls.Config {
	cfg := &tls.Config{}
	switch s.Version {
	case "1.2":
		cfg.MinVersion = tls.VersionTLS12
	default:
		cfg.MinVersion = tls.VersionTLS10 // want `\[tls-insecure\] MinVersion TLS 1.0 lets peers`
	}
	return cfg
}

func onlyOldVersions(s settings) *tls.Config {
	cfg := &tls.Config{}
	switch s.Version {
	case "legacy":
		cfg.MinVersion = tls.VersionTLS10 // want `\[tls-insecure\] MinVersion TLS 1.0 lets peers`
	case "compat":
		cfg.MinVersion = tls.VersionTLS11 // want `\[tls-insecure\] MinVersion TLS 1.1 lets peers`
	}
	return cfg
}
