// Package handlers calls the client builders of another package of the
// module in its handlers.
package handlers

import (
	"net/http"

	"pool-per-request/fact/clients"
)

func proxy(w http.ResponseWriter, r *http.Request) {
	c := clients.New() // want `\[pool-per-request\] clients.New \(which builds a new http.Transport on every call\) in an http handler builds a new`
	resp, err := c.Get("http://upstream/")
	if err == nil {
		resp.Body.Close()
	}
}

// Twin: a builder over a shared Transport.
func proxyShared(w http.ResponseWriter, r *http.Request) {
	c := clients.Shared()
	resp, err := c.Get("http://upstream/")
	if err == nil {
		resp.Body.Close()
	}
}
