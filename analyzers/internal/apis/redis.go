package apis

// github.com/redis/go-redis/v9: clients are pools.
var goRedis = Library{
	Path: "github.com/redis/go-redis/v9",
	Pools: []Pool{{
		Funcs:   Funcs{"", []string{"NewClient", "NewClusterClient", "NewFailoverClient", "NewUniversalClient"}},
		What:    "connection pool",
		Failure: "dials Redis again, and clients left open hold their connections until Redis hits maxclients",
		Advice:  "create the client once at startup and share it: it is safe for concurrent use",
	}},
}
