// Package defaulttier holds the default tier of tls-insecure: an old
// MinVersion is reported, InsecureSkipVerify only with skip-verify = true.
package defaulttier

import (
	"crypto/tls"
	"net/http"
)

func both() *http.Client {
	cfg := &tls.Config{
		InsecureSkipVerify: true,
		MinVersion:         tls.VersionTLS10, // want `\[tls-insecure\] MinVersion TLS 1.0 lets peers negotiate TLS below 1.2`
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

func skipOnly() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}

func assigned() *http.Client {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}
