package exehash

import (
	"crypto/sha256"
	"os"
	"testing"
)

func TestSumIsTheExecutablesHash(t *testing.T) {
	got, err := Sum()
	if err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	if want := sha256.Sum256(data); string(got) != string(want[:]) {
		t.Errorf("Sum() = %x, want %x", got, want)
	}
}
