// Package clients declares client builders in their own package of the
// module.
package clients

import (
	"net/http"
	"time"
)

// New builds a client over a new Transport on every call.
func New() *http.Client {
	return &http.Client{Timeout: 10 * time.Second, Transport: newTransport()}
}

func newTransport() *http.Transport {
	return &http.Transport{MaxIdleConns: 10}
}

var shared = &http.Transport{MaxIdleConns: 10}

// Shared builds a client over the one shared Transport.
func Shared() *http.Client {
	return &http.Client{Timeout: 10 * time.Second, Transport: shared}
}
