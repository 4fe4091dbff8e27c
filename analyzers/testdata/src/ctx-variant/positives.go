package ctxvariant

import (
	"context"
	"crypto/tls"
	"database/sql"
	"net"
	"net/http"
	"os/exec"
	"time"

	"ctx-variant/api"

	promconfig "github.com/prometheus/common/config"
)

func queries(ctx context.Context, db *sql.DB, id int) error {
	rows, err := db.Query("SELECT name FROM users WHERE id = $1", id) // want `\[ctx-variant\] \(\*sql.DB\).Query cannot be cancelled: when the caller gives up or its deadline passes, the query keeps running and holds a pool connection; use QueryContext\(ctx, ...\)`
	if err != nil {
		return err
	}
	defer rows.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM users").Scan(&n); err != nil { // want `use QueryRowContext\(ctx, ...\)`
		return err
	}
	if _, err := db.Exec("DELETE FROM sessions WHERE user_id = $1", id); err != nil { // want `\(\*sql.DB\).Exec cannot be cancelled`
		return err
	}
	stmt, err := db.Prepare("SELECT 1") // want `use PrepareContext\(ctx, ...\)`
	if err != nil {
		return err
	}
	defer stmt.Close()
	if _, err := stmt.Exec(); err != nil { // want `\(\*sql.Stmt\).Exec cannot be cancelled`
		return err
	}
	return db.Ping() // want `use PingContext\(ctx\)`
}

func transaction(ctx context.Context, db *sql.DB) error {
	tx, err := db.Begin() // want `\[ctx-variant\] \(\*sql.DB\).Begin cannot be cancelled: .*; use BeginTx\(ctx, nil\)`
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("UPDATE accounts SET balance = 0"); err != nil { // want `\(\*sql.Tx\).Exec cannot be cancelled`
		return err
	}
	return tx.Commit()
}

func multiline(ctx context.Context, db *sql.DB, id int) error {
	_, err := db.Exec( // want `\(\*sql.DB\).Exec cannot be cancelled`
		"UPDATE users SET seen = now() WHERE id = $1",
		id,
	)
	return err
}

func outbound(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequest(http.MethodGet, "https://api.example.com/v1/items", nil) // want `\[ctx-variant\] http.NewRequest cannot be cancelled: when the caller gives up or its deadline passes, the request keeps waiting on the upstream; use NewRequestWithContext\(r.Context\(\), ...\)`
	if err != nil {
		return
	}
	_ = req
}

func shellOut(ctx context.Context, args []string) error {
	return exec.Command("convert", args...).Run() // want `\[ctx-variant\] exec.Command cannot be cancelled: when the caller gives up or its deadline passes, the process keeps running; use CommandContext\(ctx, ...\)`
}

func dial(ctx context.Context, addr string, d *net.Dialer) error {
	conn, err := net.Dial("tcp", addr) // want `\[ctx-variant\] net.Dial cannot be cancelled: when the caller gives up or its deadline passes, the dial keeps blocking; use \(&net.Dialer\{\}\).DialContext\(ctx, ...\)`
	if err != nil {
		return err
	}
	defer conn.Close()
	c2, err := d.Dial("tcp", addr) // want `\(\*net.Dialer\).Dial cannot be cancelled`
	if err != nil {
		return err
	}
	return c2.Close()
}

func handshake(ctx context.Context, conn *tls.Conn) error {
	return conn.Handshake() // want `\(\*tls.Conn\).Handshake cannot be cancelled: .*; use HandshakeContext\(ctx\)`
}

func contextless(ctx context.Context, client *http.Client) error {
	resp, err := http.Get("https://api.example.com/health") // want `\[ctx-variant\] http.Get cannot carry ctx: when the caller gives up, the request keeps waiting on the upstream; build it with http.NewRequestWithContext\(ctx, ...\) and send it with the client's Do`
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = client.Post("https://api.example.com/items", "application/json", nil) // want `\(\*http.Client\).Post cannot carry ctx`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func thirdParty(ctx context.Context, svc *ctxvariantapi.S3, cache ctxvariantapi.Cache, store ctxvariantapi.Store) error {
	if _, err := svc.GetObject(&ctxvariantapi.GetObjectInput{Key: "k"}); err != nil { // want `\[ctx-variant\] \(\*ctxvariantapi.S3\).GetObject cannot be cancelled: when the caller gives up or its deadline passes, the call keeps running; use GetObjectWithContext\(ctx, ...\)`
		return err
	}
	if _, err := cache.Load("k"); err != nil { // want `ctxvariantapi.Cache.Load cannot be cancelled`
		return err
	}
	if _, err := store.Fetch(1); err != nil { // want `ctxvariantapi.Store.Fetch cannot be cancelled`
		return err
	}
	return ctxvariantapi.Publish("events", nil) // want `ctxvariantapi.Publish cannot be cancelled: .*; use PublishContext\(ctx, ...\)`
}

// repo embeds *sql.DB: the promoted QueryRowContext is the twin.
type repo struct{ *sql.DB }

func (r repo) name(ctx context.Context, id int) (string, error) {
	var s string
	err := r.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&s) // want `\(\*sql.DB\).QueryRow cannot be cancelled`
	return s, err
}

func inClosure(ctx context.Context, db *sql.DB, ids []int) error {
	del := func(id int) error {
		_, err := db.Exec("DELETE FROM jobs WHERE id = $1", id) // want `\(\*sql.DB\).Exec cannot be cancelled`
		return err
	}
	for _, id := range ids {
		if err := del(id); err != nil {
			return err
		}
	}
	return nil
}

// This package's own API of the same shape.
func lookup(key string) (string, error) { return key, nil }

func lookupContext(ctx context.Context, key string) (string, error) { return key, ctx.Err() }

func local(ctx context.Context) (string, error) {
	return lookup("k") // want `ctxvariant.lookup cannot be cancelled: .*; use lookupContext\(ctx, ...\)`
}

type server struct {
	db   *sql.DB
	root context.Context
}

// The fix passes the context the handler derived, keeping its deadline;
// a context not derived from the request (s.root) is not a candidate.
func (s *server) report(w http.ResponseWriter, r *http.Request) {
	root := s.root
	_ = root
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	_ = ctx.Err()
	rows, err := s.db.Query("SELECT id FROM reports") // want `use QueryContext\(ctx, ...\)`
	if err != nil {
		return
	}
	rows.Close()
}

func (s *server) ping(w http.ResponseWriter, r *http.Request) {
	root := s.root
	_ = root
	_ = s.db.Ping() // want `use PingContext\(r.Context\(\)\)`
}

// From alertmanager cli/silence_update.go:64: parameters never given the
// ctx, so the command's --timeout does not reach the request.
func swaggerNoContext(ctx context.Context, c *ctxvariantapi.Client, id string) error {
	params := ctxvariantapi.NewGetParams() // want `\[ctx-variant\] ctxvariantapi.NewGetParams cannot be cancelled: .*; use NewGetParamsWithContext\(ctx\)`
	params.ID = id
	_, err := c.Get(params)
	return err
}

// The twin of swaggerSentWithContext: the params go to a send that takes
// a context, but not the one in scope.
func swaggerOtherContext(ctx context.Context, c *ctxvariantapi.ContextClient, id string) error {
	params := ctxvariantapi.NewGetParams().WithID(id) // want `\[ctx-variant\] ctxvariantapi.NewGetParams cannot be cancelled: .*; use NewGetParamsWithContext\(ctx\)`
	_, err := c.GetContext(context.TODO(), params)
	return err
}

// From alertmanager notify/opsgenie/opsgenie.go:248: the first request
// leaves without the ctx; the second is given it.
func someAttached(ctx context.Context, url string) ([]*http.Request, error) {
	var reqs []*http.Request
	req, err := http.NewRequest(http.MethodPut, url, nil) // want `\[ctx-variant\] http.NewRequest cannot be cancelled`
	if err != nil {
		return nil, err
	}
	reqs = append(reqs, req)
	req, err = http.NewRequest(http.MethodPut, url, nil)
	if err != nil {
		return nil, err
	}
	return append(reqs, req.WithContext(ctx)), nil
}

// A request built and returned, but also sent here without the ctx.
func builtAndSent(ctx context.Context, client *http.Client, url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil) // want `\[ctx-variant\] http.NewRequest cannot be cancelled`
	if err != nil {
		return nil, err
	}
	if _, err := client.Do(req); err != nil {
		return nil, err
	}
	return req, nil
}

// With a secret manager, the twin passes the ctx to its Fetch.
func tlsWithSecrets(ctx context.Context, cfg *promconfig.TLSConfig, sm promconfig.SecretManager) (*tls.Config, error) {
	return promconfig.NewTLSConfig(cfg, promconfig.WithSecretManager(sm)) // want `\[ctx-variant\] config.NewTLSConfig cannot be cancelled: .*; use NewTLSConfigWithContext\(ctx, ...\)`
}
