package httptimeout

import (
	"net/http"
	"time"
)

const limit = 5 * time.Second

// API keeps its client in a field.
type API struct {
	client *http.Client
	base   string
}

// NewAPI configures the client in the constructor: quiet.
func NewAPI(base string) *API {
	return &API{client: &http.Client{Timeout: 10 * time.Second}, base: base}
}

func (a *API) Fetch() (*http.Response, error) {
	return a.client.Get(a.base)
}

// Legacy builds its client without a timeout and sends through it.
type Legacy struct {
	client *http.Client
}

func NewLegacy() *Legacy {
	return &Legacy{
		client: &http.Client{}, // want `\[http-timeout\] this http.Client has no Timeout`
	}
}

func (l *Legacy) Fetch(u string) (*http.Response, error) {
	return l.client.Get(u)
}

// Tuned sets the timeout on the field after construction: quiet.
type Tuned struct {
	client *http.Client
}

func NewTuned() *Tuned {
	t := &Tuned{client: &http.Client{}}
	t.client.Timeout = time.Minute
	return t
}

func (t *Tuned) Fetch(u string) (*http.Response, error) {
	return t.client.Get(u)
}

// Holder stores a client nobody sends through in this package: quiet.
type Holder struct {
	Client *http.Client
}

var holder = Holder{Client: &http.Client{}}

// A package-level client without a timeout, used to send.
var shared = &http.Client{} // want `\[http-timeout\] this http.Client has no Timeout`

func useShared(u string) { shared.Get(u) }

func zeroValue(u string) {
	var c http.Client // want `\[http-timeout\] this http.Client has no Timeout`
	c.Get(u)
	n := new(http.Client) // want `\[http-timeout\] this http.Client has no Timeout`
	n.Get(u)
}

func zeroValueAssignedLater(u string) {
	var c http.Client
	c = http.Client{Timeout: time.Second}
	c.Get(u)
}
