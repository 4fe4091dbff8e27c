// Package debugpages builds the process's debug handler: metrics only.
package debugpages

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Handler serves the metrics page.
func Handler() (http.Handler, error) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	return mux, nil
}

// Wrap serves the metrics page beside the handler it is given.
func Wrap(app http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	mux.Handle("/", app)
	return mux
}
