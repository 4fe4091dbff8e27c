package secret

import (
	"strings"
	"testing"
)

func TestMask(t *testing.T) {
	tests := []struct{ in, want string }{
		{"AKIA" + "VQJXXVBOTHD2WTFL", "AKIA****************"},
		{"gh" + "p_SnH6av1Ib8pp1xxXHU0BScJXj675eVq30XYq", "ghp_****************"},
		{"9d2Fq7LmX4vR8tZ1", "9d2F************"},
		{"hunter2Xk9!Lm", "hun**********"},
		{"Xk9Lm2", "X*****"},
		{"abc", "****"},
		{"", "****"},
		{"pässwörd-geheim", "päs************"},
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMaskNeverShowsTheSecret checks that a masked value never holds the
// secret, nor more than a quarter of a short one.
func TestMaskNeverShowsTheSecret(t *testing.T) {
	for n := 1; n <= 200; n++ {
		secret := strings.Repeat("Zq8vR2mK7pLw", 20)[:n]
		m := Mask(secret)
		shown := strings.TrimRight(m, "*")
		if strings.Contains(m, secret) || len(shown) > 4 || (n < 16 && len(shown) > n/4) {
			t.Errorf("mask of a %d-character secret is %q", n, m)
		}
		if strings.Count(m, "*") < 4 || strings.Count(m, "*") > maxStars {
			t.Errorf("mask of a %d-character secret has %d asterisks", n, strings.Count(m, "*"))
		}
	}
}
