// Package requestbodyaliasnolimit keeps the original body in a local
// variable in its middleware but never limits it (the variable is also
// assigned something else): its handlers are reported.
package requestbodyaliasnolimit

import (
	"bytes"
	"io"
	"net/http"
)

func auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		orig := r.Body
		if r.ContentLength == 0 {
			orig = io.NopCloser(bytes.NewReader(nil))
		}
		r.Body = http.MaxBytesReader(w, orig, 64*1024)
		next.ServeHTTP(w, r)
	})
}

func reportedAliasNotBody(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\)`
	w.Write(data)
}

func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/login", reportedAliasNotBody)
	return auth(mux)
}
