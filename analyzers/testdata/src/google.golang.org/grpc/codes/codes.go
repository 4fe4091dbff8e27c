// Package codes synthesizes package google.golang.org/grpc/codes for tests.
package codes

// Code is a gRPC status code.
type Code uint32

const (
	OK                 Code = 0
	NotFound           Code = 5
	FailedPrecondition Code = 9
	Unavailable        Code = 14
)
