package httptimeout

import "net/http"

// minCacheTransport delegates each request it is handed to
// http.DefaultClient: the http.Client calling RoundTrip has applied its own
// Timeout to req's context already.
type minCacheTransport struct{}

func (minCacheTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Header.Set("Cache-Control", "max-age=60")
	return resp, nil
}

// Forward sends a request it is handed, but it is no RoundTrip: nothing
// says its callers bounded the request.
func Forward(req *http.Request) (*http.Response, error) {
	return http.DefaultClient.Do(req) // want `\[http-timeout\] http.DefaultClient has no timeout`
}

// refreshToken, beside a RoundTripper, sends a request of its own, made
// without any handed request's context.
func (minCacheTransport) refreshToken() (*http.Response, error) {
	token, err := http.NewRequest(http.MethodPost, "https://auth.example.com/token", nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(token) // want `\[http-timeout\] http.DefaultClient has no timeout`
}
