package tlsinsecure

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

func client() *http.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `\[tls-insecure\] InsecureSkipVerify: true makes this TLS client accept any certificate for any host: anyone on the network path can read and rewrite the traffic and the credentials in it; remove it and trust the server's CA through RootCAs`
	return &http.Client{Transport: tr}
}

func multiLine(pool *x509.CertPool) *tls.Config {
	return &tls.Config{
		RootCAs:            pool,
		InsecureSkipVerify: true, // TODO: for now // want `\[tls-insecure\] InsecureSkipVerify: true makes`
		ServerName:         "api.internal",
	}
}

func oldVersion() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS10, // want `\[tls-insecure\] MinVersion TLS 1.0 lets peers negotiate TLS below 1.2, deprecated by RFC 8996 for weak ciphers and downgrade attacks; set MinVersion: tls.VersionTLS12 \(or leave it 0, the Go default\)`
		ServerName: "api.internal",
	}
}

func oldVersionLiteral() *tls.Config {
	return &tls.Config{MinVersion: 0x0302} // want `\[tls-insecure\] MinVersion TLS 1.1 lets peers`
}

func both() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionSSL30} // want `\[tls-insecure\] InsecureSkipVerify: true makes` `\[tls-insecure\] MinVersion SSL 3.0 lets peers`
}

// Safe twin: verified against a private CA, TLS 1.2 at least.
func verified(pool *x509.CertPool) *tls.Config {
	return &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
}

// Safe twin: an explicit false, and TLS 1.3.
func explicitFalse() *tls.Config {
	return &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS13}
}

// Safe twin: MinVersion 0 is the Go default, TLS 1.2.
func zeroVersion() *tls.Config {
	return &tls.Config{MinVersion: 0}
}

type settings struct {
	Insecure   bool
	MinVersion uint16
	Version    string
}

// Safe twin: a deliberate opt-in the operator controls.
func fromConfig(s settings) *tls.Config {
	return &tls.Config{InsecureSkipVerify: s.Insecure, MinVersion: s.MinVersion}
}

// Safe twin: custom verification (pinning) needs InsecureSkipVerify.
func pinned(verify func([][]byte, [][]*x509.Certificate) error) *tls.Config {
	return &tls.Config{InsecureSkipVerify: true, VerifyPeerCertificate: verify}
}

// Safe twin: the custom verification is set later on the same variable.
func pinnedLater(verify func(tls.ConnectionState) error) *tls.Config {
	cfg := &tls.Config{InsecureSkipVerify: true}
	cfg.VerifyConnection = verify
	return cfg
}
