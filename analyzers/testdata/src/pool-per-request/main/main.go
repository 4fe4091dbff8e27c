// Package main holds the fixtures of pool-per-request that depend on what
// main calls.
package main

import (
	"net/http"

	"github.com/redis/go-redis/v9"
)

type backend struct {
	name string
	rdb  *redis.Client
}

// Called only from main: runs once, so one client per backend is right.
func connect(addrs []string) []*backend {
	var bs []*backend
	for _, a := range addrs {
		rdb := redis.NewClient(&redis.Options{Addr: a})
		bs = append(bs, &backend{name: a, rdb: rdb})
	}
	return bs
}

// Called only from main, but also per request through the handler: not once.
func pingAll(addrs []string) {
	for _, a := range addrs {
		rdb := redis.NewClient(&redis.Options{Addr: a}) // want `\[pool-per-request\] redis.NewClient in a loop builds a new connection pool per iteration`
		rdb.Close()
	}
}

func main() {
	addrs := []string{"a:6379", "b:6379"}
	bs := connect(addrs)
	_ = bs
	pingAll(addrs)
	for _, a := range addrs {
		c := redis.NewClient(&redis.Options{Addr: a}) // main runs once
		c.Close()
	}
	http.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {
		pingAll(addrs)
	})
}
