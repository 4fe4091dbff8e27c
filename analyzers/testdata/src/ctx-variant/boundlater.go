package ctxvariant

import (
	"context"
	"database/sql"
	"net/http"
)

// A statement bound to a transaction by a helper around tx.Stmt, or
// prepared on the pool, and then run with a Context method: the query,
// the work that holds the connection, stops with ctx, so the helper's or
// Prepare's twin changes nothing that matters. Followed through helpers
// that return the statement they are given, through if/else and switch
// branches, and past an assignment that replaces it. Quiet; a bound
// statement that leaves the function unrun is still reported.

func bindStmt(tx *sql.Tx, stmt *sql.Stmt) *sql.Stmt {
	if tx != nil {
		stmt = tx.Stmt(stmt)
	}
	return stmt
}

func bindStmtContext(ctx context.Context, tx *sql.Tx, stmt *sql.Stmt) *sql.Stmt {
	if tx != nil {
		stmt = tx.StmtContext(ctx, stmt)
	}
	return stmt
}

func selectInBranches(ctx context.Context, tx *sql.Tx, asc, desc *sql.Stmt, backwards bool) (*sql.Rows, error) {
	var stmt *sql.Stmt
	if backwards {
		stmt = bindStmt(tx, desc)
	} else {
		stmt = bindStmt(tx, asc)
	}
	return stmt.QueryContext(ctx)
}

func preparedThenRebound(ctx context.Context, db *sql.DB, tx *sql.Tx, q string) error {
	stmt, err := db.Prepare(q)
	if err != nil {
		return err
	}
	defer closeAndLog(ctx, stmt)
	stmt = bindStmt(tx, stmt)
	_, err = stmt.ExecContext(ctx)
	return err
}

func preparedThenLeft(ctx context.Context, db *sql.DB, tx *sql.Tx, q string) *sql.Stmt {
	stmt, err := db.Prepare(q) // want `\[ctx-variant\] \(\*sql.DB\).Prepare cannot be cancelled`
	if err != nil {
		return nil
	}
	stmt = bindStmt(tx, stmt) // want `\[ctx-variant\] ctxvariant.bindStmt cannot be cancelled`
	return stmt
}

func selectRebound(ctx context.Context, tx *sql.Tx, all, some *sql.Stmt, ids []int64) (*sql.Rows, error) {
	stmt := bindStmt(tx, all)
	if len(ids) > 0 {
		stmt = bindStmt(tx, some)
		return stmt.QueryContext(ctx, len(ids))
	}
	return stmt.QueryContext(ctx)
}

func preparedThenBound(ctx context.Context, db *sql.DB, tx *sql.Tx, q string) (int64, error) {
	prep, err := db.Prepare(q)
	if err != nil {
		return 0, err
	}
	defer closeAndLog(ctx, prep)
	stmt := bindStmt(tx, prep)
	res, err := bindStmt(tx, stmt).ExecContext(ctx)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func closeAndLog(ctx context.Context, c interface{ Close() error }) { _ = c.Close() }

func boundForCaller(ctx context.Context, tx *sql.Tx, s *sql.Stmt) *sql.Stmt {
	stmt := bindStmt(tx, s) // want `\[ctx-variant\] ctxvariant.bindStmt cannot be cancelled`
	return stmt
}

// A request handed to a call that also receives the ctx in scope (a
// sending helper or hook, do(ctx, client, req)), or kept in a field that
// is sent as s.req.WithContext(ctx): the send carries the context. Quiet;
// a request sent by a call without the ctx is still reported.

type poster struct {
	do func(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error)
}

func (p *poster) post(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.do(ctx, c, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p *poster) postUnbound(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequest(http.MethodPost, url, nil) // want `\[ctx-variant\] http.NewRequest cannot be cancelled`
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type scraper struct {
	req    *http.Request
	client *http.Client
	url    string
}

func (s *scraper) scrape(ctx context.Context) (*http.Response, error) {
	if s.req == nil {
		req, err := http.NewRequest(http.MethodGet, s.url, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "text/plain")
		s.req = req
	}
	return s.client.Do(s.req.WithContext(ctx))
}

func (s *scraper) scrapeUnbound(ctx context.Context) (*http.Response, error) {
	if s.req == nil {
		req, err := http.NewRequest(http.MethodGet, s.url, nil) // want `\[ctx-variant\] http.NewRequest cannot be cancelled`
		if err != nil {
			return nil, err
		}
		s.req = req
	}
	return s.client.Do(s.req)
}

// A package-level getter with no parameters and no error result (a
// default computed once and cached), whose twin cannot fail either:
// quiet, as getter methods are.

type resource struct{ attrs []string }

func defaultResource() *resource { return defaultResourceWithContext(context.Background()) }

func defaultResourceWithContext(ctx context.Context) *resource { return &resource{} }

func meterResource(ctx context.Context) *resource {
	return defaultResource()
}

type tokenSource struct{}

func (tokenSource) Token() (string, error) { return "", nil }

func (tokenSource) TokenContext(ctx context.Context) (string, error) { return "", ctx.Err() }

func postJSONContext(ctx context.Context, uri string) error { return ctx.Err() }

// The twin: a token fetched without the ctx and then sent with it: the
// fetch itself is not cancelled, and a string carries no context.
func trace(ctx context.Context, ts tokenSource) error {
	tok, err := ts.Token() // want `\[ctx-variant\] ctxvariant.tokenSource.Token cannot be cancelled`
	if err != nil {
		return err
	}
	uri := "https://api.example.com/trace?access_token=" + tok
	return postJSONContext(ctx, uri)
}

func traceSprintf(ctx context.Context, ts tokenSource) error {
	tok, err := ts.Token() // want `\[ctx-variant\] ctxvariant.tokenSource.Token cannot be cancelled`
	if err != nil {
		return err
	}
	return postJSONContext(ctx, fmtURI(tok))
}

func fmtURI(tok string) string { return "https://api.example.com/trace?access_token=" + tok }
