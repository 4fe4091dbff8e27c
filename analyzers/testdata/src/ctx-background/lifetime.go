package ctxbackground

import (
	"context"
	"io"
)

// Fresh roots where there is no context to propagate, or where what they
// start must outlive the call.

type pipe struct{ r io.Reader }

func (p *pipe) Read(b []byte) (int, error) { return p.r.Read(b) }
func (p *pipe) Close() error               { return nil }

func openPipe(ctx context.Context, name string) (*pipe, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &pipe{}, nil
}

func readValue(ctx context.Context, key string) (string, error) { return key, ctx.Err() }

func decorate(ctx context.Context, name string) context.Context {
	_ = ctx.Err()
	return ctx
}

func isNilCtx(ctx context.Context) bool { return ctx == nil }

// A nil-context guard: there is no context to propagate.
func quietNilGuardDefault(ctx context.Context, name string) context.Context {
	if isNilCtx(ctx) {
		return decorate(context.Background(), name)
	}
	return decorate(ctx, name)
}

// The twin: outside the guard the ctx is there to pass.
func reportedOutsideNilGuard(ctx context.Context, name string) context.Context {
	if name == "" {
		return decorate(context.Background(), name) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	}
	return decorate(ctx, name)
}

type uploadReq struct {
	Key      string
	AsyncCtx context.Context
}

// The default of a nil context field.
func quietNilFieldDefault(ctx context.Context, req uploadReq) {
	if req.AsyncCtx == nil {
		req.AsyncCtx = decorate(context.Background(), req.Key)
	}
	go readValue(req.AsyncCtx, req.Key)
}

// The twin: the guarded field is not what the fresh root fills.
func reportedOtherThanNilField(ctx context.Context, req uploadReq) (string, error) {
	if req.AsyncCtx == nil {
		return readValue(context.Background(), req.Key) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	}
	return readValue(req.AsyncCtx, req.Key)
}

// A pipe that feeds a copy goroutine for as long as it lives.
func quietResourceOutlivesCall(ctx context.Context, name string, dst io.Writer) error {
	p, err := openPipe(context.Background(), name)
	if err != nil {
		return err
	}
	go func() {
		defer p.Close()
		io.Copy(dst, p)
	}()
	return nil
}

// The twin: the pipe is used up before the call returns.
func reportedPipeUsedInCall(ctx context.Context, name string, dst io.Writer) error {
	p, err := openPipe(context.Background(), name) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	if err != nil {
		return err
	}
	defer p.Close()
	_, err = io.Copy(dst, p)
	return err
}

// A monitor goroutine on a detached context that the function cancels and
// waits for before it returns.
func quietCancelledBeforeReturn(ctx context.Context, key string) (string, error) {
	monCtx, monCancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		readValue(monCtx, key)
	}()
	defer func() {
		monCancel()
		<-stopped
	}()
	return readValue(ctx, key)
}

// The twin: the detached context also drives work the caller waits for.
func reportedDeferredCancelInCall(ctx context.Context, key string) (string, error) {
	workCtx, cancel := context.WithCancel(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	defer cancel()
	return readValue(workCtx, key)
}

type object struct{}

// Length answers from the headers it holds, or asks the backend while ctx
// is live.
func (object) Length(ctx context.Context) (int64, error) { return 0, ctx.Err() }

// An already-cancelled context asked for on purpose: the object must
// answer from what it holds and never reach the backend, which the
// caller's live ctx would let it do.
func quietCancelledAtOnce(ctx context.Context, obj object) (int64, error) {
	cctx, cancel := context.WithCancel(context.Background())
	cancel()
	return obj.Length(cctx)
}

// The twin: cancelled only after the call that uses it, the context is a
// live one that the caller's cancellation no longer reaches.
func reportedCancelledAfterUse(ctx context.Context, obj object) (int64, error) {
	cctx, cancel := context.WithCancel(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	n, err := obj.Length(cctx)
	cancel()
	return n, err
}

type hostOptions struct {
	Credentials func(host string) (string, error)
}

// A callback with no context of its own, stored for later use.
func quietStoredCallback(ctx context.Context, key string) hostOptions {
	var opts hostOptions
	opts.Credentials = func(host string) (string, error) {
		return readValue(context.Background(), host)
	}
	_, _ = readValue(ctx, key)
	return opts
}

// The twin: the literal is called at once, within the call.
func reportedCalledLiteral(ctx context.Context, key string) (string, error) {
	get := func(host string) (string, error) {
		return readValue(context.Background(), host) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	}
	return get(key)
}

type streamWriter struct{}

func (w *streamWriter) init() error { return nil }

func (w *streamWriter) close(ctx context.Context, reason error) error { return ctx.Err() }

func (w *streamWriter) stat(ctx context.Context, reason error) error { return ctx.Err() }

// The cleanup close of a value whose construction failed.
func quietCloseOnInitError(ctx context.Context) (*streamWriter, error) {
	w := &streamWriter{}
	if err := w.init(); err != nil {
		_ = w.close(context.Background(), err)
		return nil, err
	}
	return w, nil
}

// The twin: a stat is not a cleanup.
func reportedStatOnInitError(ctx context.Context) (*streamWriter, error) {
	w := &streamWriter{}
	if err := w.init(); err != nil {
		_ = w.stat(context.Background(), err) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
		return nil, err
	}
	return w, nil
}

func withTenant(ctx context.Context, tenant string) context.Context { return decorate(ctx, tenant) }

// The same through a wrapped, cancellable context: the log pipe lives as
// long as the process it copies from.
func quietWrappedPipeOutlivesCall(ctx context.Context, name string, dst io.Writer) error {
	logCtx, cancelLog := context.WithCancel(withTenant(context.Background(), name))
	p, err := openPipe(logCtx, name)
	if err != nil {
		cancelLog()
		return err
	}
	go func() {
		defer cancelLog()
		io.Copy(dst, p)
	}()
	return nil
}
