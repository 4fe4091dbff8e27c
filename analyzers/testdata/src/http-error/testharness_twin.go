package httperror

// The same call in a file that does not import testing (production code) with no *testing.T is reported.
func poke(u string) {
	client.Post(u, "text/plain", nil) // want `\[http-error\] the error of client.Post is discarded with the response`
}
