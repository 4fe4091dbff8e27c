// Package integration holds prodlint's end-to-end tests: each runs a real
// tool (go vet -vettool, a golangci-lint binary built with the prodlint
// module plugin, pre-commit, the prodlint command's JSON and SARIF output)
// on a fixture module under testdata/ and checks what a user would see.
//
// The tests need Go, the Go module proxy and pre-commit: the pre-commit
// test uses the one on PATH, installs Debian's package when there is none
// and it runs as root, and otherwise fails saying what to install. They run
// under `go test ./...` (and `make integration`, verbosely) and never skip.
// TestDocumentedCommands (make docs-check) runs the commands of README.md
// and docs/.
package integration
