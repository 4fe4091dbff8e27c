package httpstatus

import (
	"fmt"
	"io"
	"net/http"

	"example.com/harness"
)

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

func quietStatusRead(u string) (string, error) {
	resp, err := client.Get(u)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("%s: %s", resp.Status, body)
	}
	return string(body), nil
}

func verifyStatus(resp *http.Response) error {
	if resp.StatusCode >= 300 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func quietResponseHandedOff(u string) (string, error) {
	resp, err := client.Get(u)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if err := verifyStatus(resp); err != nil {
		return "", err
	}
	body, err := io.ReadAll(resp.Body)
	return string(body), err
}

func quietBodyNotRead(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}
