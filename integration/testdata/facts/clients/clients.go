// Package clients builds HTTP clients: one without a timeout, one with.
package clients

import (
	"net/http"
	"time"
)

func New() *http.Client { return &http.Client{} }

func NewTimed() *http.Client { return &http.Client{Timeout: 10 * time.Second} }
