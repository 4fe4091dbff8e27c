package ctxvariant

import (
	"context"
	"crypto/tls"
	"database/sql"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"time"
)

// APIs with no twin of the same shape, and twins already in use.
func noSameShapeTwin(ctx context.Context, dsn, addr string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return err
	}
	c.Close()
	tc, err := tls.Dial("tcp", addr, &tls.Config{MinVersion: tls.VersionTLS12})
	if err != nil {
		return err
	}
	tc.Close()
	c, err = (&net.Dialer{}).DialContext(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	c.Close()
	slog.InfoContext(ctx, "dialed")
	return exec.CommandContext(ctx, "true").Run()
}

// httptest requests are never sent: their context is a test's business.
func fakeRequest(ctx context.Context) *http.Request {
	return httptest.NewRequest(http.MethodGet, "/", nil)
}

// After a blocking receive from ctx.Done(), ctx is over.
func drain(ctx context.Context, db *sql.DB) error {
	<-ctx.Done()
	_, err := db.Exec("UPDATE workers SET state = 'stopped'")
	return err
}

// No ctx in scope: the request name is rebound to something else.
func rebound(w http.ResponseWriter, r *http.Request) {
	{
		r := 42
		_ = r
		_, _ = http.Get("https://example.com")
	}
}
