package httptimeout

import (
	"net/http"
)

func localLiteral(u string) {
	c := &http.Client{} // want `\[http-timeout\] this http.Client has no Timeout, nor a Transport with ResponseHeaderTimeout, and it sends requests: a stalled upstream blocks every caller forever; set Timeout on c \(it also bounds reading the body: for a client that streams or downloads large bodies, set Timeout: 0 and bound the wait for headers with Transport.ResponseHeaderTimeout and connecting with a dial timeout instead\)`
	c.Get(u)
}

func valueLiteral(req *http.Request) {
	var c = http.Client{CheckRedirect: nil} // want `\[http-timeout\] this http.Client has no Timeout`
	c.Do(req)
}

func multiLine(req *http.Request) {
	c := &http.Client{ // want `\[http-timeout\] this http.Client has no Timeout`
		Transport: http.DefaultTransport,
		Jar:       nil, // cookies are not needed
	}
	c.Do(req)
}

func direct(u string) {
	(&http.Client{}).Get(u) // want `\[http-timeout\] this http.Client has no Timeout`
}

func transportWithoutHeaderTimeout(u string) {
	tr := &http.Transport{MaxIdleConns: 10}
	c := &http.Client{Transport: tr} // want `\[http-timeout\] this http.Client has no Timeout`
	c.Get(u)
}

// The safe twins.

func timeoutSetLater(u string) {
	c := &http.Client{}
	c.Timeout = limit
	c.Get(u)
}

func transportWithHeaderTimeout(u string) {
	c := &http.Client{Transport: &http.Transport{ResponseHeaderTimeout: limit}}
	c.Get(u)
}

func transportConfiguredLater(u string) {
	tr := &http.Transport{}
	tr.ResponseHeaderTimeout = limit
	c := &http.Client{Transport: tr}
	c.Get(u)
}

func transportFromElsewhere(u string, rt http.RoundTripper) {
	c := &http.Client{Transport: rt} // a RoundTripper prodlint cannot see into
	c.Get(u)
}

func explicitZero(u string) {
	c := &http.Client{Timeout: 0} // stated intent: a streaming client
	c.Get(u)
}

func neverSends() *http.Client {
	c := &http.Client{}
	return c // the caller configures and uses it
}

func handedToConfigure(u string) {
	c := &http.Client{}
	configure(c)
	c.Get(u)
}

func configure(c *http.Client) { c.Timeout = limit }
