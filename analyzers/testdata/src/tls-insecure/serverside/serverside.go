// Package tlsserverside: InsecureSkipVerify governs only a client's check of
// the server's certificate; on a configuration that reaches nothing but a
// TLS server it does nothing, and the rule stays quiet. The same
// configuration reaching a client, or a place the flow cannot follow, is
// reported.
package tlsserverside

import (
	"crypto/tls"
	"net"
	"net/http"
)

// defaultConfig is cloned for every intercepted connection, then served.
var defaultConfig = &tls.Config{
	InsecureSkipVerify: true,
}

type action struct {
	config func(host string) (*tls.Config, error)
}

// configFor returns a function whose configurations are served below.
func configFor(cert tls.Certificate) func(host string) (*tls.Config, error) {
	return func(host string) (*tls.Config, error) {
		cfg := defaultConfig.Clone()
		cfg.Certificates = append(cfg.Certificates, cert)
		return cfg, nil
	}
}

func intercept(conn net.Conn, a action, host string) error {
	cfg := defaultConfig
	if a.config != nil {
		var err error
		cfg, err = a.config(host)
		if err != nil {
			return err
		}
	}
	cfg = cfg.Clone()
	cfg.NextProtos = append(cfg.NextProtos, "http/1.1")
	return tls.Server(conn, cfg).Handshake()
}

func listener(l net.Listener, cert tls.Certificate) net.Listener {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, InsecureSkipVerify: true}
	return tls.NewListener(l, cfg)
}

func listen(addr string) (net.Listener, error) {
	return tls.Listen("tcp", addr, &tls.Config{InsecureSkipVerify: true})
}

func server(h http.Handler) *http.Server {
	srv := &http.Server{Handler: h, TLSConfig: &tls.Config{InsecureSkipVerify: true}}
	return srv
}

func serverAssigned(h http.Handler) *http.Server {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true
	srv := &http.Server{Handler: h}
	srv.TLSConfig = cfg
	return srv
}

// Twins: the configuration also reaches a client, or leaves the package.

func bothSides(l net.Listener, raw net.Conn) (net.Listener, *tls.Conn) {
	cfg := &tls.Config{InsecureSkipVerify: true} // want `\[tls-insecure\] InsecureSkipVerify: true`
	return tls.NewListener(l, cfg), tls.Client(raw, cfg)
}

func clonedForClient(raw net.Conn) *tls.Conn {
	base := &tls.Config{InsecureSkipVerify: true} // want `\[tls-insecure\] InsecureSkipVerify: true`
	srvCfg := base.Clone()
	_ = tls.Server(raw, srvCfg)
	return tls.Client(raw, base.Clone())
}

// ServerConfig is exported: its callers may dial with it.
func ServerConfig() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want `\[tls-insecure\] InsecureSkipVerify: true`
}

func handedOn(l net.Listener) net.Listener {
	cfg := &tls.Config{InsecureSkipVerify: true} // want `\[tls-insecure\] InsecureSkipVerify: true`
	wrap(cfg)
	return tls.NewListener(l, cfg)
}

func wrap(*tls.Config) {}

func transportAssigned(l net.Listener) *http.Transport {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true // want `\[tls-insecure\] InsecureSkipVerify: true`
	_ = tls.NewListener(l, cfg)
	return &http.Transport{TLSClientConfig: cfg}
}
