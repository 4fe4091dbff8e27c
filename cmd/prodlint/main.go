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
	"encoding/gob"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"
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
	as := analyzers.All()
	if cfg := args[len(args)-1]; strings.HasSuffix(cfg, ".cfg") {
		if err := checkUnitConfig(cfg); err != nil {
			fmt.Fprintf(os.Stderr, "prodlint: %v\n", err)
			os.Exit(1)
		}
		wd, _ := os.Getwd()
		as = vetActive(as, wd, cfg, args[:len(args)-1]...)
	}
	unitchecker.Main(driver.VetAnalyzers(args, as, analyzers.SecretMarkers(analyzers.Rules()))...)
}

// vetActive drops, as analyzers.Active does for the standalone driver,
// the analyzers of the rules that every configuration in force switches
// off, so that the summary analyzers only they require do not run over
// every package for nothing. go vet runs the tool once per package, so
// the configurations are those of the tree it runs in (wd: the files the
// -V=full answer digests, so an edit re-runs every package) and, for a
// package analyzed for its findings, that package's own: every unit of a
// run then keeps the analyzers whose facts a package of the tree needs.
// Every fact type is registered with gob, so that the facts of a
// dependency analyzed under another configuration still decode. On a
// configuration error every analyzer is kept (the error is reported by
// the analysis), and so is an analyzer a flag names (-http_timeout,
// -http_timeout.flag=v), which unitchecker must still accept.
func vetActive(as []*analysis.Analyzer, wd, unitCfg string, flags ...string) []*analysis.Analyzer {
	registerFactTypes(as, map[*analysis.Analyzer]bool{})
	cfgs, err := analyzers.TreeConfigs(wd)
	if err != nil {
		return as
	}
	if dir := unitDir(unitCfg); dir != "" {
		cfg, err := analyzers.NewConfigLoader().ForDir(dir)
		if err != nil {
			return as
		}
		cfgs = append(cfgs, cfg)
	}
	named := map[string]bool{}
	for _, f := range flags {
		f = strings.TrimLeft(f, "-")
		f, _, _ = strings.Cut(f, "=")
		f, _, _ = strings.Cut(f, ".")
		named[f] = true
	}
	kept := map[*analysis.Analyzer]bool{}
	for _, a := range analyzers.Active(as, nil, cfgs...) {
		kept[a] = true
	}
	out := as[:0:0]
	for _, a := range as {
		if kept[a] || named[a.Name] {
			out = append(out, a)
		}
	}
	return out
}

func registerFactTypes(as []*analysis.Analyzer, seen map[*analysis.Analyzer]bool) {
	for _, a := range as {
		if seen[a] {
			continue
		}
		seen[a] = true
		for _, f := range a.FactTypes {
			gob.Register(f)
		}
		registerFactTypes(a.Requires, seen)
	}
}

// unitDir returns the directory of the package the go command's unit.cfg
// describes, or "" for a unit analyzed only for the facts its importers
// need (VetxOnly), whose own configuration reports nothing.
func unitDir(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	var unit struct {
		GoFiles  []string
		VetxOnly bool
	}
	if json.Unmarshal(data, &unit) != nil || unit.VetxOnly || len(unit.GoFiles) == 0 {
		return ""
	}
	return filepath.Dir(unit.GoFiles[0])
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
	dir := unitDir(path)
	if dir == "" {
		return nil // unitchecker reports an unreadable unit.cfg
	}
	return analyzers.CheckConfig(dir)
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
