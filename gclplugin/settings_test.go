package gclplugin

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestSettingsTOML(t *testing.T) {
	// Numbers must keep their kind through the JSON round trip of
	// register.DecodeSettings: an integer option must not become 3.0.
	var s Settings
	data := `{"exclude":["gen/**"],"tests":true,"rules":{"some-rule":{"enabled":false,"severity":"info","max":3,"ratio":0.5,"timeout":"5s","hosts":["a","b"]}}}`
	if err := json.Unmarshal([]byte(data), &s); err != nil {
		t.Fatal(err)
	}
	got, err := s.TOML()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`exclude = ["gen/**"]`,
		`tests = true`,
		`[rules.some-rule]`,
		`enabled = false`,
		`severity = "info"`,
		`max = 3` + "\n",
		`ratio = 0.5`,
		`timeout = "5s"`,
		`hosts = ["a", "b"]`,
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("TOML lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(string(got), "generated") {
		t.Errorf("TOML sets generated, which the settings left unset:\n%s", got)
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
