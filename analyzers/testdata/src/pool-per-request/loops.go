package poolperrequest

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
)

type job struct{ shard string }

// A pool per job.
func drain(ctx context.Context, jobs <-chan job) {
	for j := range jobs {
		db, err := sql.Open("postgres", j.shard) // want `\[pool-per-request\] sql.Open in a loop builds a new connection pool per iteration`
		if err != nil {
			continue
		}
		db.ExecContext(ctx, "DELETE FROM queue")
		db.Close()
	}
}

// Safe twin: one pool for all jobs.
func drainShared(ctx context.Context, db *sql.DB, jobs <-chan job) {
	for range jobs {
		db.ExecContext(ctx, "DELETE FROM queue")
	}
}

// A gRPC connection per poll.
func poll(targets []string) {
	for _, t := range targets {
		conn, err := grpc.Dial(t) // want `\[pool-per-request\] grpc.Dial in a loop builds a new ClientConn`
		if err != nil {
			continue
		}
		conn.Close()
	}
}

// Safe: a constructor builds one client per configured backend.
func NewRouter(addrs []string) map[string]*redis.Client {
	m := map[string]*redis.Client{}
	for _, a := range addrs {
		m[a] = redis.NewClient(&redis.Options{Addr: a})
	}
	return m
}

// Safe: the clients built in the loop are kept (appended and returned).
func quietStoredForReuse(n int) []*http.Transport {
	var ts []*http.Transport
	for i := 0; i < n; i++ {
		ts = append(ts, &http.Transport{MaxIdleConnsPerHost: 4})
	}
	return ts
}

// Safe: the loop body's pool is stored through a local variable.
type backend struct{ rdb *redis.Client }

func connectAll(bs []*backend) {
	for _, b := range bs {
		rdb := redis.NewClient(&redis.Options{Addr: "x"})
		b.rdb = rdb
	}
}

// An exported function of a library may be called per request.
func Ping(addrs []string) {
	for _, a := range addrs {
		rdb := redis.NewClient(&redis.Options{Addr: a}) // want `\[pool-per-request\] redis.NewClient in a loop builds a new connection pool per iteration`
		rdb.Close()
	}
}

// Safe: a retry loop runs a constant number of times.
func pingWithRetry(target string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		conn, dialErr := grpc.NewClient(target)
		if dialErr == nil {
			return conn.Close()
		}
		err = dialErr
	}
	return err
}

// quietAttemptCapped is the fixture of attempt-capped: a retry loop with no
// condition that gives up on its third attempt builds at most three pools.
func quietAttemptCapped(req *http.Request) (*http.Response, error) {
	client := http.DefaultClient
	for i := 0; ; i++ {
		resp, err := client.Do(req)
		if err == nil {
			return resp, nil
		}
		if i == 2 {
			return nil, err
		}
		client = &http.Client{Transport: &http.Transport{ForceAttemptHTTP2: false}}
	}
}

// The twin: the "cap" only logs and the loop goes on, one pool per failure.
func attemptCappedTwin(req *http.Request, logf func(string, ...any)) *http.Response {
	client := http.DefaultClient
	for i := 0; ; i++ {
		resp, err := client.Do(req)
		if err == nil {
			return resp
		}
		if i == 2 {
			logf("still failing: %v", err)
		}
		client = &http.Client{Transport: &http.Transport{ForceAttemptHTTP2: false}} // want `\[pool-per-request\] http.Transport literal in a loop builds a new`
	}
}

// The twin whose break leaves a select nested in the loop, not the loop.
func attemptCappedNestedBreak(req *http.Request, stop <-chan struct{}) {
	for i := 0; ; i++ {
		client := &http.Client{Transport: &http.Transport{}} // want `\[pool-per-request\] http.Transport literal in a loop builds a new`
		client.Do(req)
		select {
		case <-stop:
			if i >= 2 {
				break
			}
		default:
		}
	}
}

type upstream struct{ client *http.Client }

func (u *upstream) SetHTTPClient(c *http.Client) { u.client = c }

type forwarder struct{ upstreams []*upstream }

// Safe: one transport per configured upstream, handed through two locals
// to a setter of the upstream it serves, and reused for every query.
func (f *forwarder) configure(addrs []string) {
	for i := range addrs {
		tr := &http.Transport{}
		c := http.Client{Transport: tr}
		f.upstreams[i].SetHTTPClient(&c)
	}
}

// Reported twin: the client goes to a method of a local value that is
// dropped after the iteration.
func (f *forwarder) probe(addrs []string) {
	for range addrs {
		tr := &http.Transport{} // want `\[pool-per-request\] http.Transport literal in a loop`
		c := http.Client{Transport: tr}
		u := &upstream{}
		u.SetHTTPClient(&c)
	}
}

type host struct {
	Client *http.Client
	Addr   string
}

// Safe: one client per distinct endpoint, kept in the hosts returned.
func hostsFor(endpoints []string) []host {
	var hosts []host
	for _, e := range endpoints {
		tr := &http.Transport{}
		client := &http.Client{Transport: tr}
		hosts = append(hosts, host{Client: client, Addr: e})
	}
	return hosts
}

func ping(hosts []host) {}

// Reported twin: the hosts are used once and dropped.
func pingHosts(endpoints []string) {
	var hosts []host
	for _, e := range endpoints {
		tr := &http.Transport{} // want `\[pool-per-request\] http.Transport literal in a loop`
		client := &http.Client{Transport: tr}
		hosts = append(hosts, host{Client: client, Addr: e})
	}
	ping(hosts)
}
