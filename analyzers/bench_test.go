package analyzers_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/prodlint/prodlint/analyzers"
)

// BenchmarkAnalyzers runs every analyzer of analyzers.New, one at a time,
// over a generated package of benchFiles files (about 76k lines) that mixes
// what the rules look for: HTTP calls and handlers, servers, database/sql
// queries and row loops, goroutines, retry loops, TLS configs, loggers,
// credential-looking literals and JWT calls (against the golang-jwt stub of
// testdata/src), along with neutral code the rules must walk past.
//
//	go test ./analyzers -run '^$' -bench Analyzers -benchmem
//
// Each sub-benchmark is one rule's analyzer run through
// golang.org/x/tools/go/analysis/checker with its prerequisites (the
// inspector and the configuration pass), so "baseline" (a rule that does
// nothing) is the share of every line that is not the rule's own work;
// "all" is every rule at once on shared prerequisites, as prodlint runs
// them. The package is generated and type-checked once, only when the
// benchmark runs, so `go test ./analyzers` does not pay for it. The
// findings metric is the number of diagnostics per run: a rule at 0 no
// longer sees the generated pattern meant for it (migration-lock is off by
// default, so it measures the same as baseline; goroutine-unbounded is
// stated on as it is by default). Use -benchtime=10x or
// more: one run of a rule takes 0.1–0.7 s.
func BenchmarkAnalyzers(b *testing.B) {
	pkg := benchPackage(b, benchFiles)
	cfg, err := analyzers.ParseConfig("rules.toml", []byte("[rules.goroutine-unbounded]\nenabled = true\n"))
	if err != nil {
		b.Fatal(err)
	}
	all := analyzers.New(analyzers.Options{Config: cfg})

	run := func(b *testing.B, as []*analysis.Analyzer) {
		b.ReportAllocs()
		findings := 0
		for b.Loop() {
			g, err := checker.Analyze(as, []*packages.Package{pkg}, &checker.Options{Sequential: true})
			if err != nil {
				b.Fatal(err)
			}
			findings = 0
			for act := range g.All() {
				if act.Err != nil {
					b.Fatalf("%s: %v", act.Analyzer.Name, act.Err)
				}
				if act.IsRoot {
					findings += len(act.Diagnostics)
				}
			}
		}
		b.ReportMetric(float64(findings), "findings")
	}

	// One untimed round of every rule first, so that the first
	// sub-benchmark does not pay for warming the heap and the caches.
	if _, err := checker.Analyze(all, []*packages.Package{pkg}, &checker.Options{Sequential: true}); err != nil {
		b.Fatal(err)
	}

	baseline := &analysis.Analyzer{
		Name:     "baseline",
		Doc:      "the inspector and configuration passes every rule requires, and nothing else",
		Requires: all[0].Requires,
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
	b.Run("baseline", func(b *testing.B) { run(b, []*analysis.Analyzer{baseline}) })
	for _, a := range all {
		b.Run(strings.ReplaceAll(a.Name, "_", "-"), func(b *testing.B) { run(b, []*analysis.Analyzer{a}) })
	}
	b.Run("all", func(b *testing.B) { run(b, all) })
}

const benchFiles = 250

// benchPackage writes n generated files to a temporary directory (rules
// that build fixes read the source back through pass.ReadFile), parses
// and type-checks them with the standard library type-checked from
// source, and wraps the result in a packages.Package for the checker.
func benchPackage(b *testing.B, n int) *packages.Package {
	b.Helper()
	dir := b.TempDir()
	fset := token.NewFileSet()
	var files []*ast.File
	for i := range n {
		name := filepath.Join(dir, fmt.Sprintf("gen%04d.go", i))
		src := strings.ReplaceAll(benchTemplate, "NN", fmt.Sprint(i))
		if i == 0 {
			src += benchMain
		}
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, f)
	}

	std := importer.ForCompiler(fset, "source", nil)
	jwt := benchStub(b, fset, std, "github.com/golang-jwt/jwt/v5")
	imp := importerFunc(func(path string) (*types.Package, error) {
		if path == jwt.Path() {
			return jwt, nil
		}
		return std.Import(path)
	})
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
	sizes := types.SizesFor("gc", runtime.GOARCH)
	conf := types.Config{Importer: imp, Sizes: sizes, GoVersion: "go1.26"}
	tpkg, err := conf.Check("example.com/benchsvc", fset, files, info)
	if err != nil {
		b.Fatalf("generated package does not type-check: %v", err)
	}
	return &packages.Package{
		ID:         tpkg.Path(),
		Name:       tpkg.Name(),
		PkgPath:    tpkg.Path(),
		GoFiles:    fileNames(fset, files),
		Fset:       fset,
		Syntax:     files,
		Types:      tpkg,
		TypesInfo:  info,
		TypesSizes: sizes,
	}
}

// benchStub type-checks the stub of path kept under testdata/src for the
// rules' own tests.
func benchStub(b *testing.B, fset *token.FileSet, std types.Importer, path string) *types.Package {
	b.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "src", filepath.FromSlash(path), "*.go"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no stub for %s under testdata/src: %v", path, err)
	}
	var files []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, f)
	}
	pkg, err := (&types.Config{Importer: std}).Check(path, fset, files, nil)
	if err != nil {
		b.Fatalf("stub %s: %v", path, err)
	}
	return pkg
}

func fileNames(fset *token.FileSet, files []*ast.File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = fset.Position(f.Pos()).Filename
	}
	return out
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// benchTemplate is one generated file; NN becomes the file's number. Most
// functions hold something a rule reports, some hold the safe twin, and
// the rest is ordinary code the rules must walk past.
const benchTemplate = `package main

import (
	"context"
	"crypto/tls"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type itemNN struct {
	ID       int64
	Name     string
	Password string
	Tags     []string
}

type storeNN struct {
	mu    sync.Mutex
	db    *sql.DB
	cache map[int64]itemNN
}

var dbPasswordNN = "Tr0ub4dor&3xQNN"

var backendNN = "postgres://app:Zq8vR2mK7pLw@db.internal:5432/appNN"

var insecureNN = &tls.Config{InsecureSkipVerify: true}

var clientNN = &http.Client{Timeout: 10 * time.Second}

func fetchNN(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func fetchCheckedNN(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := clientNN.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

func statusNN(url string) int {
	resp, _ := http.Get(url)
	return resp.StatusCode
}

func decodeNN(c *http.Client, req *http.Request, v any) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func retryNN(c *http.Client, req *http.Request) (*http.Response, error) {
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
	}
}

func retryBackoffNN(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	wait := 100 * time.Millisecond
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := c.Do(req.WithContext(ctx))
		if err == nil {
			return resp, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait *= 2
	}
	return nil, errors.New("gave up")
}

func handlerNN(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		ctx := context.Background()
		go auditNN(ctx, string(body))
		log.Printf("auth: %s", r.Header.Get("Authorization"))
		rows, err := db.Query("SELECT * FROM itemsNN WHERE name LIKE '%abc'")
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		var out []itemNN
		for rows.Next() {
			var it itemNN
			if err := rows.Scan(&it.ID, &it.Name); err != nil {
				return
			}
			var n int
			_ = db.QueryRow("SELECT count(*) FROM tags WHERE item_id = ?", it.ID).Scan(&n)
			out = append(out, it)
		}
		json.NewEncoder(w).Encode(out)
	}
}

func perRequestPoolNN(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", "host=db user=app dbname=appNN")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer db.Close()
	c := &http.Client{Transport: &http.Transport{MaxIdleConns: 10}, Timeout: time.Second}
	_ = c
	fmt.Fprintln(w, "ok")
}

func (s *storeNN) listNN(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	for _, id := range ids {
		var name string
		if err := s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name); err != nil {
			return nil, err
		}
		out[id] = name
	}
	rows, err := s.db.QueryContext(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = name
	}
	return out, rows.Err()
}

func (s *storeNN) migrateNN(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "CREATE INDEX itemsNN_name ON itemsNN (name)")
	return err
}

func (s *storeNN) getNN(id int64) (itemNN, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.cache[id]
	return it, ok
}

func openNN(dsn string) (*sql.DB, error) {
	return sql.Open("postgres", dsn)
}

func openLimitedNN(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxLifetime(time.Hour)
	return db, nil
}

func auditNN(ctx context.Context, s string) {
	slog.InfoContext(ctx, "audit", "len", len(s))
}

func fanOutNN(ctx context.Context, urls []string) [][]byte {
	var wg sync.WaitGroup
	out := make([][]byte, len(urls))
	for i, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i], _ = fetchCheckedNN(ctx, u)
		}()
	}
	wg.Wait()
	return out
}

func boundedNN(ctx context.Context, urls []string) {
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for _, u := range urls {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			fetchCheckedNN(ctx, u)
		}()
	}
	wg.Wait()
}

func tokenNN(key []byte, sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString(key)
}

func parseNN(s string, key []byte) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) { return key, nil })
}

func loginNN(user, password, apiKey string) {
	log.Println("login", user, "api key:", apiKey)
	if strings.TrimSpace(password) == "" {
		return
	}
}

func serveNN(h http.Handler) error {
	return http.ListenAndServe(":80NN", h)
}

func serveTLSNN(h http.Handler) error {
	srv := &http.Server{Addr: ":443", Handler: h, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS10}}
	return srv.ListenAndServeTLS("cert.pem", "key.pem")
}

//prodlint:ignore http-timeout
func ignoredNN(url string) {
	resp, err := http.Head(url)
	if err == nil {
		resp.Body.Close()
	}
}

func formatNN(items []itemNN) string {
	sort.Slice(items, func(i, j int) bool { return items[i].Name < items[j].Name })
	var sb strings.Builder
	for i, it := range items {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(strconv.FormatInt(it.ID, 10))
		sb.WriteByte(':')
		sb.WriteString(strings.ToUpper(it.Name))
		for _, t := range it.Tags {
			switch {
			case strings.HasPrefix(t, "x-"):
				sb.WriteString("[" + t[2:] + "]")
			case len(t) > 10:
				sb.WriteString("[" + t[:10] + "...]")
			default:
				sb.WriteString("[" + t + "]")
			}
		}
	}
	return sb.String()
}

func parseItemsNN(r io.Reader) ([]itemNN, error) {
	var items []itemNN
	dec := json.NewDecoder(r)
	for dec.More() {
		var it itemNN
		if err := dec.Decode(&it); err != nil {
			return nil, fmt.Errorf("item %d: %w", len(items), err)
		}
		if it.ID <= 0 {
			return nil, errors.New("item without id")
		}
		items = append(items, it)
	}
	return items, nil
}
`

// benchMain is appended to the first file: a main that serves the
// handlers with neither server timeouts nor a graceful shutdown.
const benchMain = `
func main() {
	db, err := sql.Open("postgres", backend0)
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/items", handler0(db))
	mux.HandleFunc("/pool", perRequestPool0)
	srv := &http.Server{Addr: ":8080", Handler: mux}
	log.Fatal(srv.ListenAndServe())
}
`
