// Package promhttp synthesizes package github.com/prometheus/client_golang/prometheus/promhttp for tests.
package promhttp

import "net/http"

// Handler returns the metrics handler of the default registry.
func Handler() http.Handler { return nil }

// HandlerOpts configures HandlerFor.
type HandlerOpts struct{ ErrorHandling int }

// Gatherer gathers metrics.
type Gatherer interface{}

// HandlerFor returns the metrics handler of reg.
func HandlerFor(reg Gatherer, opts HandlerOpts) http.Handler { return nil }
