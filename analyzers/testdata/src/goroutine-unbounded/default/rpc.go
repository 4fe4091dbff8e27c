package goroutineunboundeddefault

import (
	"context"
	"net/http"
	"sync"
)

// rateLimitReq is a request message decoded from the wire (protobuf tags).
type rateLimitReq struct {
	Requests []*limitReq `protobuf:"bytes,1,rep,name=requests,proto3" json:"requests,omitempty"`
}

type limitReq struct {
	Name string `protobuf:"bytes,1,opt,name=name,proto3" json:"name,omitempty"`
}

type rateLimitResp struct{}

type limiter struct{ peers []string }

func check(r *limitReq) { _, _ = http.Get("http://peer/" + r.Name) }

// An RPC method serving a request: one goroutine per element its caller
// sends, so the caller sets how many run at once.
func (l *limiter) GetRateLimits(ctx context.Context, r *rateLimitReq) (*rateLimitResp, error) {
	var wg sync.WaitGroup
	for _, req := range r.Requests {
		wg.Add(1)
		go func() { // want `\[goroutine-unbounded\] go statement starts a goroutine per element of r.Requests \(a field of the message r\)`
			defer wg.Done()
			check(req)
		}()
	}
	wg.Wait()
	return &rateLimitResp{}, nil
}

// Safe twin: the same method with a semaphore slot taken before each
// goroutine starts.
func (l *limiter) GetRateLimitsGated(ctx context.Context, r *rateLimitReq) (*rateLimitResp, error) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for _, req := range r.Requests {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			check(req)
		}()
	}
	wg.Wait()
	return &rateLimitResp{}, nil
}

// Narrowed away by default (reported with input-loops = true): the same
// message handed to a plain function, not a method serving a request (no
// context, no error): on real code such helpers are mostly given lists the
// program built.
func checkAll(r *rateLimitReq) {
	var wg sync.WaitGroup
	for _, req := range r.Requests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			check(req)
		}()
	}
	wg.Wait()
}
