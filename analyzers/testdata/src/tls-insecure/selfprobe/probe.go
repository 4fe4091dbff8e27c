// Package tlsselfprobe: a process that dials its own TLS listener over
// loopback (a readiness self-check) has no one else on the network path;
// the same configuration dialing another host is reported.
package tlsselfprobe

import (
	"crypto/tls"
	"net"
	"strconv"
)

// selfCheck dials the server's own listener: its certificate is issued
// for the public name, not for 127.0.0.1, hence no verification.
func selfCheck(port int) error {
	conn, err := tls.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port), &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		return err
	}
	return conn.Close()
}

func selfCheckVar(port string) error {
	cfg := &tls.Config{InsecureSkipVerify: true}
	conn, err := tls.Dial("tcp", net.JoinHostPort("localhost", port), cfg)
	if err != nil {
		return err
	}
	return conn.Close()
}

// Twins: another host, or a loopback configuration also used elsewhere.
// Twins of a connect-only probe: the connection to another host carries
// data, is read from, or is handed on.
func remote(addr string) error {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want `\[tls-insecure\] InsecureSkipVerify: true`
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write([]byte("PING\r\n"))
	return err
}

func remoteRead(addr string, buf []byte) error {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want `\[tls-insecure\] InsecureSkipVerify: true`
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Read(buf)
	return err
}

func remoteHanded(addr string) (net.Conn, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want `\[tls-insecure\] InsecureSkipVerify: true`
	if err != nil {
		return nil, err
	}
	return conn, nil
}

func sharedConfig(port, addr string) error {
	cfg := &tls.Config{InsecureSkipVerify: true} // want `\[tls-insecure\] InsecureSkipVerify: true`
	if _, err := tls.Dial("tcp", net.JoinHostPort("127.0.0.1", port), cfg); err != nil {
		return err
	}
	_, err := tls.Dial("tcp", addr, cfg)
	return err
}
