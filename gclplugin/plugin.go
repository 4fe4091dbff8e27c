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
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers"
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
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return analyzers.New(analyzers.Options{Config: p.cfg}), nil
}

// GetLoadMode asks for type information: every rule matches APIs by type
// identity.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
