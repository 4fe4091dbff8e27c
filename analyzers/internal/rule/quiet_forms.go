package rule

// TestHarness is the quiet form every rule that honours IsTestCode shares:
// isTest says whether the candidate is test code.
func TestHarness[C any](isTest func(C) bool) QuietForm[C] {
	return QuietForm[C]{
		Name: "test-harness",
		Doc: "Test-harness code outside _test.go files, with tests = false: a function that uses a *testing.T, " +
			"*testing.B, *testing.F or testing.TB (a parameter, or a field such as tc.t) is test code.",
		Applies: isTest,
	}
}
