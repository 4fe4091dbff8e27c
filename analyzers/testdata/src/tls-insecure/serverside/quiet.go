package tlsserverside

import (
	"crypto/tls"
	"net"
)

// quietServerSideOnly serves the configuration and dials nothing with it.
func quietServerSideOnly(cert tls.Certificate) (net.Listener, error) {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, InsecureSkipVerify: true}
	return tls.Listen("tcp", ":8443", cfg)
}
