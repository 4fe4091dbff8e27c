package httpstatus

import (
	"fmt"
	"io"
)

// The same read in a file that does not import testing (production code) with no *testing.T is reported.
func currentConfig(port int) ([]byte, error) {
	resp, err := client.Get(fmt.Sprintf("http://localhost:%d/config/", port))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from client.Get is read but resp.StatusCode is never checked`
}
