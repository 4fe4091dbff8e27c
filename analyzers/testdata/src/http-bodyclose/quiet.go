package httpbodyclose

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"example.com/harness"
)

// Quiet forms of http-bodyclose without a fixture of their own elsewhere
// (rule.FixtureFunc), beside a reported twin.

func quietTestHarness(s *harness.Suite, u string) {
	resp, _ := client.Get(u)
	body := make([]byte, 10)
	resp.Body.Read(body)
	s.T.Log(string(body))
}

func testHarnessTwin(u string) string {
	resp, _ := client.Get(u) // want `\[http-bodyclose\]`
	body := make([]byte, 10)
	resp.Body.Read(body)
	return string(body)
}

func quietResultsHandedOn(u string) (*http.Response, error) {
	return client.Get(u)
}

// The body is read whole on every path before any return, and never
// closed: at EOF the Transport puts the connection back in its pool.
func quietReadToEof(req *http.Request) (string, error) {
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	} else if body, err := io.ReadAll(resp.Body); err != nil {
		return "", err
	} else if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("status %d: %s", resp.StatusCode, body)
	} else {
		return string(body), nil
	}
}

// Twin: the status is checked before the read, so the error path returns
// with the body unread.
func readToEOFAfterStatusTwin(req *http.Request) (string, error) {
	resp, err := client.Do(req) // want `\[http-bodyclose\] the body of the response from client.Do is never closed`
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("status %d", resp.StatusCode)
	}
	body, err := io.ReadAll(resp.Body)
	return string(body), err
}

// Twin: drained into io.Discard only on the success path; the error path
// returns first.
func discardOnSuccessTwin(u string) error {
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is never closed`
	if err != nil {
		return err
	}
	if resp.StatusCode >= 500 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// Twin: a decoder stops at the end of its value, not at EOF.
func decodedNotDrainedTwin(u string) (map[string]any, error) {
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is never closed`
	if err != nil {
		return nil, err
	}
	var v map[string]any
	err = json.NewDecoder(resp.Body).Decode(&v)
	return v, err
}

// A close on one branch and a whole read on the other: every path is
// covered (read-to-eof), so nothing is reported.
func closedOrDrained(u string, keep bool) ([]byte, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	if keep {
		defer resp.Body.Close()
		return nil, nil
	}
	return io.ReadAll(resp.Body)
}

func quietFailedSendPath(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(new(map[string]any))
}

func quietPanicOrExitPath(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		panic(fmt.Sprintf("unexpected status %d", resp.StatusCode))
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(new(map[string]any))
}

func quietClosedElsewhere(u string) error {
	var resp *http.Response
	defer func() {
		if resp != nil {
			resp.Body.Close()
		}
	}()
	var err error
	resp, err = client.Get(u)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(new(map[string]any))
}

// Read to its end through writers that cannot fail: a base64 encoder over
// a bytes.Buffer, and a hash. Never closed, but the copy stops only at EOF
// or a failed read (copiedNotClosed, into any io.Writer, is the reported
// twin).
func quietReadToEofThroughBuffer(u string) (string, error) {
	resp, err := client.Get(u)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	enc := base64.NewEncoder(base64.StdEncoding, &buf)
	_, _ = io.Copy(enc, resp.Body)
	_ = enc.Close()
	return buf.String(), nil
}

func quietReadToEofIntoHash(u string) ([]byte, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	if _, err := io.Copy(h, resp.Body); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// Twin: the encoder's variable is given another writer before the copy.
func readToEofEncoderReassignedTwin(u string, w io.Writer) error {
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is never closed`
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := base64.NewEncoder(base64.StdEncoding, &buf)
	enc = base64.NewEncoder(base64.StdEncoding, w)
	_, err = io.Copy(enc, resp.Body)
	return err
}
