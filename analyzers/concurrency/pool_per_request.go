package concurrency

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// PoolPerRequest returns the pool-per-request rule.
func PoolPerRequest() *rule.Rule {
	return &rule.Rule{
		ID:       "pool-per-request",
		Severity: config.SeverityError,
		Enabled:  true,
		Imports:  []string{sqlPath, httpPath, redisPath, grpcPath},
		Doc: rule.Doc{
			Title: "report connection pools built per request or per loop iteration",
			Why: "sql.DB, http.Transport, redis.Client and grpc.ClientConn are pools: built once, they keep " +
				"connections warm and bound how many are open. Built inside a handler or a loop they start " +
				"cold every time, pay a connect, TLS handshake and authentication per call, and leave their " +
				"connections behind: a health check that opens a new database connection on every probe " +
				"exhausts the database's connections in minutes, and under load the connections opened " +
				"outgrow the database's limit.",
			Bad: "func handler(w http.ResponseWriter, r *http.Request) {\n\tdb, _ := sql.Open(\"postgres\", dsn)\n" +
				"\tdefer db.Close()\n\t// ...\n}",
			Good: "type server struct{ db *sql.DB } // opened once in main\n\n" +
				"func (s *server) handler(w http.ResponseWriter, r *http.Request) {\n\t// use s.db\n}",
			Quiet: "main, init, functions named New…/new…, and functions called only from those (a loop in main " +
				"that builds one client per configured backend); code inside sync.Once.Do, sync.OnceValue and " +
				"sync.OnceFunc; a pool stored for reuse (in a field, a package variable, a map or slice " +
				"element, returned, or passed to a method of a field); http.Client literals, which are cheap " +
				"unless they build their own Transport (a new http.Transport is the real pool), and " +
				"http.Client{Transport: shared}. A handler that calls a constructor which builds a pool is not " +
				"seen.",
		},
		Run: runPoolPerRequest,
	}
}

// poolKind describes the pools the rule knows: what fails when one is built
// per call, and what to do instead.
type poolKind struct {
	pool, failure, advice string
}

var (
	sqlPool = poolKind{"connection pool",
		"pays a fresh connect and authentication, and pools left open hold their connections until the database hits max_connections",
		"open the *sql.DB once at startup and share it"}
	httpPool = poolKind{"connection pool",
		"does a fresh TCP and TLS handshake, keep-alive connections are never reused, and idle ones pile up until the process runs out of file descriptors",
		"build one Transport at startup and share it (an http.Client that wraps a shared Transport is cheap)"}
	redisPool = poolKind{"connection pool",
		"dials Redis again, and clients left open hold their connections until Redis hits maxclients",
		"create the client once at startup and share it: it is safe for concurrent use"}
	grpcPool = poolKind{"ClientConn (HTTP/2 connections, name resolution, load balancing)",
		"dials again, and conns left open leak connections and goroutines",
		"create the ClientConn once at startup and share it: it is safe for concurrent use"}
)

// poolBuilt recognises the construction of a pool at c and names it.
func poolBuilt(info *types.Info, c inspector.Cursor) (string, poolKind, bool) {
	switch n := c.Node().(type) {
	case *ast.CallExpr:
		fn := match.Callee(info, n)
		if fn == nil {
			return "", poolKind{}, false
		}
		switch {
		case match.IsFunc(fn, sqlPath, "Open", "OpenDB"):
			return "sql." + fn.Name(), sqlPool, true
		case match.IsFunc(fn, redisPath, "NewClient", "NewClusterClient", "NewFailoverClient", "NewUniversalClient"):
			return "redis." + fn.Name(), redisPool, true
		case match.IsFunc(fn, grpcPath, "Dial", "DialContext", "NewClient"):
			return "grpc." + fn.Name(), grpcPool, true
		case methodIs(fn, httpPath, "Transport", "Clone"):
			return "http.Transport.Clone", httpPool, true
		}
	case *ast.CompositeLit:
		t := info.TypeOf(n)
		if match.IsNamed(t, httpPath, "Transport") {
			return "http.Transport literal", httpPool, true
		}
		if match.IsNamed(t, httpPath, "Client") && buildsTransport(info, n) {
			return "http.Client with a Transport built by a call", httpPool, true
		}
	}
	return "", poolKind{}, false
}

// buildsTransport reports whether an http.Client literal gets its Transport
// from a call returning a new *http.Transport (a literal or Clone is
// reported where it is built).
func buildsTransport(info *types.Info, lit *ast.CompositeLit) bool {
	kv := match.Field(lit, "Transport")
	if kv == nil {
		return false
	}
	call, ok := ast.Unparen(kv.Value).(*ast.CallExpr)
	if !ok || !match.IsPointerTo(info.TypeOf(call), httpPath, "Transport") {
		return false
	}
	return !callsMethod(info, call, httpPath, "Transport", "Clone")
}

func runPoolPerRequest(p *rule.Pass) error {
	once := newRunOnce(p)
	for c := range p.Cursors((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		api, kind, ok := poolBuilt(p.TypesInfo, c)
		if !ok {
			continue
		}
		inHandler := enclosingHandler(p.TypesInfo, c).Valid()
		if !inHandler && !inRepeatingLoop(p.TypesInfo, c) {
			continue
		}
		if insideOnce(p.TypesInfo, c) || storedForReuse(p.TypesInfo, c, true) {
			continue
		}
		where, per := "in an http handler", "request"
		if !inHandler {
			if decl := match.EnclosingFuncDecl(c); !decl.Valid() || once.runsOnce(decl) {
				continue
			}
			where, per = "in a loop", "iteration"
		}
		p.Reportf(c.Node(), "%s %s builds a new %s per %s: every %s %s; %s",
			api, where, kind.pool, per, per, kind.failure, kind.advice)
	}
	return nil
}

// inRepeatingLoop reports whether c is in a loop driven by input or by a
// configured count; a constant number of attempts (a retry loop) or a
// short literal builds a bounded number of pools.
func inRepeatingLoop(info *types.Info, c inspector.Cursor) bool {
	for _, l := range match.EnclosingLoops(c) {
		switch kind, _ := classifyLoop(info, l, smallRetryLoop); kind {
		case inputLoop, countLoop:
			return true
		}
	}
	return false
}

// smallRetryLoop is the longest literal a loop may range over and still
// count as a fixed set for pool-per-request.
const smallRetryLoop = 16
