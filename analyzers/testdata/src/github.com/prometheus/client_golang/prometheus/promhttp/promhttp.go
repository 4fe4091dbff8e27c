// Package promhttp synthesizes package github.com/prometheus/client_golang/prometheus/promhttp for tests.
package promhttp

import "net/http"

// Handler returns the metrics handler of the default registry.
func Handler() http.Handler { return nil }
