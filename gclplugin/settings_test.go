package gclplugin

import (
	"encoding/json"
	"strings"
	"testing"
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
