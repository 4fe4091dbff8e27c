package httperror

import (
	"io"
	"net/http"
)

// A condition whose left operand tests the response for nil guards its
// right operand.
func shortCircuitNilGuard(req *http.Request) error {
	resp, err := client.Do(req)
	if resp != nil && resp.Body != nil {
		defer resp.Body.Close()
	}
	if err == nil && resp.StatusCode != http.StatusOK {
		return io.ErrUnexpectedEOF
	}
	return err
}

// The twin: the body is read before err is checked.
func shortCircuitThenBodyRead(req *http.Request) error {
	resp, err := client.Do(req)
	if resp != nil && resp.Body != nil {
		defer resp.Body.Close()
	}
	_, _ = io.ReadAll(resp.Body) // want `\[http-error\] resp is used before the error of client.Do is checked`
	return err
}

// A || whose left operand tests for nil guards its right operand too.
func orNilGuard(req *http.Request) error {
	resp, err := client.Do(req)
	if resp == nil || resp.Body == nil {
		return nil
	}
	return err
}

// The twin: a test of another variable guards nothing.
func otherNilGuard(req *http.Request, other *http.Response) error {
	resp, err := client.Do(req)
	if other != nil && resp.Body != nil { // want `\[http-error\] resp is used before the error of client.Do is checked`
		defer resp.Body.Close()
	}
	return err
}

// wrapped keeps the raw response; every accessor checks it for nil.
type wrapped struct {
	raw *http.Response
}

func (w *wrapped) status() string {
	if w.raw == nil {
		return ""
	}
	return w.raw.Status
}

func (w *wrapped) body() io.ReadCloser {
	if w.raw != nil {
		return w.raw.Body
	}
	return nil
}

// Storing the possibly nil response in a field whose accessors nil-check
// it does not dereference it.
func storedInCheckedField(req *http.Request) (*wrapped, error) {
	resp, err := client.Do(req)
	w := &wrapped{raw: resp}
	if err != nil {
		return w, err
	}
	return w, nil
}

func assignedToCheckedField(req *http.Request, w *wrapped) error {
	resp, err := client.Do(req)
	w.raw = resp
	if err != nil {
		return err
	}
	return nil
}

// unchecked keeps the raw response; its accessor dereferences it without
// a nil check.
type unchecked struct {
	raw *http.Response
}

func (u *unchecked) status() string { return u.raw.Status }

// The twin: a field whose accessor dereferences it unchecked.
func storedInUncheckedField(req *http.Request) (*unchecked, error) {
	resp, err := client.Do(req)
	u := &unchecked{raw: resp} // want `\[http-error\] resp is used before the error of client.Do is checked`
	if err != nil {
		return u, err
	}
	return u, nil
}

// exportStatus handles the nil response of a failed request itself.
func exportStatus(resp *http.Response) int {
	code := 0
	if resp != nil {
		code = resp.StatusCode
	}
	return code
}

// exportStatusUnguarded reads the response whatever it is.
func exportStatusUnguarded(resp *http.Response) int {
	return resp.StatusCode
}

// A response passed, before the error check, to a function of the package
// that nil-checks it before each use.
func passedToNilCheckingParam(req *http.Request) error {
	resp, err := client.Do(req)
	_ = exportStatus(resp)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The twin: the callee dereferences the response unchecked.
func passedToUncheckedParam(req *http.Request) error {
	resp, err := client.Do(req)
	_ = exportStatusUnguarded(resp) // want `\[http-error\] resp is used before the error of client.Do is checked`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
