package poolperrequest

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
)

// Quiet forms of pool-per-request without a fixture elsewhere
// (rule.FixtureFunc), beside a reported twin.

func init() { quietRunsOnce(context.Background(), []string{"cache:6379"}) }

// Called only from init: the loop runs once per process.
func quietRunsOnce(ctx context.Context, addrs []string) {
	for _, a := range addrs {
		rdb := redis.NewClient(&redis.Options{Addr: a})
		rdb.Close()
	}
}

// An exported function may be called per request.
func PingAll(ctx context.Context, addrs []string) {
	for _, a := range addrs {
		rdb := redis.NewClient(&redis.Options{Addr: a}) // want `\[pool-per-request\] redis.NewClient in a loop builds a new connection pool per iteration`
		rdb.Close()
	}
}

func quietPlainClientLiteral(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Timeout: time.Second}
	c.Get("http://upstream/")
}

func (s *server) quietSharedTransport(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: s.transport, Timeout: time.Second}
	c.Get("http://upstream/")
}

var sharedDB *sql.DB

func openShared() *sql.DB { return sharedDB }

func quietSharedPoolFunc(w http.ResponseWriter, r *http.Request) {
	db := openShared()
	db.PingContext(r.Context())
}
