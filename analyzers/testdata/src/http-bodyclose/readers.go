package httpbodyclose

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
)

// The body read through an io.LimitedReader literal, never closed: the
// literal is a reader over the body, not a new owner of it.
func limitedLiteralNotClosed(u string) ([]byte, error) {
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is never closed`
	if err != nil {
		return nil, err
	}
	lr := &io.LimitedReader{R: resp.Body, N: 1 << 20}
	return io.ReadAll(lr)
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
