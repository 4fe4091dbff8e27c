package httpbodyclose

// The same call in a file that does not import testing (production code) with no testing.TB is reported.
func status(u string) (int, error) {
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is never closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
