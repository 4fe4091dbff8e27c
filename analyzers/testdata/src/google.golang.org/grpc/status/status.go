// Package status synthesizes package google.golang.org/grpc/status for tests.
package status

import "google.golang.org/grpc/codes"

// Status is a gRPC status.
type Status struct{ code codes.Code }

// Code returns the status code.
func (s *Status) Code() codes.Code { return s.code }

// Code returns the status code of err.
func Code(err error) codes.Code { return codes.OK }

// FromError returns the status err carries.
func FromError(err error) (s *Status, ok bool) { return &Status{}, true }
