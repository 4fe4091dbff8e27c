package apis

import (
	"strings"
	"testing"
)

// TestTables checks that every entry of every table can match something
// and is consistent with its kind.
func TestTables(t *testing.T) {
	if len(libraries) == 0 {
		t.Fatal("no tables")
	}
	for path, l := range libraries {
		if path == "" || path != l.Path || strings.Contains(path, " ") {
			t.Errorf("table %q: bad path %q", path, l.Path)
		}
		var funcs []Funcs
		for _, s := range l.Sends {
			funcs = append(funcs, s.Funcs)
		}
		for _, p := range l.Pools {
			funcs = append(funcs, p.Funcs)
			if p.What == "" || p.Failure == "" || p.Advice == "" {
				t.Errorf("%s: pool %v lacks its what, failure or advice", path, p.Names)
			}
		}
		for _, g := range l.Logs {
			funcs = append(funcs, g.Funcs)
			if g.Style == KeyValueArgs && g.KVFrom < g.First {
				t.Errorf("%s: log %v: first key %d before first printed argument %d", path, g.Names, g.KVFrom, g.First)
			}
			if g.ToWriter && g.First != 1 {
				t.Errorf("%s: log %v writes to its first argument but prints from %d", path, g.Names, g.First)
			}
		}
		for _, tw := range l.Twins {
			funcs = append(funcs, tw.Funcs)
			if tw.TwinName == "" {
				t.Errorf("%s: twin of %v has no name", path, tw.Names)
			}
		}
		funcs = append(funcs, l.Hijacks...)
		funcs = append(funcs, l.ValuesOnlyTwins...)
		funcs = append(funcs, l.SetupOnlyContext...)
		funcs = append(funcs, l.ServerDefaults...)
		funcs = append(funcs, l.Accepts...)
		for _, f := range funcs {
			if len(f.Names) == 0 {
				t.Errorf("%s: an entry of %q names no function (it would match every one)", path, f.Recv)
			}
		}
		for _, q := range l.Queries {
			if len(q.Recvs) == 0 || len(q.Names) == 0 || q.Arg < 0 {
				t.Errorf("%s: query entry %v is incomplete", path, q.Names)
			}
		}
		for _, h := range l.Handlers {
			if h.Name == "" || len(h.Params) == 0 || h.Body == "" || h.Context == "" {
				t.Errorf("%s: handler shape %q is incomplete", path, h.Name)
			}
			for _, i := range []int{h.Writer, h.Request} {
				if i >= len(h.Params) {
					t.Errorf("%s: handler shape %q: parameter %d out of range", path, h.Name, i)
				}
			}
			if (h.Writer < 0) != (h.Request < 0) {
				t.Errorf("%s: handler shape %q has a writer or a request parameter but not both", path, h.Name)
			}
		}
	}
}

// TestPaths checks the import lists the rules' fast paths are built from.
func TestPaths(t *testing.T) {
	for name, got := range map[string][]string{
		"sends": SendPaths(), "pools": PoolPaths(), "logs": LogPaths(), "queries": QueryPaths(), "jwt": JWTPaths(),
	} {
		if len(got) == 0 {
			t.Errorf("%s: no package", name)
		}
		for _, p := range got {
			if Of(p) == nil {
				t.Errorf("%s: %s has no table", name, p)
			}
		}
	}
	if !contains(SendPaths(), "github.com/go-resty/resty/v2") || !contains(SendPaths(), "net/http") {
		t.Errorf("SendPaths() = %v, want net/http and resty among them", SendPaths())
	}
	if contains(SendPaths(), "log") {
		t.Errorf("SendPaths() = %v lists a logger", SendPaths())
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
