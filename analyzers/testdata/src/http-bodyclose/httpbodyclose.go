package httpbodyclose

import (
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"time"
)

var client = &http.Client{Timeout: 10 * time.Second}

type Item struct{ ID string }

func neverClosed(u string) (Item, error) {
	var it Item
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is never closed: every call leaks a connection until the service runs out of sockets; defer resp.Body.Close\(\) once err is nil`
	if err != nil {
		return it, err
	}
	if resp.StatusCode != http.StatusOK {
		return it, nil
	}
	return it, json.NewDecoder(resp.Body).Decode(&it)
}

func quietClosedOnEveryPath(u string) (Item, error) {
	var it Item
	resp, err := client.Get(u)
	if err != nil {
		return it, err
	}
	defer resp.Body.Close()
	return it, json.NewDecoder(resp.Body).Decode(&it)
}

func healthCheck(u string) bool {
	_, err := client.Get(u) // want `\[http-bodyclose\] the response of client.Get is discarded, so its body is never closed: every call leaks a connection until the service runs out of sockets; keep the response and defer resp.Body.Close\(\) once err is nil`
	return err == nil
}

func healthCheckClosed(u string) bool {
	resp, err := client.Get(u)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode < 500
}

func healthCheckHead(u string) bool {
	_, err := client.Head(u) // no body: the connection goes back to the pool at once
	return err == nil
}

func asStatement(u string) {
	client.Get(u) // want `\[http-bodyclose\] the response of client.Get is discarded`
}

func closureCloses(req *http.Request) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer func() {
		if err := resp.Body.Close(); err != nil {
			log.Printf("close: %v", err)
		}
	}()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func copiedNotClosed(req *http.Request, w io.Writer) error {
	resp, err := client.Do(req) // want `\[http-bodyclose\] the body of the response from client.Do is never closed, and io.Copy reads it to the end only while every write succeeds: a write that fails`
	if err != nil {
		return err
	}
	_, err = io.Copy(w, resp.Body)
	return err
}

func returned(u string) (*http.Response, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	return resp, nil // the caller closes it
}

func bodyReturned(u string) (io.ReadCloser, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func handedToHelper(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return consume(resp)
}

func bodyHandedToHelper(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return drainAndClose(resp.Body)
}

func closeMethodValue(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer logClose(resp.Body.Close)
	return nil
}

type result struct{ resp *http.Response }

func stored(u string, out chan<- *http.Response) (result, error) {
	resp, err := client.Get(u)
	if err != nil {
		return result{}, err
	}
	out <- resp
	return result{resp: resp}, nil
}

func quietNamedResult(u string) (resp *http.Response, err error) {
	resp, err = client.Get(u)
	return
}

func inClosure(urls []string) {
	for _, u := range urls {
		func() {
			resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is never closed`
			if err != nil {
				return
			}
			_ = resp.StatusCode
		}()
	}
}

func consume(resp *http.Response) error { return resp.Body.Close() }

func drainAndClose(body io.ReadCloser) error {
	io.Copy(io.Discard, body)
	return body.Close()
}

func logClose(close func() error) {
	if err := close(); err != nil {
		log.Print(err)
	}
}

// A body asserted to a wider interface and returned is handed over with
// it (an upgraded connection's read-write body). Quiet; the twins assert it
// only to test its type.

func upgradedConn(c *http.Client, req *http.Request) (io.ReadWriteCloser, error) {
	res, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusSwitchingProtocols {
		res.Body.Close()
		return nil, errors.New("no upgrade")
	}
	rwc, ok := res.Body.(io.ReadWriteCloser)
	if !ok {
		res.Body.Close()
		return nil, errors.New("not writable")
	}
	return rwc, nil
}

func upgradeChecked(c *http.Client, req *http.Request) (bool, error) {
	res, err := c.Do(req) // want `\[http-bodyclose\] the body of the response from c.Do is never closed`
	if err != nil {
		return false, err
	}
	_, ok := res.Body.(io.ReadWriteCloser)
	return ok, nil
}

func upgradeSwitched(c *http.Client, req *http.Request) string {
	res, err := c.Do(req) // want `\[http-bodyclose\] the body of the response from c.Do is never closed`
	if err != nil {
		return ""
	}
	switch res.Body.(type) {
	case io.ReadWriteCloser:
		return "upgraded"
	}
	return "plain"
}
