package httpbodyclose

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// A request whose context the function cancels with a deferred call: on
// return the Transport closes the connection of a body left unread, so
// the status-error return holds nothing. Quiet; the twins (a body never
// closed, which loses the connection on every call, a cancel not
// deferred, a send in a loop, a context made afresh before the send, a
// discarded response, a defer after the send) are still reported.

func quietCancelledOnReturn(ctx context.Context, c *http.Client, u string) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New("bad status")
	}
	defer resp.Body.Close()
	return nil
}

func cancelledWithContext(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeoutCause(req.Context(), time.Second, errors.New("slow"))
	defer cancel()
	req = req.WithContext(ctx)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New("bad status")
	}
	defer resp.Body.Close()
	return nil
}

func cancelledInline(ctx context.Context, c *http.Client, req *http.Request) (int, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	resp, err := c.Do(req.WithContext(ctx))
	if err != nil {
		return 0, err
	}
	if resp.StatusCode >= http.StatusInternalServerError {
		return 0, errors.New("server error")
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func cancelledNeverClosed(ctx context.Context, c *http.Client, req *http.Request) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	resp, err := c.Do(req.WithContext(ctx)) // want `\[http-bodyclose\] the body of the response from c.Do is never closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func cancelCalledNotDeferred(ctx context.Context, c *http.Client, u string) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		cancel()
		return err
	}
	resp, err := c.Do(req) // want `\[http-bodyclose\] the body of the response from c.Do is not closed on the path that reaches the return at line 91`
	if err != nil {
		cancel()
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New("bad status")
	}
	defer resp.Body.Close()
	cancel()
	return nil
}

func cancelledSendInLoop(ctx context.Context, c *http.Client, urls []string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for _, u := range urls {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return err
		}
		resp, err := c.Do(req) // want `\[http-bodyclose\] the body of the response from c.Do is not closed on the path that reaches the return at line 111`
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return errors.New("bad status")
		}
		resp.Body.Close()
	}
	return nil
}

func cancelledContextReplaced(ctx context.Context, c *http.Client, u string, detach bool) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if detach {
		ctx = context.Background()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req) // want `\[http-bodyclose\] the body of the response from c.Do is not closed on the path that reaches the return at line 133`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New("bad status")
	}
	defer resp.Body.Close()
	return nil
}

func cancelledResponseDiscarded(ctx context.Context, c *http.Client, u string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	_, err = c.Do(req) // want `\[http-bodyclose\] the response of c.Do is discarded`
	return err
}

func cancelDeferredAfterSend(c *http.Client, u string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		cancel()
		return err
	}
	resp, err := c.Do(req) // want `\[http-bodyclose\] the body of the response from c.Do is not closed on the path that reaches the return at line 163`
	defer cancel()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New("bad status")
	}
	defer resp.Body.Close()
	return nil
}
