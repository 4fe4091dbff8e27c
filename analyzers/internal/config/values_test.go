package config

import (
	"errors"
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestFromValuesAgreesWithParse: a configuration given as values (as the
// golangci-lint plugin gets its settings) is checked as the same
// configuration written in rules.toml: the same result, or an error with
// the same key and message.
func TestFromValuesAgreesWithParse(t *testing.T) {
	for _, src := range []string{
		"exclude = [\"gen/**\", \"**/mocks\"]\ntests = true\n[rules.http-timeout]\nseverity = \"warning\"\ntimeout = \"5s\"\nallow = [\"a\", \"b\"]\nlimit = 7\nratio = 2\n[rules.migration-lock]\nenabled = true\n",
		"[production]\nnon_production = [\"**/samples\"]\nproduction = [\"cmd/x\"]\n",
		"generated = true\nexamples = true\nhonor_nolint = false\n",
		"[rules.http-timeout]\nenabled = true\ntimout = \"5s\"\n",
		"tests = true\nexclud = []\n",
		"[rules.http-timout]\nenabled = false\n",
		"[rules.http-timeout]\nenabled = \"yes\"\n",
		"[rules.http-timeout]\nlimit = \"3\"\n",
		"[rules.http-timeout]\nlimit = 2.5\n",
		"[rules.http-timeout]\ntimeout = \"5 seconds\"\n",
		"[rules.http-timeout]\ntimeout = 5\n",
		"[rules.http-timeout]\nallow = [1]\n",
		"[rules.http-timeout]\nseverity = \"fatal\"\n",
		"exclude = [\"[\"]\n",
		"exclude = \"gen\"\n",
		"rules = 3\n",
		"production = 3\n",
		"[production]\nnon = []\n",
		"[production]\nproduction = [\"[\"]\n",
		"[rules.http-timeout]\nratio = -0.5\n",
		"[rules.http-timeout]\nlimit = 0\n",
		"[rules.http-timeout]\ntimeout = \"0s\"\n",
		"[rules.http-timeout]\ntimeout = \"-5s\"\n",
		"tests = 1\n",
	} {
		var doc map[string]any
		if _, err := toml.Decode(src, &doc); err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		want, wantErr := Parse("rules.toml", []byte(src), testSpecs())
		got, gotErr := FromValues("rules.toml", doc, testSpecs())
		if (wantErr == nil) != (gotErr == nil) {
			t.Errorf("%q: Parse error %v, FromValues error %v", src, wantErr, gotErr)
			continue
		}
		if wantErr != nil {
			var we, ge *Error
			if !errors.As(wantErr, &we) || !errors.As(gotErr, &ge) || we.Key != ge.Key || we.Msg != ge.Msg || ge.Line != 0 {
				t.Errorf("%q: Parse error %v, FromValues error %v", src, wantErr, gotErr)
			}
			continue
		}
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%q: Parse gives %+v, FromValues %+v", src, want, got)
		}
	}
}
