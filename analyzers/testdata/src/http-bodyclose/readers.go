package httpbodyclose

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// The body read to EOF through an io.LimitedReader variable with a
// generous constant cap on every path, never closed: like io.LimitReader,
// only a reply larger than 1 MiB stops short (read-to-eof).
func limitedLiteralGenerousNotClosed(u string) ([]byte, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	lr := &io.LimitedReader{R: resp.Body, N: 1 << 20}
	return io.ReadAll(lr)
}

// Twin: the literal read in place, with the cap as its second field.
func limitedLiteralInPlaceNotClosed(u string) ([]byte, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(&io.LimitedReader{resp.Body, 64 << 10})
	if err != nil {
		return nil, err
	}
	return data, nil
}

// Twin: a 4 KiB cap stops short of EOF on any larger reply, which then
// holds its connection.
func limitedLiteralSmallNotClosed(u string) ([]byte, error) {
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is never closed`
	if err != nil {
		return nil, err
	}
	lr := &io.LimitedReader{R: resp.Body, N: 4 << 10}
	return io.ReadAll(lr)
}

// Twin: a cap that is not a constant may be small.
func limitedLiteralVariableNotClosed(u string, max int64) ([]byte, error) {
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is never closed`
	if err != nil {
		return nil, err
	}
	lr := &io.LimitedReader{R: resp.Body, N: max}
	return io.ReadAll(lr)
}

// Twin: a return between the literal and its read leaves the body unread.
func limitedLiteralReturnBeforeRead(u string) ([]byte, error) {
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is never closed`
	if err != nil {
		return nil, err
	}
	lr := &io.LimitedReader{R: resp.Body, N: 1 << 20}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return io.ReadAll(lr)
}

// Twin: a decoder stops at the end of its value, not at EOF.
func limitedLiteralDecoded(u string) (v map[string]any, err error) {
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is never closed`
	if err != nil {
		return nil, err
	}
	lr := &io.LimitedReader{R: resp.Body, N: 1 << 20}
	err = json.NewDecoder(lr).Decode(&v)
	return v, err
}

// Twin: closed, then read through the literal.
func limitedLiteralClosed(u string) ([]byte, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	lr := &io.LimitedReader{R: resp.Body, N: 1 << 20}
	return io.ReadAll(lr)
}

// Quiet: the limited reader is returned, and the body with it.
func limitedLiteralReturned(u string) (io.Reader, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	return &io.LimitedReader{R: resp.Body, N: 1 << 20}, nil
}

// The body read whole into a bytes.Buffer, never closed: at EOF the
// Transport takes the connection back (read-to-eof).
func bufferReadNotClosed(req *http.Request) ([]byte, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	_, err = buf.ReadFrom(resp.Body)
	return buf.Bytes(), err
}

// Twin: closed after the read into the buffer.
func bufferReadClosed(req *http.Request) ([]byte, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(resp.Body)
	return buf.Bytes(), err
}

// The body read to EOF through io.LimitReader with a generous constant cap
// on every path, never closed: only a reply larger than 1 MiB stops short
// (read-to-eof).
func generousLimitNotClosed(req *http.Request) ([]byte, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d: %s", resp.StatusCode, body)
	}
	return body, nil
}

// Twin: a 512-byte cap stops short of EOF on any larger reply, which then
// holds its connection.
func smallLimitNotClosed(req *http.Request) ([]byte, error) {
	resp, err := client.Do(req) // want `\[http-bodyclose\] the body of the response from client.Do is never closed`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(resp.Body, 512))
}

// Twin: a cap that is not a constant may be small.
func variableLimitNotClosed(req *http.Request, max int64) ([]byte, error) {
	resp, err := client.Do(req) // want `\[http-bodyclose\] the body of the response from client.Do is never closed`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(resp.Body, max))
}

// The success path reads the body to EOF, which hands the connection back,
// but the status check returns with the body unread and open: the message
// names that path instead of every call.
func statusReturnUnread(u string) ([]byte, error) {
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is never closed, and is read to the end on some paths only: on the path that reaches the return at line 171 it is neither read nor closed, so each call that takes this path leaks a connection until the service runs out of sockets; defer resp.Body.Close\(\) once err is nil`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}
