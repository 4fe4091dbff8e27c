package ctxbackground

import (
	"context"
	"net/http"
)

// A fresh root whose cancel the function calls once the caller's ctx is
// over (after <-ctx.Done(), or through context.AfterFunc) is ended in an
// order the author chose: stop the server, let it drain, then cancel the
// backend it uses. Passing ctx would cancel the backend first. Quiet; the
// twin only defers its cancel and is still reported.

type backend struct{}

func startBackend(ctx context.Context) (*backend, error) { _ = ctx; return &backend{}, nil }

func quietCancelledOnDone(ctx context.Context, srv *http.Server) error {
	bctx, cancel := context.WithCancel(context.Background())
	if _, err := startBackend(bctx); err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		_ = srv.Close()
		cancel()
	}()
	return srv.ListenAndServe()
}

func serveAfterFunc(ctx context.Context, srv *http.Server) error {
	bctx, cancel := context.WithCancel(context.Background())
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	if _, err := startBackend(bctx); err != nil {
		return err
	}
	return srv.ListenAndServe()
}

func serveCancelOnReturn(ctx context.Context, srv *http.Server) error {
	bctx, cancel := context.WithCancel(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	defer cancel()
	if _, err := startBackend(bctx); err != nil {
		return err
	}
	return srv.ListenAndServe()
}

// A fresh root whose cancel is handed to a stop path (returned, stored in
// a field) ends when its owner says: quiet. The twin keeps its cancel to
// itself and is still reported (serveCancelOnReturn above).

type backendOwner struct{ stopBackend context.CancelFunc }

func startBackendFor(ctx context.Context) (stop func(), err error) {
	bctx, cancel := context.WithCancel(context.Background())
	if _, err := startBackend(bctx); err != nil {
		cancel()
		return nil, err
	}
	return cancel, nil
}

func (s *backendOwner) start(ctx context.Context) error {
	bctx, cancel := context.WithCancel(context.Background())
	s.stopBackend = cancel
	_, err := startBackend(bctx)
	return err
}
