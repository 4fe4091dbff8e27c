// Package ignored holds a finding silenced by a //prodlint:ignore
// directive, and a directive that names an unknown rule, which the
// ignore-directive rule reports.
package ignored

import (
	"fmt"
	"io"
	"net/http"
)

// Probe fetches url.
func Probe(url string) ([]byte, error) {
	//prodlint:ignore http-timeout the probe must hang with its target: the kubelet's probe timeout bounds it
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

//prodlint:ignore no-such-rule because this fixture tests the directive rule
var Version = "1"
