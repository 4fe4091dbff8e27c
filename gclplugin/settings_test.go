package gclplugin

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prodlint/prodlint/analyzers"
)

func TestSettingsConfig(t *testing.T) {
	// The settings, as register.DecodeSettings hands them over (a JSON
	// round trip), become the typed configuration directly; numbers keep
	// their kind (an integer option is not turned into 3.0 on the way).
	var s Settings
	data := `{"exclude":["gen/**"],"tests":true,"rules":{"secret-literal":{"enabled":false,"severity":"info","min_length":3,"entropy":0.5,"allow":["^a","^b"]},"http-timeout":{"timeout":"5s"}}}`
	if err := json.Unmarshal([]byte(data), &s); err != nil {
		t.Fatal(err)
	}
	cfg, err := s.Config()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg.Exclude, []string{"gen/**"}) || !cfg.Tests {
		t.Errorf("exclude = %v, tests = %v; want [gen/**], true", cfg.Exclude, cfg.Tests)
	}
	if cfg.Generated {
		t.Error("generated is on, which the settings left unset (default off)")
	}
	lit := cfg.Rule("secret-literal")
	if lit.Enabled || lit.Severity != "info" {
		t.Errorf("secret-literal: enabled = %v, severity = %q; want false, info", lit.Enabled, lit.Severity)
	}
	opts := reflect.ValueOf(lit.Options).Elem()
	if got := opts.FieldByName("MinLength").Int(); got != 3 {
		t.Errorf("min_length = %v, want 3", got)
	}
	if got := opts.FieldByName("Entropy").Float(); got != 0.5 {
		t.Errorf("entropy = %v, want 0.5", got)
	}
	if got := opts.FieldByName("Allow").Interface(); !reflect.DeepEqual(got, []string{"^a", "^b"}) {
		t.Errorf("allow = %v, want [^a ^b]", got)
	}
	timeout := reflect.ValueOf(cfg.Rule("http-timeout").Options).Elem().FieldByName("Timeout")
	if got := time.Duration(timeout.Int()); got != 5*time.Second {
		t.Errorf("timeout = %v, want 5s", got)
	}
}

// TestSettingsKeys: the settings take exactly the configuration's
// top-level keys, so the two cannot drift apart.
func TestSettingsKeys(t *testing.T) {
	var tags []string
	st := reflect.TypeOf(Settings{})
	for i := range st.NumField() {
		tags = append(tags, strings.Split(st.Field(i).Tag.Get("json"), ",")[0])
	}
	if want := analyzers.ConfigKeys(); !reflect.DeepEqual(tags, want) {
		t.Errorf("Settings keys = %v, configuration keys = %v", tags, want)
	}
}

func TestSettingsNumbersReachOptions(t *testing.T) {
	// As viper hands YAML over: integers as int, also where the option is
	// a float (entropy: 4).
	raw := map[string]any{"rules": map[string]any{
		"secret-literal": map[string]any{"entropy": 4, "min_length": 12},
		"http-timeout":   map[string]any{"timeout": "5s"},
	}}
	p, err := New(raw)
	if err != nil {
		t.Fatal(err)
	}
	opts := reflect.ValueOf(p.(*plugin).cfg.Rule("secret-literal").Options).Elem()
	if got := opts.FieldByName("Entropy").Float(); got != 4 {
		t.Errorf("entropy = %v, want 4", got)
	}
	if got := opts.FieldByName("MinLength").Int(); got != 12 {
		t.Errorf("min_length = %v, want 12", got)
	}
	timeout := reflect.ValueOf(p.(*plugin).cfg.Rule("http-timeout").Options).Elem().FieldByName("Timeout")
	if got := time.Duration(timeout.Int()); got != 5*time.Second {
		t.Errorf("timeout = %v, want 5s", got)
	}
}
