// Package use sends through the clients and helpers of another package.
package use

import (
	"context"
	"net/http"
	"time"

	"http-timeout/fact/api"
)

type service struct{ client *http.Client }

func newService() *service { return &service{client: api.NewClient()} }

func (s *service) get(url string) (*http.Response, error) {
	return s.client.Get(url) // want `\[http-timeout\] the http.Client s.client sends through comes from api.NewClient, which sets no Timeout.*or on it here; for a download or stream of unbounded size, bound the wait for headers with Transport.ResponseHeaderTimeout and connecting with a dial timeout instead`
}

func direct(url string) {
	c := api.NewClient()
	resp, err := c.Get(url) // want `\[http-timeout\] the http.Client c sends through comes from api.NewClient, which sets no Timeout`
	if err == nil {
		resp.Body.Close()
	}
}

func background() {
	api.Fetch(context.Background(), "http://upstream/")        // want `\[http-timeout\] api.Fetch sends a request through http.DefaultClient, which has no timeout, bounded only by the context it is given, and context.Background\(\) has no deadline`
	api.Ping(context.TODO())                                   // want `\[http-timeout\] api.Ping sends a request`
	api.NewSDK().Get(context.Background(), "http://upstream/") // want `\[http-timeout\] .*Get sends a request`
}

// Twin: the SDK given the caller's context.
func sdkOnCallersContext(ctx context.Context) error {
	return api.NewSDK().Get(ctx, "http://upstream/")
}

// Twins: a constructor that sets a Timeout, one given the timeout, a
// timeout set here, a request bounded by a deadline, a context with one.
func timed(url string) {
	c := api.NewTimedClient()
	resp, err := c.Get(url)
	if err == nil {
		resp.Body.Close()
	}
	c2 := api.NewClientWith(5 * time.Second)
	resp, err = c2.Get(url)
	if err == nil {
		resp.Body.Close()
	}
	c3 := api.NewClient()
	c3.Timeout = time.Minute
	resp, err = c3.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}

func bounded(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := api.NewClient().Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return api.Fetch(ctx, url)
}
