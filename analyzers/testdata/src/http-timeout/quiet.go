package httptimeout

import (
	"context"
	"net"
	"net/http"
	"time"

	"example.com/harness"
)

// One function per quiet form of http-timeout (rule.FixtureFunc), each
// beside a reported twin.

func quietRequestContextBounded(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req) // the caller's deadline bounds it
}

func requestContextUnboundedTwin(u string) {
	req, _ := http.NewRequest("GET", u, nil)
	http.DefaultClient.Do(req) // want `\[http-timeout\] http.DefaultClient has no timeout`
}

func quietTestHarness(s *harness.Suite, u string) {
	c := new(http.Client)
	c.Get(u)
	s.T.Log("fetched")
}

func testHarnessTwin(u string) {
	c := new(http.Client) // want `\[http-timeout\] this http.Client has no Timeout`
	c.Get(u)
}

func quietTransportBoundsHeaders(u string) {
	c := new(http.Client)
	c.Transport = &http.Transport{ResponseHeaderTimeout: 10 * time.Second}
	c.Get(u)
}

func transportBoundsHeadersTwin(u string) {
	c := new(http.Client) // want `\[http-timeout\] this http.Client has no Timeout`
	c.Transport = &http.Transport{DialContext: (&net.Dialer{Timeout: time.Second}).DialContext}
	c.Get(u)
}

func quietTimeoutAssigned(u string) {
	c := new(http.Client)
	c.Timeout = 5 * time.Second
	c.Get(u)
}

func quietHandedOff(u string) {
	c := new(http.Client)
	setUp(c)
	c.Get(u)
}

func setUp(c *http.Client) { c.Timeout = time.Minute }

func quietAssignedLater(u string) {
	var c http.Client
	c = http.Client{Timeout: time.Second}
	c.Get(u)
}

func assignedLaterTwin(u string) {
	var c http.Client // want `\[http-timeout\] this http.Client has no Timeout`
	c.Get(u)
}

func quietLiteralTimeoutField(u string) {
	c := &http.Client{Timeout: 0} // stated intent: a streaming client
	c.Get(u)
}

type store struct{ client *http.Client }

func quietConstructorField() *store {
	s := &store{client: &http.Client{}}
	s.client.Timeout = time.Minute
	return s
}

func (s *store) fetch(u string) { s.client.Get(u) }

func quietReturnedUnused() *http.Client {
	c := &http.Client{}
	return c
}

func newTimedClient(d time.Duration) *http.Client { return &http.Client{Timeout: d} }

func quietConstructorSetsTimeout(u string) {
	c := newTimedClient(time.Second)
	c.Get(u)
}

type downloader struct{ client *http.Client }

func newDownloader() *downloader {
	return &downloader{client: &http.Client{Transport: &http.Transport{}}}
}

func (d *downloader) get(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	d.client.Do(req) // the caller's deadline bounds it
}

func quietSendsContextBounded(ctx context.Context, u string) {
	c := &http.Client{}
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c.Do(req) // the caller's deadline bounds it
	newDownloader().get(ctx, u)
}

func sendsContextBoundedTwin(u string) {
	c := new(http.Client) // want `\[http-timeout\] this http.Client has no Timeout`
	req, _ := http.NewRequest("GET", u, nil)
	c.Do(req)
}
