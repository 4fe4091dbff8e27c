package server_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/server"
)

func TestShutdown(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.Shutdown())
	analysistest.Run(t, ruletest.TestData(), a,
		"no-graceful-shutdown", "no-graceful-shutdown/graceful", "no-graceful-shutdown/methodvalue", "no-graceful-shutdown/lib", "no-graceful-shutdown/handoff",
		"no-graceful-shutdown/examples/webhook", "no-graceful-shutdown/testonly/mdm/mdmtest", "no-graceful-shutdown/cmd/mdmtest", "no-graceful-shutdown/nolint", "no-graceful-shutdown/pkgserve", "no-graceful-shutdown/sidelistener", "no-graceful-shutdown/sidedebug",
		"no-graceful-shutdown/defaultmux", "no-graceful-shutdown/defaultmuxapp",
		"no-graceful-shutdown/defaultmuxwrapped", "no-graceful-shutdown/defaultmuxwrappedapp", "no-graceful-shutdown/unixsocket", "no-graceful-shutdown/probemux",
		"no-graceful-shutdown/defaultmuxredirect", "no-graceful-shutdown/defaultmuxredirectonly")
}

// TestShutdownForeignDirectivesOff: with honor_nolint = false the #nosec
// G114 server is reported too.
func TestShutdownForeignDirectivesOff(t *testing.T) {
	a := ruletest.Analyzer(t, "honor_nolint = false\n", server.Shutdown())
	res := analysistest.Run(&silentT{T: t}, ruletest.TestData(), a, "no-graceful-shutdown/nolint")
	if n := len(res[0].Diagnostics); n != 2 {
		t.Errorf("honor_nolint = false: got %d findings, want 2", n)
	}
}
