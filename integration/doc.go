// Package integration holds prodlint's end-to-end tests: each runs a real
// tool (go vet -vettool, a golangci-lint binary built with the prodlint
// module plugin, pre-commit, the prodlint command's JSON and SARIF output)
// on a fixture module under testdata/ and checks what a user would see.
//
// The tests need Go and the Go module proxy; the pre-commit test installs
// pre-commit from Debian's packages when it is missing (as root). They run
// under `go test ./...` and never skip.
package integration
