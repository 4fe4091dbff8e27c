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
