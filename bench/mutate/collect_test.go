package main

import (
	"errors"
	"strings"
	"testing"
)

// A module that fails (a full disk while writing a mutant) is named and
// left out; the modules after it stay in the record.
func TestCollectKeepsModulesAfterAFailure(t *testing.T) {
	fetched := []module{{Name: "a"}, {Name: "broken"}, {Name: "c"}}
	results := []*moduleResult{
		{ms: []*mutant{{ID: "a-1", Module: "a", Site: &site{Op: &operator{Name: "op", Rule: "r"}}}}},
		{err: errors.New("write x.go: no space left on device")},
		{ms: []*mutant{{ID: "c-1", Module: "c", Site: &site{Op: &operator{Name: "op", Rule: "r"}}}}},
	}
	rec, err := collect(fetched, results, &runRecord{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range rec.Mutants {
		ids = append(ids, m.ID)
	}
	if strings.Join(ids, ",") != "a-1,c-1" {
		t.Errorf("mutants kept: %v, want a-1 and c-1", ids)
	}
	if len(rec.Failed) != 1 || rec.Failed[0].Name != "broken" {
		t.Errorf("failed modules: %+v, want broken", rec.Failed)
	}
	if err := rec.failure(); err == nil || !strings.Contains(err.Error(), "broken: write x.go") {
		t.Errorf("failure() = %v, want the broken module named", err)
	}
}
