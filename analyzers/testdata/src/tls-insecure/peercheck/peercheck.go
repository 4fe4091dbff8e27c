// Package tlspeercheck: a client that skips the library's chain check and
// then inspects the peer's certificates itself, after the handshake (a
// protocol whose certificates are self-signed by design), verifies the
// peer; reading only how many there are does not.
package tlspeercheck

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
)

func fetchState(addr string, cfg *tls.Config) (tls.ConnectionState, error) {
	conn, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		return tls.ConnectionState{}, err
	}
	defer conn.Close()
	return conn.ConnectionState(), nil
}

// validate checks the single name and the fingerprint of the leaf.
func validate(addr, name string, want []byte) error {
	cs, err := fetchState(addr, &tls.Config{ServerName: name, InsecureSkipVerify: true})
	if err != nil {
		return err
	}
	certs := cs.PeerCertificates
	if len(certs) == 0 {
		return errors.New("no certificate")
	}
	leaf := certs[0]
	if len(leaf.DNSNames) != 1 || leaf.DNSNames[0] != name || !bytes.Equal(leaf.Raw, want) {
		return errors.New("wrong certificate")
	}
	return nil
}

// pinned verifies the chain against its own pool after the handshake.
func pinned(addr string, pool *x509.CertPool) error {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, cert := range conn.ConnectionState().PeerCertificates {
		if _, err := cert.Verify(x509.VerifyOptions{Roots: pool}); err != nil {
			return err
		}
	}
	return nil
}

// Twins: the certificates are only counted, or not looked at at all.

func counted(addr string) (int, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want `\[tls-insecure\] InsecureSkipVerify: true`
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	return len(conn.ConnectionState().PeerCertificates), nil
}

func notChecked(url string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `\[tls-insecure\] InsecureSkipVerify: true`
	return c.Get(url)
}
