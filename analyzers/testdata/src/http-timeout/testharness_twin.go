package httptimeout

import (
	"fmt"
	"net/http"
)

// The same call in a file that does not import testing (production code) with no *testing.T is reported.
func dumpConfig(port int) error {
	res, err := http.Get(fmt.Sprintf("http://localhost:%d/config/", port)) // want `\[http-timeout\] http.Get uses http.DefaultClient`
	if err != nil {
		return err
	}
	return res.Body.Close()
}
