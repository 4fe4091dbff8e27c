// Package use reaches the network only through another package's helpers.
package use

import (
	"context"
	"net/http"

	"iosum.example/remote"
)

func Get(ctx context.Context, c *http.Client) error { // want Get:`mayIO\(http.Client.Do\)`
	return remote.Walk(ctx, c, 3)
}

func Number(ctx context.Context) (int, error) { // want Number:"noIO"
	return remote.Parse(ctx, "42")
}
