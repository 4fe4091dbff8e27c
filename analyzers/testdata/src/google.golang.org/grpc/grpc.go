// Package grpc synthesizes google.golang.org/grpc for tests.
package grpc

import "context"

// DialOption configures how we set up the connection.
type DialOption interface {
	apply()
}

// ClientConn represents a virtual connection to a conceptual endpoint.
type ClientConn struct{ target string }

// Close tears down the ClientConn and all underlying connections.
func (cc *ClientConn) Close() error { return nil }

// NewClient creates a new gRPC "channel" for the target URI provided.
func NewClient(target string, opts ...DialOption) (conn *ClientConn, err error) {
	return &ClientConn{target: target}, nil
}

// Dial calls DialContext(context.Background(), target, opts...).
func Dial(target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{target: target}, nil
}

// DialContext calls NewClient and then exits idle mode.
func DialContext(ctx context.Context, target string, opts ...DialOption) (conn *ClientConn, err error) {
	return &ClientConn{target: target}, nil
}

type blockOption struct{}

func (blockOption) apply() {}

// WithBlock makes Dial block until the connection is up.
func WithBlock() DialOption { return blockOption{} }

// WithReturnConnectionError makes Dial block and return the last connection error.
func WithReturnConnectionError() DialOption { return blockOption{} }

// FailOnNonTempDialError makes a blocking Dial fail on a non-temporary error.
func FailOnNonTempDialError(f bool) DialOption { return blockOption{} }

type insecureOption struct{}

func (insecureOption) apply() {}

// WithInsecure disables transport security.
func WithInsecure() DialOption { return insecureOption{} }
