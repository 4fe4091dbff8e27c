package ctxvariant

import (
	"context"
	"crypto/tls"
	"database/sql"
	"log/slog"
	"net/http"
	"time"

	"ctx-variant/api"

	validation "github.com/go-ozzo/ozzo-validation/v4"
	promconfig "github.com/prometheus/common/config"
)

// No ctx in scope: a migration tool or a library root.
func migrate(db *sql.DB) error {
	_, err := db.Exec("CREATE TABLE IF NOT EXISTS t (id int)")
	return err
}

func init() {
	_, _ = http.NewRequest(http.MethodGet, "https://example.com", nil)
}

// Already passing the context.
func withContext(ctx context.Context, db *sql.DB, r *http.Request) error {
	if _, err := db.ExecContext(ctx, "DELETE FROM sessions"); err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	_, err = http.NewRequestWithContext(r.Context(), http.MethodGet, "https://example.com", nil)
	return err
}

// The ctx name rebound to a fresh root: a deliberate detach.
func deliberate(ctx context.Context, db *sql.DB) error {
	{
		ctx := context.Background()
		_ = ctx
		_, err := db.Exec("INSERT INTO audit (event) VALUES ('x')")
		return err
	}
}

// A context the function chose not to name.
func blank(_ context.Context, db *sql.DB) error {
	return db.Ping()
}

// Twins whose signatures do not match, or that cannot be called.
func mismatched(ctx context.Context, svc *ctxvariantapi.S3) error {
	if err := svc.PutObject(&ctxvariantapi.GetObjectInput{}); err != nil {
		return err
	}
	if err := svc.Delete("k"); err != nil {
		return err
	}
	if err := ctxvariantapi.Sync(); err != nil {
		return err
	}
	return ctxvariantapi.Flush()
}

// slog's Context twins carry values, not cancellation.
func quietValuesOnlyTwin(ctx context.Context, logger *slog.Logger) {
	slog.Info("started")
	logger.Warn("slow")
}

// A goroutine meant to outlive the request.
func quietInGoStatement(ctx context.Context, db *sql.DB) {
	go func() {
		_, _ = db.Exec("REFRESH MATERIALIZED VIEW stats")
	}()
}

// A go call's arguments run at the go statement, in the function's flow:
// reported.
func goArgumentsRunNow(ctx context.Context, db *sql.DB) {
	go closeRows(db.Query("SELECT id FROM jobs")) // want `\(\*sql\.DB\)\.Query cannot be cancelled`
}

// Deferred cleanup runs as the function ends, often because ctx is over:
// cancelling it with ctx would skip it.
func quietDeferred(ctx context.Context, tx *sql.Tx) error {
	defer tx.Exec("CLOSE batch_cursor")
	defer func() {
		_, _ = tx.Exec("DROP TABLE IF EXISTS batch_tmp")
	}()
	_, err := tx.ExecContext(ctx, "DECLARE batch_cursor CURSOR FOR SELECT id FROM jobs")
	return err
}

// The same statements run in the function's own flow are reported.
func deferredTwinInFlow(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "DECLARE batch_cursor CURSOR FOR SELECT id FROM jobs"); err != nil {
		return err
	}
	_, err := tx.Exec("CLOSE batch_cursor") // want `\(\*sql\.Tx\)\.Exec cannot be cancelled`
	return err
}

// A deferred call's arguments and receiver run at the defer statement, in
// the function's flow: reported.
func deferredArgumentsRunNow(ctx context.Context, db *sql.DB) error {
	var ok bool
	defer closeRows(db.Query("SELECT id FROM locks"))           // want `\(\*sql\.DB\)\.Query cannot be cancelled`
	defer db.QueryRow("SELECT pg_advisory_unlock(1)").Scan(&ok) // want `\(\*sql\.DB\)\.QueryRow cannot be cancelled`
	_, err := db.ExecContext(ctx, "SELECT pg_advisory_lock(1)")
	return err
}

func closeRows(rows *sql.Rows, err error) {
	if err == nil {
		rows.Close()
	}
}

// A deferred cleanup that gives itself a context with its own deadline has
// chosen how it ends: its ctx-less calls drop that bound and are reported.
func deferredCleanupWithOwnContext(ctx context.Context, db *sql.DB) {
	defer func() {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		defer cancel()
		_, _ = db.Exec("DELETE FROM leases WHERE owner = $1", "me") // want `\(\*sql\.DB\)\.Exec cannot be cancelled`
		_ = cctx
	}()
}

// Once ctx is over, the cleanup must not be cancelled with it.
func quietAfterDone(ctx context.Context, db *sql.DB, id int) error {
	select {
	case <-ctx.Done():
		_, err := db.Exec("UPDATE jobs SET status = 'cancelled' WHERE id = $1", id)
		return err
	default:
	}
	if ctx.Err() != nil {
		_, err := db.Exec("UPDATE jobs SET status = 'cancelled' WHERE id = $1", id)
		return err
	}
	return nil
}

// Methods without a twin.
func noTwin(ctx context.Context, rows *sql.Rows, tx *sql.Tx) error {
	if err := rows.Close(); err != nil {
		return err
	}
	return tx.Commit()
}

// Method expressions and function values are not rewritten.
func indirect(ctx context.Context, db *sql.DB) error {
	exec := db.Exec
	if _, err := exec("SELECT 1"); err != nil {
		return err
	}
	_, err := (*sql.DB).Exec(db, "SELECT 1")
	return err
}

// An adapter twin that wraps F must call F: the twin would recurse.
type legacy struct{}

func (legacy) Send(msg string) error { return nil }

func (l legacy) SendContext(ctx context.Context, msg string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return l.Send(msg)
}

func quietInsideTwin(name string) string { return name }

func quietInsideTwinContext(ctx context.Context, name string) string {
	return quietInsideTwin(name)
}

// From alertmanager cli/alert_add.go:134 (and its eight siblings in cli/):
// go-swagger parameters given the ctx at once.
func swaggerChained(ctx context.Context, c *ctxvariantapi.Client, id string) error {
	params := ctxvariantapi.NewGetParams().WithContext(ctx).WithID(id)
	_, err := c.Get(params)
	if err != nil {
		return err
	}
	_, err = c.Get((ctxvariantapi.NewGetParams()).WithContext(ctx))
	return err
}

// From alertmanager notify/util.go:84: the request is given the ctx before
// it is sent.
func quietContextAttachedLater(ctx context.Context, client *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "x")
	return client.Do(req.WithContext(ctx))
}

// From gitea services/migrations/gitlab.go:337.
func attachedByAssignment(ctx context.Context, client *http.Client, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req = req.WithContext(ctx)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// From gitea services/webhook/deliver.go:45: a request built for the
// caller, which sends it with client.Do(req.WithContext(ctx)).
func quietRequestReturned(ctx context.Context, method, url string) (req *http.Request, err error) {
	switch method {
	case http.MethodPost:
		req, err = http.NewRequest(http.MethodPost, url, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
	default:
		req, err = http.NewRequest(http.MethodGet, url, nil)
	}
	return req, err
}

// From gitea modules/globallock/redis_locker.go:104: the release function
// runs after the locking call is over; its ctx may have timed out by then.
func quietInReturnedFunc(ctx context.Context, m *ctxvariantapi.Mutex) (func(), error) {
	return func() {
		_, _ = m.Unlock()
	}, nil
}

// From pocketbase core/field_*.go ValidateSettings: ozzo-validation's
// context only reaches rules that ask for it; it cancels nothing.
type settings struct{ Name string }

func validateSettings(ctx context.Context, s *settings) error {
	return validation.ValidateStruct(s, validation.Field(&s.Name))
}

// From alertmanager notify/email/email.go:143 and :190 and
// cluster/tls_transport.go:93: with no secret manager option, the twin's
// context has no reader; the certificate files are read either way.
func quietContextUnread(ctx context.Context, cfg *promconfig.TLSConfig) (*tls.Config, error) {
	return promconfig.NewTLSConfig(cfg)
}

// Generated params handed to a send that takes the ctx itself: the
// params' own context would be ignored there, and the ctx travels with
// the call. Quiet; the twin (swaggerNoContext in positives.go) sends with
// a call that receives no ctx.
func quietSentWithContext(ctx context.Context, c *ctxvariantapi.ContextClient, id string) error {
	params := ctxvariantapi.NewGetParams()
	params.ID = id
	if _, err := c.GetContext(ctx, params); err != nil {
		return err
	}
	_, err := c.GetContext(ctx, ctxvariantapi.NewGetParams().WithID(id))
	return err
}

// The twin of the quiet forms above: a request built without the ctx in
// scope and sent as it is is reported.
func negativesTwin(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil) // want `\[ctx-variant\] http.NewRequest cannot be cancelled`
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// The collected quiet forms, each beside the reported twins of
// positives.go.
func quietNoCtxInScope(db *sql.DB) error {
	_, err := db.Exec("DELETE FROM sessions WHERE expired")
	return err
}

func quietPassesContext(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, "DELETE FROM sessions WHERE expired")
	return err
}

func quietTwinDiffers(ctx context.Context, svc *ctxvariantapi.S3) error {
	return svc.PutObject(&ctxvariantapi.GetObjectInput{})
}

func quietCtxReboundToRoot(ctx context.Context, db *sql.DB) error {
	if ctx := context.Background(); ctx != nil {
		_, err := db.Exec("INSERT INTO audit (event) VALUES ('detached')")
		return err
	}
	return nil
}
