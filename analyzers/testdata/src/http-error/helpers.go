package httperror

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// A helper of the package that sends a request and returns its response
// with the body open on success: when the request fails it returns a nil
// response with the error, so its caller must check err before using
// the response, as after client.Do. Reported: the error discarded, the
// response used before err is read, err never read. Quiet: the caller
// checks err, or hands both results on; a function with the same results
// that sends nothing.

func performRequest(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("%s: %s", req.URL, resp.Status)
	}
	return resp, nil
}

type apiClient struct{ c *http.Client }

func (a *apiClient) do(req *http.Request) (*http.Response, error) { return a.c.Do(req) }

func helperBlankError(ctx context.Context, req *http.Request) int {
	resp, _ := performRequest(ctx, client, req) // want `\[http-error\] the error of performRequest is discarded: when the request fails the response is nil, so using it panics and the failure leaves no trace; check err before using the response`
	defer resp.Body.Close()
	return resp.StatusCode
}

func helperChecked(ctx context.Context, req *http.Request) (int, error) {
	resp, err := performRequest(ctx, client, req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func helperUsedBeforeCheck(a *apiClient, req *http.Request) ([]byte, error) {
	resp, err := a.do(req)
	defer resp.Body.Close() // want `\[http-error\] resp is used before the error of a.do is checked: when the request fails resp is nil and this panics; check err first`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

func helperCheckedFirst(a *apiClient, req *http.Request) ([]byte, error) {
	resp, err := a.do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func helperErrorNeverRead(a *apiClient, req *http.Request, payload []byte) int {
	err := validate(payload)
	if err != nil {
		return 0
	}
	resp, err := a.do(req) // want `\[http-error\] the error of a.do is assigned to err, which is never read: a failed request goes unnoticed and its nil response panics where it is used; check err right after the call`
	if resp != nil {
		defer resp.Body.Close()
		return resp.StatusCode
	}
	return 0
}

func helperErrorRead(a *apiClient, req *http.Request, payload []byte) int {
	err := validate(payload)
	if err != nil {
		return 0
	}
	resp, err := a.do(req)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	return resp.StatusCode
}

func helperStatement(a *apiClient, req *http.Request) {
	a.do(req) // want `\[http-error\] the error of a.do is discarded with the response`
}

func helperHandedOn(ctx context.Context, req *http.Request) (*http.Response, error) {
	return performRequest(ctx, client, req)
}

func helperReturned(a *apiClient, req *http.Request) (*http.Response, error) {
	resp, err := a.do(req)
	if err != nil {
		return nil, fmt.Errorf("api: %w", err)
	}
	return resp, nil
}

// cachedResponse has the results of a send and sends nothing: it is no
// helper, and its error says nothing of a request.
func cachedResponse(body io.ReadCloser) (*http.Response, error) {
	if body == nil {
		return nil, errors.New("no cached response")
	}
	return &http.Response{StatusCode: http.StatusOK, Body: body}, nil
}

func notASend(body io.ReadCloser) int {
	resp, _ := cachedResponse(body)
	if resp == nil {
		return 0
	}
	return resp.StatusCode
}
