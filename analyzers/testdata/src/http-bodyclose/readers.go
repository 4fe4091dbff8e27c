package httpbodyclose

import (
	"bytes"
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
