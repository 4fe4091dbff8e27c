package tlsselfprobe

import (
	"crypto/tls"
	"net"
)

// The forms of tls-insecure decided while collecting candidates, one
// function each (rule.FixtureFunc), beside the reported twins of this
// package.

func quietLoopbackProbe(port string) error {
	conn, err := tls.Dial("tcp", net.JoinHostPort("127.0.0.1", port), &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		return err
	}
	return conn.Close()
}

func quietConnectOnlyProbe(addr string) error {
	d := &net.Dialer{}
	conn, err := tls.DialWithDialer(d, "tcp", addr, &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		return err
	}
	if err := conn.Close(); err != nil {
		return err
	}
	return nil
}
