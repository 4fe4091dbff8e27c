package httptimeout

import (
	"context"
	"net/http"
)

func mustRequest[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// A request built once on the incoming request's context (through a
// helper that passes the request through), then re-aimed and sent in a
// loop: every send ends when the client that asked goes away. Quiet. The
// same loop on a fresh root is still reported.
func archivePages(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	req := mustRequest(http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1/", nil))
	for _, p := range []string{"/debug/heap", "/debug/vars"} {
		req.URL.Path = p
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}

func archivePagesDetached(w http.ResponseWriter, r *http.Request) {
	req := mustRequest(http.NewRequestWithContext(context.Background(), http.MethodGet, "http://127.0.0.1/", nil))
	for _, p := range []string{"/debug/heap", "/debug/vars"} {
		req.URL.Path = p
		if resp, err := http.DefaultClient.Do(req); err == nil { // want `\[http-timeout\] http.DefaultClient has no timeout`
			resp.Body.Close()
		}
	}
}
