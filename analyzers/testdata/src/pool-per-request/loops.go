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
