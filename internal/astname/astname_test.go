package astname

import (
	"go/parser"
	"testing"
)

func TestReceiver(t *testing.T) {
	for src, want := range map[string]string{
		"T": "T", "*T": "T", "(*T)": "T", "T[K]": "T", "*T[K, V]": "T", "pkg.T": "", "[]T": "",
	} {
		e, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := Receiver(e); got != want {
			t.Errorf("Receiver(%s) = %q, want %q", src, got, want)
		}
	}
}
