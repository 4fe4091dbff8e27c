package httpstatus

import "example.com/harness"

// Quiet forms of http-status without a fixture of their own elsewhere
// (rule.FixtureFunc), beside a reported twin.

func quietTestHarness(s *harness.Suite, u string) {
	resp, _ := client.Get(u)
	body := make([]byte, 10)
	resp.Body.Read(body)
	s.T.Log(string(body))
}

func testHarnessTwin(u string) string {
	resp, _ := client.Get(u)
	body := make([]byte, 10)
	resp.Body.Read(body) // want `\[http-status\]`
	return string(body)
}
