// Package gclplugin is prodlint's golangci-lint v2 module plugin. A custom
// golangci-lint binary that imports it for its side effect (see
// .custom-gcl.yml and scripts/build-custom-gcl.sh) offers a linter
// "prodlint" whose settings are the keys of rules.toml:
//
//	linters:
//	  enable: [prodlint]
//	  settings:
//	    custom:
//	      prodlint:
//	        type: module
//	        description: production-readiness checks
//	        settings:
//	          rules:
//	            http-timeout: {timeout: 10s}
//
// With settings, they govern every package. Without (no settings key, or
// an empty one), each package takes the nearest rules.toml above it, or
// the file $PRODLINT_CONFIG names, exactly as the prodlint command does.
package gclplugin

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers"
	"github.com/prodlint/prodlint/internal/exehash"
)

// Name is the linter name golangci-lint's configuration refers to.
const Name = "prodlint"

func init() {
	register.Plugin(Name, New)
}

// plugin is one linter configuration; golangci-lint calls New once per
// custom linter entry in its configuration.
type plugin struct {
	cfg *analyzers.Config // nil: per-package rules.toml discovery
}

var _ register.LinterPlugin = (*plugin)(nil)

// New validates the raw settings golangci-lint read from its
// configuration. Unknown keys and bad values are errors that name the key.
func New(raw any) (register.LinterPlugin, error) {
	cfg, err := decodeConfig(raw)
	if err != nil {
		return nil, err
	}
	return &plugin{cfg: cfg}, nil
}

// BuildAnalyzers returns fresh analyzers on every call, so that no state is
// shared with another linter configuration or another run.
//
// Every rule's analyzer is named after the linter: golangci-lint prints an
// analyzer's name before its message unless the two agree, and analyzer
// names must be Go identifiers (http_timeout), while each message already
// starts with the rule id users know, [http-timeout]. A configuration
// error is then reported as prodlint's too.
//
// One more analyzer, which reports nothing, carries a digest of prodlint's
// build and of the configuration files in its name: golangci-lint keys its
// cache of every package's issues on the analyzers' names (and its own
// settings and version), so an edited rules.toml or $PRODLINT_CONFIG, or
// another prodlint build, is a cache miss rather than stale issues.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	as := analyzers.New(analyzers.Options{Config: p.cfg})
	if p.cfg != nil {
		as = analyzers.Active(as, nil, p.cfg) // the settings govern every package: a rule off runs nothing it requires
	}
	for _, a := range as {
		a.Name = Name
	}
	key, err := p.cacheKey()
	if err != nil {
		return nil, err
	}
	return append(as, &analysis.Analyzer{
		Name: Name + "_" + key,
		Doc:  "carries prodlint's build and configuration into golangci-lint's cache key; reports nothing",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}), nil
}

// cacheKey identifies the prodlint build and, unless the settings in
// .golangci.yml govern every package (golangci-lint hashes those itself),
// the configuration files read from the directory golangci-lint runs in.
func (p *plugin) cacheKey() (string, error) {
	h := sha256.New()
	build, err := buildID()
	if err != nil {
		return "", fmt.Errorf("prodlint: %v", err)
	}
	fmt.Fprintf(h, "build %s\n", build)
	if p.cfg == nil {
		wd, err := os.Getwd()
		if err != nil {
			return "", fmt.Errorf("prodlint: %v", err)
		}
		fmt.Fprintf(h, "config %s\n", analyzers.ConfigDigest(wd))
	}
	return hex.EncodeToString(h.Sum(nil))[:32], nil
}

// buildID names the prodlint code compiled into this binary: its module
// version and checksum when it was built from a published version, else
// the executable's hash (a local replace or a development build, whose
// golangci-lint version string does not change with prodlint's code).
func buildID() (string, error) {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == modulePath && m.Replace == nil && m.Sum != "" && m.Version != "(devel)" {
				return m.Version + " " + m.Sum, nil
			}
		}
	}
	sum, err := exehash.Sum()
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(sum), nil
}

// modulePath is prodlint's module, as golangci-lint's build info lists it.
const modulePath = "github.com/prodlint/prodlint"

// GetLoadMode asks for type information: every rule matches APIs by type
// identity.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
