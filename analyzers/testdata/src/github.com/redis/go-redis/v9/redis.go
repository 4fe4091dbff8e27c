// Package redis synthesizes github.com/redis/go-redis/v9 for tests.
package redis

// Options keeps the settings to set up a redis connection.
type Options struct {
	Addr     string
	Password string
	DB       int
	PoolSize int
}

// Client is a Redis client representing a pool of zero or more underlying
// connections.
type Client struct{ opt *Options }

// NewClient returns a client to the Redis Server specified by Options.
func NewClient(opt *Options) *Client { return &Client{opt: opt} }

// NewFailoverClient returns a Redis client that uses Redis Sentinel for
// automatic failover.
func NewFailoverClient(failoverOpt *FailoverOptions) *Client { return &Client{} }

// Close closes the client, releasing any open resources.
func (c *Client) Close() error { return nil }

// FailoverOptions are used to configure a failover client.
type FailoverOptions struct {
	MasterName    string
	SentinelAddrs []string
}

// ClusterOptions are used to configure a cluster client.
type ClusterOptions struct {
	Addrs []string
}

// ClusterClient is a Redis Cluster client.
type ClusterClient struct{ opt *ClusterOptions }

// NewClusterClient returns a Redis Cluster client.
func NewClusterClient(opt *ClusterOptions) *ClusterClient { return &ClusterClient{opt: opt} }

// UniversalOptions is a common options for cluster, failover and simple clients.
type UniversalOptions struct {
	Addrs []string
}

// UniversalClient is an abstract client.
type UniversalClient interface {
	Close() error
}

// NewUniversalClient returns a new multi client.
func NewUniversalClient(opts *UniversalOptions) UniversalClient { return &Client{} }
