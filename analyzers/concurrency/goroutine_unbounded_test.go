package concurrency_test

import (
	"fmt"
	"path/filepath"
	"strconv"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/concurrency"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

func TestGoroutineUnbounded(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.goroutine-unbounded]\nenabled = true\nall-loops = true\nhandler-spawns = true\n", concurrency.GoroutineUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "goroutine-unbounded")
}

// By default: every loop in request-serving code (an http handler, a
// function given the *http.Request), and a loop over a field of the
// request message of a method serving an RPC. Loops fed from outside the
// function elsewhere are quiet (the default fixture's narrowed.go).
func TestGoroutineUnboundedDefault(t *testing.T) {
	a := ruletest.Analyzer(t, "", concurrency.GoroutineUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "goroutine-unbounded/default")
}

// With input-loops: also loops fed from outside the function elsewhere (a
// parameter's wire field, decoded input, a query or fetch result, a
// message stream, an exported helper's parameter).
func TestGoroutineUnboundedInputLoops(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.goroutine-unbounded]\ninput-loops = true\n", concurrency.GoroutineUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "goroutine-unbounded/input")
}

// The default fixture's narrowed-away shapes (quiet by default, its file
// has no want for them) are each reported with input-loops.
func TestGoroutineUnboundedNarrowedReportedWithOption(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.goroutine-unbounded]\ninput-loops = true\n", concurrency.GoroutineUnbounded())
	var rec recorder // the unexpected diagnostics are the point here
	got := map[string]bool{}
	for _, r := range analysistest.Run(&rec, ruletest.TestData(), a, "goroutine-unbounded/default") {
		for _, d := range r.Action.Diagnostics {
			pos := r.Action.Package.Fset.Position(d.Pos)
			got[filepath.Base(pos.Filename)+":"+strconv.Itoa(pos.Line)] = true
		}
	}
	for _, want := range []string{
		"narrowed.go:30", // decoded payload
		"narrowed.go:43", // fetch result
		"narrowed.go:53", // receive loop
		"narrowed.go:62", // exported helper
		"rpc.go:64",      // a message's field outside a method serving a request
	} {
		if !got[want] {
			t.Errorf("with input-loops, expected a finding at %s; got %v", want, got)
		}
	}
}

type recorder struct{ msgs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

func TestGoroutineUnboundedOptions(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.goroutine-unbounded]\nenabled = true\nsmall-loop = 2\nerrgroup-limit = 4\nall-loops = true\n", concurrency.GoroutineUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "goroutine-unbounded/options")
}
