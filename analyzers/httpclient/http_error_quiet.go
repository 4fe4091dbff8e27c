package httpclient

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// errorQuiet are the safe forms of a send, whatever its results.
var errorQuiet = []rule.QuietForm[sendResults]{resultsHandedOn, sendTestHarness}

// errorUseQuiet is the safe form of a response and error kept in
// variables; the candidate says whether no use of the response runs
// before the error is checked.
var errorUseQuiet = []rule.QuietForm[bool]{
	{
		Name: "checked-before-use",
		Doc: "An error read (compared, returned, passed on, logged) in the statement that first uses the response, or " +
			"earlier (`if err != nil`, `return resp, err`, `if resp, err := c.Do(req); err == nil`), and uses of the " +
			"response guarded by a nil check before the error is checked (`if resp != nil { defer resp.Body.Close() }`, " +
			"also inside a deferred closure).",
		Applies: func(checkedFirst bool) bool { return checkedFirst },
	},
}
