package config

import (
	"fmt"
	"time"
)

// Duration is a time.Duration written in rules.toml as a string such as
// "30s" or "24h".
type Duration time.Duration

// UnmarshalText parses a Go duration string.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("wants a duration such as \"30s\" or \"24h\", got %q", b)
	}
	if v < 0 {
		return fmt.Errorf("wants a positive duration, got %q", b)
	}
	*d = Duration(v)
	return nil
}

// MarshalText writes the duration as a Go duration string.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// String returns the duration in Go syntax, trimmed of zero units ("30s",
// not "30.000s"; "24h", not "24h0m0s").
func (d Duration) String() string {
	s := time.Duration(d).String()
	for _, zero := range []string{"0s", "0m"} {
		if len(s) > len(zero) && s[len(s)-len(zero):] == zero && (s[len(s)-len(zero)-1] < '0' || s[len(s)-len(zero)-1] > '9') {
			s = s[:len(s)-len(zero)]
		}
	}
	return s
}

// Std returns the value as a time.Duration.
func (d Duration) Std() time.Duration { return time.Duration(d) }
