package main

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// stubDir holds the third-party stubs the analyzers' tests use (GOPATH
// layout): the operators are tested against the same API shapes.
var stubDir = filepath.Join("..", "..", "analyzers", "testdata", "src")

// checkSource type-checks one file of package pkgPath, importing the
// standard library from source and third-party packages from the stubs.
// The imports are checked once for the whole test binary (the standard
// library from source is slow).
var (
	testFset  = token.NewFileSet()
	testStd   = importer.ForCompiler(testFset, "source", nil)
	testStubs = map[string]*types.Package{}
)

func checkSource(t *testing.T, pkgPath, src string) *checked {
	t.Helper()
	fset, std, stubs := testFset, testStd, testStubs
	var imp importerFunc
	imp = func(path string) (*types.Package, error) {
		if p, ok := stubs[path]; ok {
			return p, nil
		}
		dir := filepath.Join(stubDir, filepath.FromSlash(path))
		entries, err := os.ReadDir(dir)
		if err != nil {
			return std.Import(path)
		}
		var files []*ast.File
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") {
				f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
				if err != nil {
					return nil, err
				}
				files = append(files, f)
			}
		}
		conf := &types.Config{Importer: imp}
		p, err := conf.Check(path, fset, files, nil)
		stubs[path] = p
		return p, err
	}
	name := "app.go"
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	c := &checked{
		Pkg:     &packages.Package{PkgPath: pkgPath, Name: f.Name.Name},
		Fset:    fset,
		Files:   []*ast.File{f},
		Sources: []source{{Name: name, Src: []byte(src)}},
		Info: &types.Info{
			Types:      map[ast.Expr]types.TypeAndValue{},
			Defs:       map[*ast.Ident]types.Object{},
			Uses:       map[*ast.Ident]types.Object{},
			Implicits:  map[ast.Node]types.Object{},
			Selections: map[*ast.SelectorExpr]*types.Selection{},
			Scopes:     map[ast.Node]*types.Scope{},
		},
	}
	conf := &types.Config{Importer: imp, Error: func(err error) {
		if te, ok := err.(types.Error); ok {
			c.Errs = append(c.Errs, te)
		}
	}}
	c.Types, _ = conf.Check(pkgPath, fset, c.Files, c.Info)
	return c
}

// mutants runs operator name over src and returns each site's mutated
// source, after the repairs the run makes; it fails the test on a mutant
// that does not type-check.
func mutants(t *testing.T, name, pkgPath, src string) []string {
	t.Helper()
	var op *operator
	for _, o := range operators() {
		if o.Name == name {
			op = o
		}
	}
	if op == nil {
		t.Fatalf("no operator %s", name)
	}
	c := checkSource(t, pkgPath, src)
	if len(c.Errs) > 0 {
		t.Fatalf("the original does not type-check: %v", c.Errs)
	}
	var out []string
	for _, s := range scanPackage(c, []*operator{op}) {
		mut, ok := applySite([]byte(src), s, "t")
		if !ok {
			t.Fatalf("%s: the edits do not apply", name)
		}
		for range 8 {
			mc := checkSource(t, pkgPath, string(mut))
			if len(mc.Errs) == 0 {
				break
			}
			e := mc.Errs[0]
			fixed, ok := repair(mut, mc.Fset.Position(e.Pos).Offset, e.Msg)
			if !ok {
				t.Fatalf("%s: the mutant does not type-check: %v\n%s", name, e, mut)
			}
			mut = fixed
		}
		if mc := checkSource(t, pkgPath, string(mut)); len(mc.Errs) > 0 {
			t.Fatalf("%s: the mutant does not type-check: %v\n%s", name, mc.Errs[0], mut)
		}
		out = append(out, string(mut))
	}
	return out
}

func wantMutants(t *testing.T, got []string, n int, contain ...string) {
	t.Helper()
	if len(got) != n {
		t.Fatalf("%d mutants, want %d:\n%s", len(got), n, strings.Join(got, "\n----\n"))
	}
	for _, w := range contain {
		found := false
		for _, g := range got {
			found = found || strings.Contains(g, w)
		}
		if !found {
			t.Errorf("no mutant contains %q:\n%s", w, strings.Join(got, "\n----\n"))
		}
	}
}

const jwtSigning = `package app

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type claims struct {
	jwt.RegisteredClaims
	User string
}

func sign(key []byte, user string) (string, error) {
	c := claims{RegisteredClaims: jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}, User: user}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}

func signMap(key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "x", "exp": time.Now().Add(time.Minute).Unix()}).SignedString(key)
}

func signLater(key []byte) (string, error) {
	var c claims
	c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Minute))
	m := jwt.MapClaims{}
	m["exp"] = time.Now().Unix() + 60
	_ = m
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}

func noExpiry(key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{ExpiresAt: nil, Subject: "s"}).SignedString(key)
}
`

func TestJWTExpYears(t *testing.T) {
	got := mutants(t, "jwt-exp-years", "example.com/app", jwtSigning)
	wantMutants(t, got, 4,
		"ExpiresAt: jwt.NewNumericDate(time.Now().Add(10 * 365 * 24 * time.Hour))}",
		`"exp": time.Now().Add(10 * 365 * 24 * time.Hour).Unix()}`,
		"c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(10 * 365 * 24 * time.Hour))",
		`m["exp"] = time.Now().Add(10 * 365 * 24 * time.Hour).Unix()`)
}

const jwtParsing = `package app

import (
	"errors"

	"github.com/golang-jwt/jwt/v5"
)

func verify(s string, key []byte) (jwt.MapClaims, error) {
	tok, err := jwt.Parse(s, func(t *jwt.Token) (any, error) { return key, nil }, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil || !tok.Valid {
		return nil, errors.New("bad token")
	}
	return tok.Claims.(jwt.MapClaims), nil
}

func verifyWith(s string, key []byte) (*jwt.RegisteredClaims, error) {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	var c jwt.RegisteredClaims
	kf := func(t *jwt.Token) (any, error) { return key, nil }
	if _, err := p.ParseWithClaims(s, &c, kf); err != nil {
		return nil, err
	}
	return &c, nil
}

func spread(s string, opts []jwt.ParserOption) (*jwt.Token, error) {
	return jwt.Parse(s, nil, opts...)
}

func peek(s string) (jwt.MapClaims, error) {
	c := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(s, c)
	return c, err
}

type verifier struct{ p *jwt.Parser }

func newVerifier() *verifier { return &verifier{p: jwt.NewParser()} }

func (v *verifier) check(s string, key []byte) error {
	_, err := v.p.Parse(s, func(t *jwt.Token) (any, error) { return key, nil })
	return err
}
`

func TestJWTSkipClaims(t *testing.T) {
	got := mutants(t, "jwt-skip-claims", "example.com/app", jwtParsing)
	// not the parser that only peeks (ParseUnverified validates no claims)
	wantMutants(t, got, 3,
		`&verifier{p: jwt.NewParser(jwt.WithoutClaimsValidation())}`,
		`jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation())
	if err != nil`,
		`p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation())`)
}

func TestJWTParseUnverified(t *testing.T) {
	got := mutants(t, "jwt-parse-unverified", "example.com/app", jwtParsing)
	wantMutants(t, got, 3,
		`_, _, err := v.p.ParseUnverified(s, jwt.MapClaims{})`,
		"tok, _, err := (&jwt.Parser{}).ParseUnverified(s, jwt.MapClaims{})\n\tif err != nil || !true {",
		`if _, _, err := p.ParseUnverified(s, &c); err != nil`)
	// the Keyfunc no longer used is blanked, so the mutant builds
	if !strings.Contains(got[1], "_ = func(t *jwt.Token)") {
		t.Errorf("the unused Keyfunc was not repaired:\n%s", got[1])
	}
}

const migrations = `package app

import "database/sql"

func migrate(tx *sql.Tx) error {
	if _, err := tx.Exec("ALTER TABLE feeds ADD COLUMN user_agent text default ''"); err != nil {
		return err
	}
	_, err := tx.Exec(` + "`" + `ALTER TABLE entries ADD COLUMN IF NOT EXISTS changed_at timestamp with time zone NOT NULL DEFAULT now();
ALTER TABLE users ADD COLUMN rank BIGINT NOT NULL DEFAULT 0, ADD COLUMN active boolean default 't'` + "`" + `)
	return err
}
`

func TestAddColumnVolatile(t *testing.T) {
	got := mutants(t, "add-column-volatile", "example.com/app", migrations)
	wantMutants(t, got, 3,
		`"ALTER TABLE feeds ADD COLUMN user_agent text default gen_random_uuid()::text"`,
		`changed_at timestamp with time zone NOT NULL DEFAULT clock_timestamp();`,
		`ADD COLUMN rank BIGINT NOT NULL DEFAULT nextval('users_rank_seq'), ADD COLUMN active boolean default 't'`)
	// SQLite has no such lock: its packages are left alone
	if got := mutants(t, "add-column-volatile", "example.com/app/sqlite3", migrations); len(got) != 0 {
		t.Errorf("%d mutants in an SQLite package", len(got))
	}
}

const store = `package app

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func (s *Store) Owner(ctx context.Context, id int64) (string, error) {
	var name string
	err := s.db.QueryRowContext(ctx, "SELECT name FROM owners WHERE id = $1", id).Scan(&name)
	return name, err
}

func (s *Store) Count(ctx context.Context, flag bool) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM items WHERE flag = $1", flag).Scan(&n)
	return n, err
}

type Item struct {
	ID      int64
	OwnerID int64
}

func (s *Store) Items(ctx context.Context) ([]Item, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, owner_id FROM items")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.ID, &it.OwnerID); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

func Standalone(db *sql.DB) error {
	rows, err := db.Query("SELECT id FROM items")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
	}
	return rows.Err()
}
`

func TestHelperIntoRowsLoop(t *testing.T) {
	got := mutants(t, "helper-into-rows-loop", "example.com/app", store)
	// Owner per row of Items, its id from a scanned column of its type (the
	// one of its name first); Count takes a bool, Standalone has no
	// receiver and no context to call Owner with.
	wantMutants(t, got, 1, "\t\t}\n_, _ = s.Owner(ctx, it.ID)\n")
}

const bodies = `package app

import (
	"encoding/json"
	"log"
	"net/http"
)

type req struct{ Name string }

func decode(r *http.Request, v any) error { return json.NewDecoder(r.Body).Decode(v) }

func logged(r *http.Request) { log.Print(r.URL.Path) }

func create(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var v req
	if err := decode(r, &v); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

func ping(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	logged(r)
}

type limit struct{ next http.Handler }

func (l limit) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	l.next.ServeHTTP(w, r)
}

type plain struct{}

func (plain) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	w.WriteHeader(http.StatusNoContent)
}
`

func TestMaxBytesThroughHelper(t *testing.T) {
	// the limit of a handler that hands the request to a helper reading its
	// body; not that of one whose helper reads no body
	got := mutants(t, "maxbytes-delete", "example.com/app", bodies)
	wantMutants(t, got, 1, "func create(w http.ResponseWriter, r *http.Request) {\n\t\n\tvar v req")
}

func TestMaxBytesMiddlewareServeHTTP(t *testing.T) {
	// a middleware type: a ServeHTTP that passes the request on to the next
	// handler; not a ServeHTTP that answers itself
	got := mutants(t, "maxbytes-middleware-delete", "example.com/app", bodies)
	wantMutants(t, got, 1, "func (l limit) ServeHTTP(w http.ResponseWriter, r *http.Request) {\n\t\n\tl.next.ServeHTTP(w, r)")
}

const txStore = `package app

import (
	"context"
	"database/sql"
)

type backend struct{ db *sql.DB }

func pending(ctx context.Context, tx *sql.Tx, instance string) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, "SELECT count(*) FROM events WHERE instance = $1", instance).Scan(&n)
	return n, err
}

func (b *backend) Tasks(ctx context.Context) error {
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT instance FROM tasks")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var instance string
		if err := rows.Scan(&instance); err != nil {
			return err
		}
	}
	return rows.Err()
}
`

func TestHelperIntoRowsLoopLocals(t *testing.T) {
	// the transaction begun before the loop fills the helper's *sql.Tx
	got := mutants(t, "helper-into-rows-loop", "example.com/app", txStore)
	wantMutants(t, got, 1, "\t\t}\n_, _ = pending(ctx, tx, instance)\n")
}

const listStore = `package app

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func (s *Store) Owner(ctx context.Context, ownerID int64) (string, error) {
	var name string
	err := s.db.QueryRowContext(ctx, "SELECT name FROM owners WHERE id = $1", ownerID).Scan(&name)
	return name, err
}

type Item struct {
	ID      int64
	OwnerID int64
}

func (s *Store) Annotate(ctx context.Context, items []Item) int {
	n := 0
	for _, it := range items {
		n += int(it.ID)
	}
	for i := range 3 {
		n += i
	}
	return n
}
`

func TestHelperIntoLoop(t *testing.T) {
	// the owner looked up per element of a list from the data, from the
	// element's field of the parameter's name; not in a counted loop
	got := mutants(t, "helper-into-loop", "example.com/app", listStore)
	wantMutants(t, got, 1, "for _, it := range items {\n_, _ = s.Owner(ctx, it.OwnerID)\n")
}

const statusChecks = `package app

import (
	"encoding/json"
	"fmt"
	"net/http"
)

func guarded(c *http.Client, url string, v any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("get %s: %s", url, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func successBranch(c *http.Client, url string, v any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		return json.NewDecoder(resp.Body).Decode(v)
	}
	var e struct{ Message string }
	_ = json.NewDecoder(resp.Body).Decode(&e)
	return fmt.Errorf("get %s: %d %s", url, resp.StatusCode, e.Message)
}
`

// TestStatusCheckDelete: the operator deletes the check that turns a bad
// status away, never an if that holds the success path (deleting it would
// drop what the code does with a good answer, not put the bug back).
func TestStatusCheckDelete(t *testing.T) {
	got := mutants(t, "status-check-delete", "example.com/app", statusChecks)
	wantMutants(t, got, 1, "if resp.StatusCode == http.StatusOK {")
	if strings.Contains(got[0], "resp.StatusCode != http.StatusOK") {
		t.Errorf("the guard of guarded was not deleted:\n%s", got[0])
	}
}
