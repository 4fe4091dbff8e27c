package httpstatus

import (
	"io"
	"net/http"
)

// One variable holds three responses in turn, each assigned by a statement
// of the same block: each send is judged by the uses up to the next one.
// The first is checked; the second is reported at its own read, not at the
// first send's read; the third is checked.
func reusedResponseVar(a, b, c string) ([]byte, []byte, []byte) {
	res, err := http.Get(a)
	if err != nil {
		return nil, nil, nil
	}
	if res.StatusCode != http.StatusOK {
		return nil, nil, nil
	}
	first, _ := io.ReadAll(res.Body)
	res.Body.Close()

	res, err = http.Get(b)
	if err != nil {
		return nil, nil, nil
	}
	second, _ := io.ReadAll(res.Body) // want `^\[http-status\] the body of the response from http.Get is read but res.StatusCode is never checked: a 429 or 500 error page is read as if it were data; check StatusCode before using the body \(in reusedResponseVar\)$`
	res.Body.Close()

	res, err = http.Get(c)
	if err != nil || res.StatusCode != http.StatusOK {
		return nil, nil, nil
	}
	third, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return first, second, third
}

// The twin: the variable is assigned again only in a branch, which may or
// may not replace the response, so every use counts for both sends, and
// the status check seen before the branch covers the read after it.
func reassignedInBranch(a, b string) []byte {
	res, err := http.Get(a)
	if err != nil {
		return nil
	}
	if res.StatusCode == http.StatusUnauthorized {
		res.Body.Close()
		res, err = http.Get(b)
		if err != nil {
			return nil
		}
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return body
}
