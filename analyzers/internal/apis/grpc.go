package apis

import (
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// google.golang.org/grpc: the ClientConn is a pool; its client calls are
// recognised by their shape (isGRPCCall), since generated clients live in
// the user's packages.
var grpc = Library{
	Path: "google.golang.org/grpc",
	Pools: []Pool{{
		Funcs:   Funcs{"", []string{"Dial", "DialContext", "NewClient"}},
		What:    "ClientConn (HTTP/2 connections, name resolution, load balancing)",
		Failure: "dials again, and conns left open leak connections and goroutines",
		Advice:  "create the ClientConn once at startup and share it: it is safe for concurrent use",
	}},
	// Without one of these, Dial returns at once and DialContext's
	// context "is a no-op once this function returns" (grpc's
	// documentation).
	BlockingOptions: []string{"WithBlock", "WithReturnConnectionError", "FailOnNonTempDialError"},
}

// sendShapes recognise sends by their signature rather than a table entry.
var sendShapes = []func(*types.Func) bool{isGRPCCall}

// isGRPCCall reports whether fn is a gRPC client call: a method whose last
// parameter is ...grpc.CallOption, the shape protoc-gen-go-grpc generates
// for every client method (and ClientConn.Invoke/NewStream share).
func isGRPCCall(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !sig.Variadic() {
		return false
	}
	last := sig.Params().At(sig.Params().Len() - 1).Type()
	slice, ok := last.(*types.Slice)
	return ok && match.IsNamed(slice.Elem(), grpc.Path, "CallOption")
}
