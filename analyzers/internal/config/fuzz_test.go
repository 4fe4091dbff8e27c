package config

import (
	"errors"
	"testing"
)

// FuzzParse: any input yields a configuration or an *Error that names the
// file, never a panic.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"",
		"exclude = [\"gen/**\"]\ntests = true\n",
		"[rules.http-timeout]\nenabled = false\nseverity = \"info\"\ntimeout = \"5s\"\nlimit = 4\nallow = [\"x\"]\n",
		"[rules.http-timeout]\ntimout = 1\n",
		"[rules]\nhttp-timeout.limit = \"x\"\n",
		"rules = { http-timeout = { timeout = 5 } }\n",
		"[[rules]]\n",
		"[rules.nope]\n",
		"exclude = [\"[\"]\n",
		"a = \"\"\"\nmulti\n\"\"\"\nb = 1\n",
		"[rules.http-timeout\n",
		"tests = 1979-05-27T07:32:00Z\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		cfg, err := Parse("rules.toml", []byte(src), testSpecs())
		if err != nil {
			var cerr *Error
			if !errors.As(err, &cerr) || cerr.File != "rules.toml" {
				t.Fatalf("error %v (%T) is not a located *Error", err, err)
			}
			return
		}
		if cfg == nil {
			t.Fatal("nil configuration without an error")
		}
		_ = cfg.AnalyzesFile("x/y.go", nil)
	})
}
