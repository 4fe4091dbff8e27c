// Package exehash hashes the running executable, which names the prodlint
// code a build holds: go vet's tool id, the golangci-lint plugin's build id
// and the result cache's salt all change with it.
package exehash

import (
	"crypto/sha256"
	"io"
	"os"
)

// Sum returns the SHA-256 of the running executable's file.
func Sum() ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}
