package poolperrequest

import (
	"context"

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
