// Package optin: InsecureSkipVerify under a condition is a decision only
// when the condition names an explicit opt-in.
package optin

import (
	"crypto/tls"
	"net"
	"net/http"
	"os"
)

type Config struct {
	TLSSkipVerify   bool
	DevMode         bool
	Proxy           string
	IgnoreTLSErrors bool
	IgnoreErrors    bool
	SelfSigned      bool
}

// Safe: a configuration field that says skip-verify.
func fromField(cfg Config) *tls.Config {
	tc := &tls.Config{}
	if cfg.TLSSkipVerify {
		tc.InsecureSkipVerify = true
	}
	return tc
}

// Safe: a development mode.
func devMode(cfg Config) *tls.Config {
	if cfg.DevMode {
		return &tls.Config{InsecureSkipVerify: true}
	}
	return &tls.Config{}
}

// Safe: an environment variable that says insecure.
func fromEnv() *tls.Config {
	tc := &tls.Config{}
	if os.Getenv("TLS_INSECURE") == "1" {
		tc.InsecureSkipVerify = true
	}
	return tc
}

// Safe: a per-source setting that ignores TLS errors.
func ignoreTLS(cfg Config) *tls.Config {
	if cfg.IgnoreTLSErrors {
		return &tls.Config{InsecureSkipVerify: true}
	}
	return &tls.Config{}
}

// Safe: a setting for a peer with a self-signed certificate.
func selfSigned(cfg Config) *tls.Config {
	if cfg.SelfSigned {
		return &tls.Config{InsecureSkipVerify: true}
	}
	return &tls.Config{}
}

// Safe: TLS over a unix domain socket, where no one is on a network path.
func overSocket(network string) *tls.Config {
	switch network {
	case "unix":
		return &tls.Config{InsecureSkipVerify: true}
	}
	return &tls.Config{}
}

// Twin: ignoring errors in general is not a decision about TLS.
func ignoreAll(cfg Config) *tls.Config {
	if cfg.IgnoreErrors {
		return &tls.Config{InsecureSkipVerify: true} // want `\[tls-insecure\] InsecureSkipVerify: true makes`
	}
	return &tls.Config{}
}

// Twin: a type assertion's ok decides what the connection is, not to skip
// verification.
func byType(c net.Conn) *tls.Config {
	tc := &tls.Config{}
	if _, ok := c.(*net.TCPConn); ok {
		tc.InsecureSkipVerify = true // want `\[tls-insecure\] InsecureSkipVerify: true makes`
	}
	return tc
}

// Twin: an environment variable of another feature.
func proxyEnv() *tls.Config {
	tc := &tls.Config{}
	if os.Getenv("HTTPS_PROXY") != "" {
		tc.InsecureSkipVerify = true // want `\[tls-insecure\] InsecureSkipVerify: true makes`
	}
	return tc
}

// Twin: a presence test on an unrelated value.
func withProxy(cfg Config) *tls.Config {
	if cfg.Proxy != "" {
		return &tls.Config{InsecureSkipVerify: true} // want `\[tls-insecure\] InsecureSkipVerify: true makes`
	}
	return &tls.Config{}
}

// Twin: the default transport changes for every client of the process,
// whatever flag chose it.
func defaultTransport(cfg Config) {
	if cfg.TLSSkipVerify {
		http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `\[tls-insecure\] InsecureSkipVerify: true makes`
	}
}

// Twin: the same through a variable holding the default transport.
func defaultTransportVar(cfg Config) {
	tr := http.DefaultTransport.(*http.Transport)
	if cfg.DevMode {
		tr.TLSClientConfig.InsecureSkipVerify = true // want `\[tls-insecure\] InsecureSkipVerify: true makes`
	}
}

// Option configures a client of a library.
type Option func(*tls.Config)

// Safe: an exported option whose name says insecure; the caller opts in.
func WithInsecureSkipVerify() Option {
	return func(c *tls.Config) {
		c.InsecureSkipVerify = true
	}
}

// Reported: an exported option whose name says nothing of skipping
// verification.
func WithDefaults() Option {
	return func(c *tls.Config) {
		c.InsecureSkipVerify = true // want `\[tls-insecure\]`
	}
}

// Reported: an unexported helper whose name says insecure, used by default.
func insecureDefaults(c *tls.Config) {
	c.InsecureSkipVerify = true // want `\[tls-insecure\]`
}

func isLocalhost(host string) bool { return host == "localhost" }

// Safe: only for a loopback host over a plain-http endpoint.
func loopbackOnly(host, scheme string) *http.Transport {
	tr := &http.Transport{}
	if isLocalhost(host) && scheme == "http" {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	return tr
}

// Reported: the loopback test is negated.
func notLoopback(host string) *http.Transport {
	tr := &http.Transport{}
	if !isLocalhost(host) {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `\[tls-insecure\]`
	}
	return tr
}

// Reported: the loopback test is one side of an or.
func loopbackOrProxy(host string, cfg Config) *http.Transport {
	tr := &http.Transport{}
	if host == "127.0.0.1" || cfg.Proxy != "" {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `\[tls-insecure\]`
	}
	return tr
}
