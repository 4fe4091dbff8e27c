package ctxbackground

import (
	"context"
	"database/sql"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/sirupsen/logrus"
)

// The default tier leaves out fresh roots that are as often meant as not:
// detached work in a go statement (it drops values, not a cancellation
// anyone waits for), a root with its own deadline, and follow-up writes
// outside request-serving code: calls made for their effect, whose callee
// may reach a database or the network by its I/O summary while the caller
// keeps only its error. Calls whose result the
// caller uses (returned, or filled into a variable passed by address),
// calls that do no I/O and return an error (a wait), and anything on a
// fresh root in a handler are still reported, whatever the callee is
// named.

type accounts struct{ db *sql.DB }

func (a accounts) SetPassword(ctx context.Context, user, pw string) error {
	_, err := a.db.ExecContext(ctx, "UPDATE users SET pw = $1 WHERE name = $2", pw, user)
	return err
}

func (a accounts) devices(ctx context.Context, user string) error {
	_, err := a.db.ExecContext(ctx, "DELETE FROM devices WHERE owner = $1", user)
	return err
}

func (a accounts) QueryDevices(ctx context.Context, user string) ([]string, error) {
	return nil, ctx.Err()
}

// RemoveAllDevices is named like a write, and hands the removed devices
// back to its caller.
func (a accounts) RemoveAllDevices(ctx context.Context, user string) ([]string, error) {
	if err := a.devices(ctx, user); err != nil {
		return nil, err
	}
	return a.QueryDevices(ctx, user)
}

// DevicesInto fills *out from the database.
func (a accounts) DevicesInto(ctx context.Context, user string, out *[]string) error {
	rows, err := a.db.QueryContext(ctx, "SELECT id FROM devices WHERE owner = $1", user)
	if err != nil {
		return err
	}
	defer rows.Close()
	*out = nil
	return rows.Err()
}

// AwaitQuiet returns only an error, but reaches no database: it waits.
func (a accounts) AwaitQuiet(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

type vm struct{ ctx context.Context }

// SetContext keeps the context for the script it runs next.
func (m *vm) SetContext(ctx context.Context) { m.ctx = ctx }

func (m *vm) Run(script string) { _ = m.ctx.Err() }

// After the password change, logging out every device must complete:
// quiet whether the callee returns only an error or the caller drops its
// other results.
func quietStateChangingCall(ctx context.Context, db accounts, user, pw string) error {
	if err := db.SetPassword(ctx, user, pw); err != nil {
		return err
	}
	if _, err := db.RemoveAllDevices(context.Background(), user); err != nil {
		return err
	}
	return db.devices(context.Background(), user)
}

// A context handed to an object for one piece of work, then reset to a
// fresh root once it is done. Quiet; the twin hands the object a fresh
// root with no live context before it and is reported.
func quietResetsContext(ctx context.Context, m *vm) {
	m.SetContext(ctx)
	m.Run("script")
	m.SetContext(context.Background())
}

type pooled struct{ vm *vm }

func (p *pooled) invoke(fn string) { p.vm.Run(fn) }

func quietResetsHeldContext(ctx context.Context, p *pooled) {
	p.vm.SetContext(ctx)
	p.invoke("rpc")
	p.vm.SetContext(context.Background())
}

func freshContextForVM(ctx context.Context, m *vm) {
	m.SetContext(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
}

// The twins: a read on a fresh root (its result is for the caller only),
// a call named like a write whose result is used, a read that fills a
// variable passed by address, a wait that returns only an error, and a
// write in a handler.
func devicesOnFreshRoot(ctx context.Context, db accounts, user string) ([]string, error) {
	return db.QueryDevices(context.TODO(), user) // want `\[ctx-background\] context.TODO\(\) drops ctx's cancellation`
}

func removedOnFreshRoot(ctx context.Context, db accounts, user string) ([]string, error) {
	return db.RemoveAllDevices(context.Background(), user) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
}

func filledOnFreshRoot(ctx context.Context, db accounts, user string) ([]string, error) {
	var res []string
	err := db.DevicesInto(context.Background(), user, &res) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	return res, err
}

func waitOnFreshRoot(ctx context.Context, db accounts) error {
	return db.AwaitQuiet(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
}

func logoutHandler(w http.ResponseWriter, r *http.Request, db accounts) {
	_ = db.devices(context.Background(), r.FormValue("user")) // want `\[ctx-background\] context.Background\(\) drops the request's cancellation`
}

type seeder struct{}

func (seeder) seed(ctx context.Context) error { return ctx.Err() }

// Startup seeding with its own bound, whoever waits for it.
func quietOwnDeadline(ctx context.Context, s seeder) error {
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return s.seed(sctx)
}

// Detached thumbnail work, meant to outlive the request.
func quietInGoStatement(ctx context.Context, s seeder) {
	go func() {
		_ = s.seed(context.Background())
	}()
}

// An overridable hook whose documented default is a fresh context.
func quietContextFactory(reqCtx context.Context) context.Context {
	return context.Background()
}

type scopeKey struct{}

// The twin: a context built for later work that reads the caller's ctx,
// keeps one value and drops its cancellation.
func withScope(orig context.Context) context.Context {
	return context.WithValue(context.Background(), scopeKey{}, orig.Value(scopeKey{})) // want `\[ctx-background\] context.Background\(\) drops orig's cancellation`
}

type runtime struct{}

func (runtime) Close(ctx context.Context) error { return ctx.Err() }

// Closing the replaced runtime must complete.
func quietClosesResource(ctx context.Context, old, fresh *runtime) error {
	*old, *fresh = *fresh, runtime{}
	return old.Close(context.Background())
}

type cache struct {
	mu   sync.Mutex
	resp []string
	ok   bool
}

// A cache fill under the lock, shared by every caller waiting on it.
func quietFillsSharedState(ctx context.Context, c *cache, db accounts) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ok {
		return c.resp
	}
	c.resp, _ = db.QueryDevices(context.Background(), "all")
	c.ok = true
	return c.resp
}

type once struct {
	mu   sync.Mutex
	done bool
	v    []string
}

func (o *once) get(f func() ([]string, error)) ([]string, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.done {
		o.v, _ = f()
		o.done = true
	}
	return o.v, nil
}

// The same through a function of the package that runs the literal under
// its lock and keeps the result.
func preparedOnce(ctx context.Context, o *once, db accounts) ([]string, error) {
	return o.get(func() ([]string, error) {
		return db.QueryDevices(context.Background(), "all")
	})
}

// The twin: the same read with no lock and nothing kept.
func uncachedRead(ctx context.Context, c *cache, db accounts) []string {
	v, _ := db.QueryDevices(context.Background(), "all") // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	return v
}

func entryFrom(ctx context.Context) *logrus.Entry { return logrus.WithField("ctx", ctx) }

// A context made only to look a logger up, and a listener whose context
// covers only resolving its address: quiet.
func loggerLookup(ctx context.Context, user string) {
	entryFrom(context.TODO()).WithField("user", user).Info("sent")
}

func listen(ctx context.Context, addr string) (net.Listener, error) {
	lc := net.ListenConfig{}
	return lc.Listen(context.TODO(), "tcp", addr)
}

// A context of the package's own type, which ends when a role is lost.
type roleCtx struct {
	context.Context
	done chan struct{}
}

func (c *roleCtx) Done() <-chan struct{} { return c.done }

func newRoleCtx(parent context.Context, lost chan struct{}) *roleCtx {
	return &roleCtx{Context: parent, done: lost}
}

func roleContext(parent context.Context, lost chan struct{}) context.Context {
	return newRoleCtx(parent, lost)
}

func quietOwnContextType(ctx context.Context, lost chan struct{}, s seeder) error {
	rctx := roleContext(context.Background(), lost)
	return s.seed(rctx)
}

// The twin: a helper of the package that only adds a value.
func withTrace(parent context.Context) context.Context {
	return context.WithValue(parent, scopeKey{}, "t")
}

func seedTraced(ctx context.Context, s seeder) error {
	return s.seed(withTrace(context.Background())) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
}

// A visible rebinding of the ctx name through a derivation: quiet, as
// ctx := context.Background() is.
func relayTest(ctx context.Context, s seeder) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	return s.seed(ctx)
}
