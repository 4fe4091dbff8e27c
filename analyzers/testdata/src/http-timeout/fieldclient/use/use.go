// Package use calls, with various contexts, the methods of another
// package that send through a client kept in a struct field.
package use

import (
	"context"
	"net/http"
	"time"

	"http-timeout/fieldclient/api"
)

func background(u string) {
	api.NewDownloader().Get(context.Background(), u) // want `\[http-timeout\] .*Downloader\)?\.Get sends a request through an http.Client without a timeout, bounded only by the context it is given, and context.Background\(\) has no deadline`
	new(api.Lazy).Get(context.TODO(), u)             // want `\[http-timeout\] .*Lazy\)?\.Get sends a request through an http.Client without a timeout.*context.TODO\(\) has no deadline`
}

func requestContext(w http.ResponseWriter, r *http.Request) {
	api.NewDownloader().Get(r.Context(), "http://upstream/") // want `\[http-timeout\] .*Get sends a request through an http.Client without a timeout, bounded only by the context it is given, and r.Context\(\) is a request's context`
}

// Twin: a context with a deadline.
func withDeadline(u string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return api.NewDownloader().Get(ctx, u)
}

// Twins: clients with a timeout, or whose configuration the field's
// package does not settle.
func quiet(u string) {
	api.NewTimed().Get(context.Background(), u)
	api.NewReassigned().Get(context.Background(), u)
	api.NewExported().Get(context.Background(), u)
	api.NewConfigured().Get(context.Background(), u)
	api.NewHandedOff().Get(context.Background(), u)
	api.NewShared().Get(context.Background(), u)
	api.NewUnkeyedDefault().Get(context.Background(), u)
	api.NewAliased().Get(context.Background(), u)
	api.NewGiven(&http.Client{Timeout: time.Second}).Get(context.Background(), u)
}
