package retrynobackoff

import (
	"context"
	"errors"
	"net/http"

	pkgerrors "github.com/pkg/errors"
)

// A bounded loop that comes back only after a context error, and only
// after choosing another target: each attempt follows one that waited out
// a deadline (or fails at once on a context that is over), and goes to a
// new peer. Quiet; the twin retries the same peer and is reported.

type peer struct {
	c   *http.Client
	url string
}

func (p *peer) send(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, nil)
	if err != nil {
		return nil, err
	}
	return p.c.Do(req)
}

type forward struct {
	peer *peer
	key  string
}

func ownerOf(ctx context.Context, key string) (*peer, error) { return &peer{}, nil }

func quietReroutesAfterDeadline(ctx context.Context, fw *forward) (*http.Response, error) {
	var attempts int
	var err error
	for {
		if attempts > 5 {
			break
		}
		var resp *http.Response
		resp, err = fw.peer.send(ctx)
		if err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				attempts++
				fw.peer, err = ownerOf(ctx, fw.key)
				if err != nil {
					break
				}
				continue
			}
			break
		}
		return resp, nil
	}
	return nil, err
}

func samePeer(ctx context.Context, fw *forward) (*http.Response, error) {
	var attempts int
	var err error
	for { // want `\[retry-no-backoff\] this loop retries`
		if attempts > 5 {
			break
		}
		var resp *http.Response
		resp, err = fw.peer.send(ctx)
		if err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				attempts++
				continue
			}
			break
		}
		return resp, nil
	}
	return nil, err
}

// The same re-route, tested with an errors package that mirrors the
// standard library's Is.
func reroutedPkgErrors(ctx context.Context, fw *forward) (*http.Response, error) {
	var err error
	for attempts := 0; ; attempts++ {
		if attempts > 5 {
			break
		}
		var resp *http.Response
		resp, err = fw.peer.send(ctx)
		if err != nil {
			if pkgerrors.Is(err, context.DeadlineExceeded) {
				fw.peer, err = ownerOf(ctx, fw.key)
				if err != nil {
					break
				}
				continue
			}
			break
		}
		return resp, nil
	}
	return nil, err
}
