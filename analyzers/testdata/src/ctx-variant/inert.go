package ctxvariant

import (
	"context"

	"google.golang.org/grpc"
)

// From openfga (cmd/run/run.go, pkg/server/server.go and 27 more): its
// logger has Info and InfoWithContext, and neither returns anything. A twin
// that cannot tell its caller it was cancelled carries the context for its
// values (trace ids), not for cancellation.
type logger interface {
	Info(msg string, fields ...any)
	InfoWithContext(ctx context.Context, msg string, fields ...any)
}

func serve(ctx context.Context, log logger) {
	log.Info("starting server")
}

// The twin: a publisher whose context twin returns an error can give up
// when the caller does.
type publisher interface {
	Publish(topic string, msg []byte) error
	PublishWithContext(ctx context.Context, topic string, msg []byte) error
}

func announce(ctx context.Context, p publisher) error {
	return p.Publish("events", nil) // want `\[ctx-variant\] ctxvariant.publisher.Publish cannot be cancelled`
}

// From trillian cmd/createtree/main.go:76 and testonly/mdm/mdmtest/main.go:73:
// grpc.Dial without an option that makes it block returns at once, so
// DialContext's ctx would bound nothing.
func quietNonBlockingDial(ctx context.Context, addr string, opts []grpc.DialOption) error {
	conn, err := grpc.Dial(addr, opts...)
	if err != nil {
		return err
	}
	return conn.Close()
}

// The twin: a blocking dial waits for the server, and only DialContext's
// ctx bounds the wait.
func dialBlocking(ctx context.Context, addr string) error {
	opts := []grpc.DialOption{grpc.WithInsecure(), grpc.WithBlock()}
	conn, err := grpc.Dial(addr, opts...) // want `\[ctx-variant\] grpc.Dial cannot be cancelled`
	if err != nil {
		return err
	}
	return conn.Close()
}
