// Package poolperrequest holds the fixtures of pool-per-request.
package poolperrequest

import (
	"database/sql"
	"net/http"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
)

// A database pool per request.
func health(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", "dsn") // want `\[pool-per-request\] sql.Open in an http handler builds a new connection pool per request`
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer db.Close()
	db.PingContext(r.Context())
}

type server struct {
	db        *sql.DB
	transport *http.Transport
	client    *http.Client
	rdb       *redis.Client
	clients   sync.Map
	once      sync.Once
}

// Safe twin: the handler uses the pool opened at startup.
func (s *server) health(w http.ResponseWriter, r *http.Request) {
	s.db.PingContext(r.Context())
}

// A Transport per request, inside a Client literal.
func proxy(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{ // an http.Client alone is cheap: the Transport is the pool
		Transport: &http.Transport{MaxIdleConns: 10}, // want `\[pool-per-request\] http.Transport literal in an http handler builds a new connection pool per request`
		Timeout:   5 * time.Second,
	}
	resp, err := client.Get("http://upstream")
	if err == nil {
		resp.Body.Close()
	}
}

// Safe twin: a Client per request that wraps the shared Transport, and a
// Client with no Transport (http.DefaultTransport).
func (s *server) proxy(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Transport: s.transport, Timeout: 5 * time.Second}
	client.Get("http://upstream")
	plain := &http.Client{Timeout: time.Second}
	plain.Get("http://upstream")
}

// A Transport cloned per request.
func (s *server) cloned(w http.ResponseWriter, r *http.Request) {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `\[pool-per-request\] http.Transport.Clone in an http handler builds a new connection pool per request`
	t.MaxIdleConnsPerHost = 4
	(&http.Client{Transport: t}).Get("http://upstream")
}

// Safe twin: cloned once, lazily, under sync.Once.
func (s *server) quietInsideOnce(w http.ResponseWriter, r *http.Request) {
	s.once.Do(func() {
		s.transport = http.DefaultTransport.(*http.Transport).Clone()
	})
	(&http.Client{Transport: s.transport}).Get("http://upstream")
}

func newTransport() *http.Transport { return &http.Transport{} }

// A Client whose Transport comes from a factory call per request.
func viaFactory(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: newTransport()} // want `\[pool-per-request\] http.Client with a Transport built by a call in an http handler`
	c.Get("http://upstream")
}

// A redis client per request, in a ServeHTTP method.
type cacheHandler struct{ addr string }

func (h cacheHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rdb := redis.NewClient(&redis.Options{Addr: h.addr}) // want `\[pool-per-request\] redis.NewClient in an http handler builds a new connection pool per request`
	defer rdb.Close()
}

// Safe twin: created lazily and kept in a field.
func (s *server) cache(w http.ResponseWriter, r *http.Request) {
	if s.rdb == nil {
		s.rdb = redis.NewClient(&redis.Options{Addr: "cache:6379"})
	}
}

// Safe twin: cached per address in a sync.Map.
func (s *server) cachePerTenant(w http.ResponseWriter, r *http.Request) {
	addr := r.URL.Query().Get("shard")
	if _, ok := s.clients.Load(addr); !ok {
		s.clients.Store(addr, redis.NewClient(&redis.Options{Addr: addr}))
	}
}

// A gRPC ClientConn per request, in a handler literal.
func routes(mux *http.ServeMux) {
	mux.HandleFunc("/users", func(w http.ResponseWriter, r *http.Request) {
		conn, err := grpc.NewClient("users:443") // want `\[pool-per-request\] grpc.NewClient in an http handler builds a new ClientConn`
		if err != nil {
			return
		}
		defer conn.Close()
	})
}

// Safe twin: the handler factory dials once and the literal shares it.
func usersHandler(target string) (http.HandlerFunc, error) {
	conn, err := grpc.NewClient(target)
	if err != nil {
		return nil, err
	}
	return func(w http.ResponseWriter, r *http.Request) { _ = conn }, nil
}

// An upstream given its own transport through a setter, then registered
// in a field: one pool per registration, kept and reused. Quiet; the
// twin's upstream is used for this request only.

type registry struct{ upstreams []*upstream }

func (g *registry) register(w http.ResponseWriter, r *http.Request) {
	u := &upstream{}
	u.SetHTTPClient(&http.Client{Transport: &http.Transport{MaxIdleConns: 1}})
	g.upstreams = append(g.upstreams, u)
}

func (g *registry) probe(w http.ResponseWriter, r *http.Request) {
	u := &upstream{}
	u.SetHTTPClient(&http.Client{Transport: &http.Transport{MaxIdleConns: 1}}) // want `\[pool-per-request\] http.Transport literal in an http handler builds a new connection pool per request`
	_, _ = u.client.Get("http://backend/health")
}
