package retrynobackoff

import (
	"context"
	"database/sql"
	"log"
	"net"
	"net/http"
)

// Loops over items that skip a failed item move on; they do not retry.

func getAll(c *http.Client, urls []string) []*http.Response {
	var out []*http.Response
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		out = append(out, resp)
	}
	return out
}

func getAllByIndex(urls []string) {
	for i := 0; i < len(urls); i++ {
		resp, err := http.Get(urls[i])
		if err != nil {
			log.Print(err)
			continue
		}
		resp.Body.Close()
	}
}

func ownersOf(ctx context.Context, db *sql.DB, rows *sql.Rows) []string {
	var names []string
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			continue
		}
		var name string
		if err := db.QueryRowContext(ctx, "SELECT name FROM owners WHERE id = $1", id).Scan(&name); err != nil {
			continue
		}
		names = append(names, name)
	}
	return names
}

type job struct{ req *http.Request }

func worker(c *http.Client, jobs <-chan job) {
	for j := range jobs {
		if _, err := c.Do(j.req); err != nil {
			log.Print(err)
		}
	}
}

func selectWorker(ctx context.Context, c *http.Client, jobs <-chan job) {
	for {
		var j job
		select {
		case <-ctx.Done():
			return
		case j = <-jobs:
		}
		if _, err := c.Do(j.req); err != nil {
			continue
		}
	}
}

func readLoop(conn net.Conn, handle func([]byte)) error {
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return err
		}
		handle(buf[:n])
	}
}

func paginate(c *http.Client, next func(*http.Response) (*http.Request, bool), req *http.Request) error {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		var more bool
		req, more = next(resp)
		if !more {
			return nil
		}
	}
}

// An accept loop is not a retry of a call to a peer, but it spins when
// Accept fails at once (accept.go).
func accept(ln net.Listener, serve func(net.Conn)) {
	for { // want `this accept loop calls ln.Accept again at once after it fails`
		conn, err := ln.Accept()
		if err != nil {
			log.Print(err)
			continue
		}
		go serve(conn)
	}
}

func discard(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		c.Do(req) // result ignored: not a retry on error
	}
}
