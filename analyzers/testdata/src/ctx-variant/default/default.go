// Package ctxvariantdefault runs with ctx-variant's default configuration:
// the database/sql tier is reported and each other tier stays quiet. The
// package of every tier (..) holds each shape once, with its fix; this
// one fails if a tier off by default is reported.
package ctxvariantdefault

import (
	"context"
	"crypto/tls"
	"database/sql"
	"net"
	"net/http"
	"os/exec"
	"time"

	ctxvariantapi "ctx-variant/api"
)

// The default tier: a statement run, or a transaction begun, on the
// pool without the ctx in scope.
func tierStatement(ctx context.Context, db *sql.DB, id int) error {
	_, err := db.Exec("DELETE FROM carts WHERE id = $1", id) // want `\[ctx-variant\] \(\*sql.DB\).Exec cannot be cancelled`
	return err
}

func tierTransaction(ctx context.Context, db *sql.DB) (*sql.Tx, error) {
	return db.Begin() // want `\[ctx-variant\] \(\*sql.DB\).Begin cannot be cancelled`
}

// Twins of the tiers beyond the default: quiet by default, reported with
// their option on (the same calls in ../tiers.go).

func quietTierSqlPrepare(ctx context.Context, db *sql.DB) (*sql.Stmt, error) {
	return db.Prepare("SELECT id FROM carts WHERE owner = $1")
}

func quietTierHttp(ctx context.Context, url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	_, err = http.DefaultClient.Do(req)
	return req, err
}

func quietTierNet(ctx context.Context, addr string) (net.Conn, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	tc := tls.Client(conn, &tls.Config{ServerName: "example.internal"})
	return tc, tc.Handshake()
}

func quietTierCommand(ctx context.Context, dir string) error {
	return exec.Command("tar", "-czf", "backup.tgz", dir).Run()
}

func quietTierOtherApi(ctx context.Context, c ctxvariantapi.Cache) (string, error) {
	return c.Load("carts")
}

// A context the function made with its own deadline is a ctx in scope,
// though the function has no context parameter: the statement run without
// it drops the bound the author set. Quiet where no such context is in
// scope, or where its cancel was already called.
func localDeadlineDropped(db *sql.DB, id int) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		return err
	}
	_, err := db.Exec("DELETE FROM carts WHERE id = $1", id) // want `\[ctx-variant\] \(\*sql.DB\).Exec cannot be cancelled.*use ExecContext\(ctx, `
	return err
}

func quietNoLocalDeadline(db *sql.DB, id int) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		return err
	}
	_, err := db.Exec("DELETE FROM carts WHERE id = $1", id)
	return err
}

func quietLocalDeadlineCancelled(db *sql.DB, id int) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	err := db.PingContext(ctx)
	cancel()
	if err != nil {
		return err
	}
	_, err = db.Exec("DELETE FROM carts WHERE id = $1", id)
	return err
}

// Rows returned to the caller would end when the deferred cancel runs:
// the local deadline does not reach past the function.
func quietLocalDeadlineRowsReturned(db *sql.DB) (*sql.Rows, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		return nil, err
	}
	return db.Query("SELECT id FROM carts")
}

// A ping returned to the caller hands back only an error: the deadline
// still applies to it.
func localDeadlinePingReturned(db *sql.DB) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = ctx
	return db.Ping() // want `\[ctx-variant\] \(\*sql.DB\).Ping cannot be cancelled.*use PingContext\(ctx`
}
