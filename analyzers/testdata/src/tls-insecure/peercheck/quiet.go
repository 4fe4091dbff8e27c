package tlspeercheck

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
)

// quietCustomVerification pins the server's certificate in a callback.
func quietCustomVerification(addr string, pin func([][]byte) error) (*tls.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{
		InsecureSkipVerify:    true,
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error { return pin(raw) },
	})
}

// peerConfig serves both ends of a protocol whose peers are known by their
// certificates: it asks the other side for one and checks it itself.
func peerConfig(cert tls.Certificate) *tls.Config {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}}
	cfg.ClientAuth = tls.RequestClientCert
	cfg.InsecureSkipVerify = true
	return cfg
}

// quietCertificatePeers dials a peer with a configuration that also asks
// the peer for its certificate, checked by the caller against a known ID.
func quietCertificatePeers(addr string, cert tls.Certificate) (net.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{
		Certificates:       []tls.Certificate{cert},
		ClientAuth:         tls.RequireAnyClientCert,
		InsecureSkipVerify: true,
	})
}

// quietPeerCertificatesChecked compares the leaf with the one it expects.
func quietPeerCertificatesChecked(addr string, want *x509.Certificate) error {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		return err
	}
	defer conn.Close()
	if certs := conn.ConnectionState().PeerCertificates; len(certs) == 0 || !certs[0].Equal(want) {
		return errors.New("unexpected peer")
	}
	return nil
}

// Twin: a server configuration that verifies client certificates itself
// (tls.VerifyClientCertIfGiven) says nothing about how this side checks
// the server: reported.
func verifiedClientsOnly(addr string, cert tls.Certificate) (net.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{
		Certificates:       []tls.Certificate{cert},
		ClientAuth:         tls.VerifyClientCertIfGiven,
		InsecureSkipVerify: true, // want `\[tls-insecure\] InsecureSkipVerify: true`
	})
}
