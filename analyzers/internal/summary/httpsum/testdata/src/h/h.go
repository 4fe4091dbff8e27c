package h

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
)

func NewClient() *http.Client { // want NewClient:"returns a client without a timeout; builds a new transport per call"
	return &http.Client{Transport: &http.Transport{}}
}

func NewTimed() *http.Client { // want NewTimed:"returns a client with a timeout"
	return &http.Client{Timeout: 10 * time.Second}
}

func NewWith(d time.Duration) *http.Client { // want NewWith:"returns a client with the timeout of parameter 0"
	c := &http.Client{Timeout: d}
	return c
}

func Wrap(n int, d time.Duration) *http.Client { // want Wrap:"returns a client with the timeout of parameter 1"
	return NewWith(d)
}

func Through() *http.Client { // want Through:"returns a client without a timeout; builds a new transport per call"
	c := NewClient()
	return c
}

func Configured() *http.Client { // want Configured:"returns a client with a timeout"
	c := new(http.Client)
	c.Timeout = time.Second
	return c
}

var shared = &http.Client{}

func Shared() *http.Client { return shared }

func DecodeJSON(w http.ResponseWriter, r *http.Request, v any) error { // want DecodeJSON:"reads body of parameter 1 unlimited"
	return json.NewDecoder(r.Body).Decode(v)
}

func ReadAll(rd io.Reader) ([]byte, error) { // want ReadAll:"reads body of parameter 0 unlimited"
	return io.ReadAll(rd)
}

func Bind(r *http.Request, v any) error { // want Bind:"reads body of parameter 0 unlimited"
	b, err := ReadAll(r.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func Limit(w http.ResponseWriter, r *http.Request) { // want Limit:"limits body of parameter 1"
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
}

func LimitedDecode(w http.ResponseWriter, r *http.Request, v any) error { // want LimitedDecode:"limits body of parameter 1"
	Limit(w, r)
	return json.NewDecoder(r.Body).Decode(v)
}

func Fetch(ctx context.Context, url string) error { // want Fetch:"sends without a timeout on the context of parameter 0"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func FetchVia(n int, ctx context.Context) error { // want FetchVia:"sends without a timeout on the context of parameter 1"
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return Fetch(ctx, "http://example.com")
}

// Twins: a deadline set here, a client with a timeout.
func FetchBounded(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return Fetch(ctx, "http://example.com")
}

func FetchTimed(ctx context.Context, url string) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := NewTimed().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// An API client whose requests are built by one helper and sent by
// another: the send is bounded only by the caller's ctx.
type API struct{ hc *http.Client }

func (a *API) NewRequest(ctx context.Context, url string) (*http.Request, error) { // want NewRequest:"returns a request on the context of parameter 0"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return req, nil
}

func (a *API) Do(req *http.Request) error { // want Do:"sends request parameter 0 without a timeout"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (a *API) Get(ctx context.Context, url string) error { // want Get:"sends without a timeout on the context of parameter 0"
	req, err := a.NewRequest(ctx, url)
	if err != nil {
		return err
	}
	return a.Do(req)
}

// Twins: a client with a timeout sends the request; a request without a
// context.
func (a *API) DoTimed(req *http.Request) error {
	resp, err := NewTimed().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (a *API) GetTimed(ctx context.Context, url string) error {
	req, err := a.NewRequest(ctx, url)
	if err != nil {
		return err
	}
	return a.DoTimed(req)
}

func (a *API) NewRequestNoCtx(url string) (*http.Request, error) {
	return http.NewRequest(http.MethodGet, url, nil)
}

// ReadVia reads the body through a local variable that only holds it.
func ReadVia(r *http.Request) ([]byte, error) { // want ReadVia:"reads body of parameter 0 unlimited"
	body := r.Body
	return io.ReadAll(body)
}

// LimitVia limits the body it holds in a local variable before reading it.
func LimitVia(w http.ResponseWriter, r *http.Request) ([]byte, error) { // want LimitVia:"limits body of parameter 1"
	body := r.Body
	return io.ReadAll(http.MaxBytesReader(w, body, 1<<20))
}

// ReadSwapped reads a variable that holds the body or something else: no
// fact, since it may not be the body it reads.
func ReadSwapped(r *http.Request, gz bool) ([]byte, error) {
	var in io.Reader = r.Body
	if gz {
		in = strings.NewReader("")
	}
	return io.ReadAll(in)
}

// Clients kept in unexported fields: a send on the caller's ctx through
// a field every value of which, in the package, is a client without a
// timeout is one through an unbounded client; here the value comes from
// a constructor of the package declared, and so summarized, after the
// method that sends.
type Store struct{ hc *http.Client }

func (s *Store) Fetch(ctx context.Context, url string) error { // want Fetch:"sends without a timeout on the context of parameter 0"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func NewStore() *Store { return &Store{hc: newStoreClient()} }

func newStoreClient() *http.Client { return &http.Client{} }

// Twin: the field is also given a client with a timeout.
type TimedStore struct{ hc *http.Client }

func NewTimedStore(fast bool) *TimedStore {
	if fast {
		return &TimedStore{hc: NewClient()}
	}
	return &TimedStore{hc: NewTimed()}
}

func (s *TimedStore) Fetch(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
