package main

import "testing"

func TestSelectOps(t *testing.T) {
	all := operators()
	names := func(ops []*operator) map[string]bool {
		m := map[string]bool{}
		for _, op := range ops {
			m[op.Name] = true
		}
		return m
	}
	got, err := selectOps(all, "", "")
	if err != nil || len(got) != len(all) {
		t.Fatalf("no filter: %d of %d operators, %v", len(got), len(all), err)
	}
	got, err = selectOps(all, "", "jwt-unverified,migration-lock")
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range got {
		if op.Rule != "jwt-unverified" && op.Rule != "migration-lock" {
			t.Errorf("-rules kept %s of %s", op.Name, op.Rule)
		}
	}
	want := 0
	for _, op := range all {
		if op.Rule == "jwt-unverified" || op.Rule == "migration-lock" {
			want++
		}
	}
	if len(got) != want || want == 0 {
		t.Errorf("-rules kept %d operators, want %d", len(got), want)
	}
	got, err = selectOps(all, "select-star", "sql-rows-err")
	if err != nil {
		t.Fatal(err)
	}
	if n := names(got); !n["select-star"] || !n["rows-err-delete"] || len(n) != 2 {
		t.Errorf("-ops with -rules kept %v", n)
	}
	if _, err := selectOps(all, "", "no-such-rule"); err == nil {
		t.Error("an unknown rule selected no operator and no error")
	}
	if _, err := selectOps(all, "no-such-op", ""); err == nil {
		t.Error("an unknown operator selected no operator and no error")
	}
}

// TestFactRules: the rules whose findings can move to an importer are those
// that read facts across packages, directly or through a summary.
func TestFactRules(t *testing.T) {
	got := factRules()
	for id, want := range map[string]bool{"request-body-unbounded": true, "tls-insecure": false} {
		if got[id] != want {
			t.Errorf("factRules()[%q] = %v, want %v", id, got[id], want)
		}
	}
}
