// Package tlstestsupport is a test-support package (its file imports
// "testing"), analyzed with tests = true: like _test.go files, it is then
// reported.
package tlstestsupport

import (
	"crypto/tls"
	"testing"
)

func Config(t *testing.T) *tls.Config {
	t.Helper()
	return &tls.Config{InsecureSkipVerify: true} // want `\[tls-insecure\] InsecureSkipVerify: true makes`
}
