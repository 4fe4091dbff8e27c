package server_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/server"
)

func TestTimeout(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.Timeout())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "server-timeout", "server-timeout/examples/webhook",
		"server-timeout/testonly/mdm/mdmtest", "server-timeout/internal/mocks", "server-timeout/internal/mockoidc", "server-timeout/internal/fakeservertest")
}

// TestTimeoutDebugListener: a DefaultServeMux listener started only when
// its address is configured is quiet, unless the package registers its own
// handlers there.
func TestTimeoutDebugListener(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.Timeout())
	analysistest.Run(t, ruletest.TestData(), a, "server-timeout/debuglistener", "server-timeout/debuglistener/registers")
}

// TestTimeoutTestSupportWithTests: with tests = true, test-support packages
// (a mocks directory) are reported like _test.go files.
func TestTimeoutTestSupportWithTests(t *testing.T) {
	a := ruletest.Analyzer(t, "tests = true\n", server.Timeout())
	analysistest.Run(t, ruletest.TestData(), a, "server-timeout/testsupport/internal/mocks")
}

func TestTimeoutOptions(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.server-timeout]\nread-header-timeout = \"5s\"\nrequire-write-timeout = true\n", server.Timeout())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "server-timeout/options")
}

// TestTimeoutNonProduction: demos, samples and test tools are not
// reported; the deployed command beside them is.
func TestTimeoutNonProduction(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.Timeout())
	analysistest.Run(t, ruletest.TestData(), a, "server-timeout/nonprod/...")
}

// TestTimeoutForeignDirectives: #nosec G112/G114 and //nolint:gosec
// silence server-timeout, unless honor_nolint is off.
func TestTimeoutForeignDirectives(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.Timeout())
	analysistest.Run(t, ruletest.TestData(), a, "server-timeout/nolint")
	off := ruletest.Analyzer(t, "honor_nolint = false\n", server.Timeout())
	res := analysistest.Run(&silentT{T: t}, ruletest.TestData(), off, "server-timeout/nolint")
	if n := len(res[0].Diagnostics); n != 4 {
		t.Errorf("honor_nolint = false: got %d findings, want 4 (every server)", n)
	}
}

// silentT swallows analysistest's complaints, for a test that counts
// findings itself.
type silentT struct{ *testing.T }

func (s *silentT) Errorf(format string, args ...any) {}

// TestLoopbackDefault: a constant loopback listener is quiet for both
// server rules; a loopback address that is only a flag's default is not.
func TestLoopbackDefault(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", server.Timeout()), "server-timeout/loopbackdefault")
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", server.Shutdown()), "no-graceful-shutdown/loopbackdefault")
}

// TestTimeoutDeadInBuild: a debug listener that only a build-tagged file
// enables never runs in the default build; a runtime guard is reported.
func TestTimeoutDeadInBuild(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", server.Timeout()), "server-timeout/buildtag")
}

// TestTimeoutSetByCallee: a server handed to a function that sets its read
// timeout (a library's, or one of another package through its fact) is
// quiet; one handed to a function that sets other fields is reported.
func TestTimeoutSetByCallee(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", server.Timeout()), "server-timeout/setbycallee")
}
