package httptimeout

import (
	"net"
	"net/http"
	"time"
)

// A dial timeout bounds connecting only: an upstream that accepts the
// connection and then stalls still blocks forever.
func dialTimeoutOnly(u string) {
	c := &http.Client{ // want `\[http-timeout\] this http.Client has no Timeout, nor a Transport with ResponseHeaderTimeout`
		Transport: &http.Transport{
			DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
			TLSHandshakeTimeout: 5 * time.Second,
		},
	}
	c.Get(u)
}

func dialAndHeaderTimeouts(u string) {
	c := &http.Client{
		Transport: &http.Transport{
			DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
			ResponseHeaderTimeout: 10 * time.Second,
		},
	}
	c.Get(u)
}
