package ctxvariant

import (
	"context"
	"crypto/tls"
	"database/sql"
	"net"
	"net/http"
	"os/exec"

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

// The tiers beyond the default, reported with their options on (quiet
// by default: their twins in default/default.go).

func tierSqlPrepare(ctx context.Context, db *sql.DB) (*sql.Stmt, error) {
	return db.Prepare("SELECT id FROM carts WHERE owner = $1") // want `\(\*sql.DB\).Prepare cannot be cancelled`
}

func tierHttp(ctx context.Context, url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil) // want `http.NewRequest cannot be cancelled`
	if err != nil {
		return nil, err
	}
	_, err = http.DefaultClient.Do(req)
	return req, err
}

func tierNet(ctx context.Context, addr string) (net.Conn, error) {
	conn, err := net.Dial("tcp", addr) // want `net.Dial cannot be cancelled`
	if err != nil {
		return nil, err
	}
	tc := tls.Client(conn, &tls.Config{ServerName: "example.internal"})
	return tc, tc.Handshake() // want `\(\*tls.Conn\).Handshake cannot be cancelled`
}

func tierCommand(ctx context.Context, dir string) error {
	return exec.Command("tar", "-czf", "backup.tgz", dir).Run() // want `exec.Command cannot be cancelled`
}

func tierOtherApi(ctx context.Context, c ctxvariantapi.Cache) (string, error) {
	return c.Load("carts") // want `ctxvariantapi.Cache.Load cannot be cancelled`
}
