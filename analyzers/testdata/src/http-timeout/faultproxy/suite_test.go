package faultproxy

import (
	"testing"

	"http-timeout/faultproxy/internal/harness"
	"http-timeout/faultproxy/internal/shared"
)

func TestReset(t *testing.T) {
	if err := harness.NewClient("http://localhost:8474").Reset(); err != nil {
		t.Fatal(err)
	}
	if err := shared.NewClient("http://localhost:8080").Reset(); err != nil {
		t.Fatal(err)
	}
}
