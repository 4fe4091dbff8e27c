package httptimeoutdefault

import (
	"net/http"
	"time"
)

// The package bounds http.DefaultClient itself, so http.Get is bounded too.
func init() {
	http.DefaultClient.Timeout = 15 * time.Second
}

func fetch(u string) {
	http.Get(u)
	http.DefaultClient.Post(u, "application/json", nil)
}

// quietDefaultClientConfigured is the fixture of the quiet form: init sets
// http.DefaultClient.Timeout.
func quietDefaultClientConfigured(u string) {
	http.Head(u)
}

// The twin: a client of its own without a Timeout is still reported.
func defaultClientConfiguredTwin(u string) {
	c := new(http.Client) // want `\[http-timeout\] this http.Client has no Timeout`
	c.Get(u)
}
