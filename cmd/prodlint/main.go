// Command prodlint finds Go code that compiles but fails in production:
// HTTP calls without timeouts, unchecked statuses, unbounded goroutines and
// pools, hardcoded secrets, tokens that never expire, lost cancellation,
// retries without backoff.
//
//	prodlint [flags] [packages]                 standalone, default ./...
//	go vet -vettool=$(command -v prodlint) ./...  as a vet tool
//
// Run "prodlint help" for the rules and "prodlint -h" for the flags.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/prodlint/prodlint/analyzers"
	"github.com/prodlint/prodlint/internal/driver"
	"github.com/prodlint/prodlint/internal/exehash"
)

func main() {
	if invokedByGoVet(os.Args[1:]) {
		vetTool(os.Args[1:])
	}
	if os.Getenv("GOGC") == "" {
		// Type information of a whole module graph is mostly long-lived:
		// collecting at half the default growth keeps peak memory on CI
		// runners about 15% lower for a few percent of CPU.
		debug.SetGCPercent(50)
	}
	os.Exit(driver.Main(driver.Options{Args: os.Args[1:]}))
}

// vetTool speaks the go vet -vettool protocol through unitchecker, with
// two changes that keep the go command's cache honest. The go command keys
// every package's vet result on the tool's -V=full answer and on the Go
// files only, so the answer carries a digest of the configuration too (an
// edited rules.toml then misses the cache). And a configuration error
// fails the tool before any analysis: unitchecker reports an analyzer's
// error inside its JSON output and exits 0, and the go command would cache
// that package as vetted, printing nothing on the next run.
func vetTool(args []string) {
	if len(args) == 1 && args[0] == "-V=full" {
		id, err := vetToolID()
		if err != nil {
			fmt.Fprintf(os.Stderr, "prodlint: %v\n", err)
			os.Exit(1)
		}
		fmt.Println(id)
		os.Exit(0)
	}
	if cfg := args[len(args)-1]; strings.HasSuffix(cfg, ".cfg") {
		if err := checkUnitConfig(cfg); err != nil {
			fmt.Fprintf(os.Stderr, "prodlint: %v\n", err)
			os.Exit(1)
		}
	}
	unitchecker.Main(driver.VetAnalyzers(args, analyzers.All(), analyzers.SecretMarkers(analyzers.Rules()))...)
}

// vetToolID answers -V=full in the form the go command parses ("NAME
// version devel ... buildID=ID", of which it keeps what follows the last
// slash): the executable's hash, then the configuration's digest, both
// from the directory go vet runs in.
func vetToolID() (string, error) {
	sum, err := exehash.Sum()
	if err != nil {
		return "", err
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("prodlint version devel buildID=%x-%s", sum, analyzers.ConfigDigest(wd)), nil
}

// checkUnitConfig returns the configuration error the package described
// by the go command's unit.cfg would be analyzed under. Units analyzed only
// for the facts their importers need (VetxOnly) report nothing, so their
// configuration does not matter.
func checkUnitConfig(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil // unitchecker reports it
	}
	var unit struct {
		GoFiles  []string
		VetxOnly bool
	}
	if json.Unmarshal(data, &unit) != nil || unit.VetxOnly || len(unit.GoFiles) == 0 {
		return nil
	}
	return analyzers.CheckConfig(filepath.Dir(unit.GoFiles[0]))
}

// invokedByGoVet reports whether the arguments follow the go vet -vettool
// protocol, as multichecker decides.
func invokedByGoVet(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-V" || a == "-flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
