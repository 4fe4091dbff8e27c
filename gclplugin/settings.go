package gclplugin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/golangci/plugin-module-register/register"

	"github.com/prodlint/prodlint/analyzers"
)

// Settings mirrors rules.toml: the plugin's settings in .golangci.yml take
// the same keys, so a team can move between the two without translation.
type Settings struct {
	// Exclude holds globs of files whose findings are not reported,
	// relative to the directory golangci-lint runs in.
	Exclude []string `json:"exclude,omitempty"`
	// Tests says whether _test.go files are analyzed. golangci-lint's own
	// run.tests decides whether they are loaded at all.
	Tests *bool `json:"tests,omitempty"`
	// Generated says whether generated files are analyzed.
	Generated *bool `json:"generated,omitempty"`
	// Examples says whether packages under example directories are
	// analyzed.
	Examples *bool `json:"examples,omitempty"`
	// HonorNolint says whether #nosec directives silence the rules that
	// report the same check as gosec (golangci-lint applies //nolint
	// itself).
	HonorNolint *bool `json:"honor_nolint,omitempty"`
	// Production says which directories hold production code.
	Production *ProductionSettings `json:"production,omitempty"`
	// Rules holds one table per rule id.
	Rules map[string]RuleSettings `json:"rules,omitempty"`
}

// ProductionSettings is the production table of rules.toml.
type ProductionSettings struct {
	NonProduction     []string `json:"non_production,omitempty"`
	AlsoNonProduction []string `json:"also_non_production,omitempty"`
	Production        []string `json:"production,omitempty"`
}

// RuleSettings is one rule's table: enabled, severity, and the rule's own
// options beside them, as in rules.toml.
type RuleSettings struct {
	Enabled  *bool
	Severity *string
	// Options holds the rule's option keys; their names and types are
	// checked against the rule's options by analyzers.ParseConfig.
	Options map[string]any
}

// UnmarshalJSON takes enabled and severity, and every other key as an
// option. Numbers keep their integer-ness (json.Number), so that an integer
// option is not turned into a float on the way through.
func (r *RuleSettings) UnmarshalJSON(data []byte) error {
	if d := bytes.TrimSpace(data); len(d) == 0 || d[0] != '{' {
		return fmt.Errorf("a rule's settings must be a table of enabled, severity and the rule's options, got %s", d)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var table map[string]any
	if err := dec.Decode(&table); err != nil {
		return err
	}
	*r = RuleSettings{}
	for key, v := range table {
		// A value of the wrong type stays among the options, where the
		// rules.toml validator reports it with the rule id and key.
		if b, isBool := v.(bool); key == "enabled" && isBool {
			r.Enabled = &b
			continue
		}
		if s, isString := v.(string); key == "severity" && isString {
			r.Severity = &s
			continue
		}
		if r.Options == nil {
			r.Options = map[string]any{}
		}
		r.Options[key] = v // json.Numbers: the validator takes them as the option's type
	}
	return nil
}

// table returns the rule's table, as in rules.toml.
func (r RuleSettings) table() map[string]any {
	t := map[string]any{}
	for k, v := range r.Options {
		t[k] = v
	}
	if r.Enabled != nil {
		t["enabled"] = *r.Enabled
	}
	if r.Severity != nil {
		t["severity"] = *r.Severity
	}
	return t
}

// decodeConfig turns golangci-lint's raw settings into a validated
// configuration, or nil when there are none (rules.toml discovery).
func decodeConfig(raw any) (*analyzers.Config, error) {
	if isEmpty(raw) {
		return nil, nil
	}
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "decoding settings: ")
		if strings.Contains(msg, "unknown field") {
			msg += " (known keys: " + strings.Join(analyzers.ConfigKeys(), ", ") + ")"
		}
		return nil, fmt.Errorf("prodlint settings: %s", msg)
	}
	return s.Config()
}

// isEmpty reports whether golangci-lint passed no settings at all.
func isEmpty(raw any) bool {
	if raw == nil {
		return true
	}
	v := reflect.ValueOf(raw)
	return v.Kind() == reflect.Map && v.Len() == 0
}

// Config validates the settings with the configuration validator, so that
// one set of checks (rule ids, option keys and types, severities, globs)
// serves both rules.toml and the plugin, and returns the configuration.
func (s Settings) Config() (*analyzers.Config, error) {
	// Exclude globs are relative to the directory of the configuration
	// "file": the directory golangci-lint runs in.
	wd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("prodlint settings: %v", err)
	}
	cfg, err := analyzers.ConfigFromValues(filepath.Join(wd, ".golangci.yml"), s.values())
	if err != nil {
		var ce *analyzers.ConfigError
		if errors.As(err, &ce) {
			if ce.Key == "" {
				return nil, fmt.Errorf("prodlint settings: %s", ce.Msg)
			}
			return nil, fmt.Errorf("prodlint settings: %s: %s", ce.Key, ce.Msg)
		}
		return nil, fmt.Errorf("prodlint settings: %v", err)
	}
	return cfg, nil
}

// values returns the settings as the configuration's keys and values,
// leaving out what the settings leave unset.
func (s Settings) values() map[string]any {
	doc := map[string]any{}
	if s.Exclude != nil {
		doc["exclude"] = s.Exclude
	}
	if s.Tests != nil {
		doc["tests"] = *s.Tests
	}
	if s.Generated != nil {
		doc["generated"] = *s.Generated
	}
	if s.Examples != nil {
		doc["examples"] = *s.Examples
	}
	if s.HonorNolint != nil {
		doc["honor_nolint"] = *s.HonorNolint
	}
	if p := s.Production; p != nil {
		table := map[string]any{}
		if p.NonProduction != nil {
			table["non_production"] = p.NonProduction
		}
		if p.AlsoNonProduction != nil {
			table["also_non_production"] = p.AlsoNonProduction
		}
		if p.Production != nil {
			table["production"] = p.Production
		}
		doc["production"] = table
	}
	if len(s.Rules) > 0 {
		rules := map[string]any{}
		for id, r := range s.Rules {
			rules[id] = r.table()
		}
		doc["rules"] = rules
	}
	return doc
}
