// Package apis is what prodlint knows about the libraries its rules match:
// one table per library (a file named after it) saying which of its calls
// send a request over the network, build a connection pool, log or print
// their arguments, take SQL text, have a context-taking twin, parse or
// sign JWTs, and which function shapes serve a request (and how such a
// function reaches the request's body and context).
//
// Entries name functions and methods by package path, receiver type name
// and object name, and every question is answered by type identity
// (the callee's package path and receiver), never by an import name.
// Adding a library is one table here; every rule that asks the question
// sees it.
package apis

import (
	"go/types"
	"sort"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// Library is what prodlint knows about one package.
type Library struct {
	// Path is the package's import path.
	Path string

	// Sends are the calls that send a request over the network.
	Sends []Send
	// Pools are the calls that build a connection pool.
	Pools []Pool
	// Logs are the functions and methods that write their arguments to
	// a log or to standard output.
	Logs []Log
	// Queries are the methods that send SQL text to a database.
	Queries []Query
	// LogFields are map types whose literal's values are logged
	// (logrus.Fields).
	LogFields []string
	// Rows are the types of query results that hold a connection until
	// closed.
	Rows []Type

	// JWT marks a JWT library with the golang-jwt API (Parse,
	// ParseWithClaims, NewWithClaims, Token.SignedString, the claims
	// types).
	JWT bool

	// Twins are the calls whose context-taking twin is not found by
	// name (F to F...Context with a ctx first), with how a call is
	// rewritten to it.
	Twins []Twin
	// TwinsCarryValuesOnly marks a package whose Context twins carry
	// values, not cancellation: switching to them bounds no work.
	TwinsCarryValuesOnly bool
	// ValuesOnlyTwins are the functions and methods whose Context twins
	// carry values, not cancellation, in a package whose other twins do
	// bound work (TwinsCarryValuesOnly says it of a whole package).
	ValuesOnlyTwins []Funcs
	// SetupOnlyContext are the calls that return at once and whose
	// context bounds only their setup (resolving an address), not the
	// value they return: a fresh root handed to one cuts off nothing.
	SetupOnlyContext []Funcs
	// TwinReadsContextOnlyWithOptions lists functions whose twin hands its
	// context only to a component supplied through the trailing variadic
	// options: called with none, the twin's context has no reader.
	TwinReadsContextOnlyWithOptions []string
	// BlockingOptions are the option functions that make a dial block
	// until the connection is up; without one, a dial returns at once
	// and a context passed to it bounds nothing.
	BlockingOptions []string
	// Cancelled says what keeps running when a call of the package is
	// cut off from its caller's cancellation ("the query keeps running
	// and holds a pool connection"); "" for the general wording.
	Cancelled string

	// ServerDefaults are the functions that set an http.Server's
	// ReadTimeout and ReadHeaderTimeout, when zero, on the *http.Server
	// passed to them: a server handed to one reads its headers under a
	// deadline.
	ServerDefaults []Funcs

	// Handlers are the function shapes that serve a request.
	Handlers []Handler
	// Hijacks are the calls that take over a server request's
	// connection: the request's context then ends only when the handler
	// returns.
	Hijacks []Funcs

	// Accepts are the methods that wait for and return the next
	// connection on a listener: a loop around one is a server's accept
	// loop, and once the listener is closed or the process is out of file
	// descriptors each call fails at once.
	Accepts []Funcs
}

// Funcs names functions of a library: package-level functions when Recv
// is "", else methods declared on the named type Recv (with a value or
// pointer receiver, or in its interface). No Names means every one.
type Funcs struct {
	Recv  string
	Names []string
}

// matches reports whether fn is one of f's functions in the package path.
func (f Funcs) matches(fn *types.Func, path string) bool {
	if f.Recv == "" {
		return match.IsFunc(fn, path, f.Names...)
	}
	return match.IsMethod(fn, path, f.Recv, f.Names...)
}

// Type names a named type of a library, or a pointer to it.
type Type struct {
	Name    string
	Pointer bool
}

// SendKind says what a network send returns.
type SendKind int

const (
	// SendRequest: a call that sends a request and returns the
	// library's own result.
	SendRequest SendKind = iota
	// SendHTTP: a call that sends an HTTP request and returns
	// (*http.Response, error) (http.Get, http.Client.Do).
	SendHTTP
	// SendRoundTrip: an http.RoundTripper's RoundTrip.
	SendRoundTrip
)

// Send is a family of calls that send a request over the network.
type Send struct {
	Funcs
	Kind SendKind
}

// Pool is a family of calls that build a connection pool, with what fails
// when one is built per call and what to do instead.
type Pool struct {
	Funcs
	// What the pool is ("connection pool").
	What string
	// Failure is what a pool built per call does.
	Failure string
	// Advice is what to do instead.
	Advice string
}

// ArgStyle says how a logger's arguments carry values.
type ArgStyle int

const (
	// PlainArgs: every argument (from First) is printed.
	PlainArgs ArgStyle = iota
	// KeyValueArgs: a message, then alternating keys and values, with
	// attributes mixed in (slog, zap's sugared ...w methods).
	KeyValueArgs
	// PairArgs: a key, then its value (slog.String, zap.String,
	// zerolog's Event.Str, logrus's WithField).
	PairArgs
)

// Log is a family of functions or methods that write their arguments to
// a log or to standard output.
type Log struct {
	Funcs
	Style ArgStyle
	// First is the index of the first printed argument (after a
	// context, a level or a writer).
	First int
	// KVFrom is, for KeyValueArgs, the index of the first key (after the
	// message).
	KVFrom int
	// ToWriter marks printers whose first argument is the writer
	// (fmt.Fprintf): they log only when it is os.Stdout or os.Stderr.
	ToWriter bool
	// Output marks printers of a program's output (fmt), as opposed to
	// loggers: what a command prints on purpose is its result.
	Output bool
}

// QueryKind says what a query API does with its SQL.
type QueryKind int

const (
	// QueryRows runs the SQL and returns rows (Query, QueryRow, sqlx Get).
	QueryRows QueryKind = iota
	// QueryExec runs it for its effect (Exec, MustExec).
	QueryExec
	// QueryPrepare prepares it.
	QueryPrepare
)

// Query is a family of methods that take SQL text.
type Query struct {
	// Recvs are the types that declare the methods.
	Recvs []string
	Names []string
	// Arg is the position of the SQL argument.
	Arg  int
	Kind QueryKind
}

// TwinShape says how a call is rewritten to its context-taking twin.
type TwinShape int

const (
	// PrependContext: F(args...) becomes FContext(ctx, args...).
	PrependContext TwinShape = iota
	// NilOptions: (*sql.DB).Begin() becomes BeginTx(ctx, nil): nil
	// options are the defaults, which is what Begin uses.
	NilOptions
	// ZeroValueMethod: net.Dial(n, a) becomes (&net.Dialer{}).
	// DialContext(ctx, n, a): the function is documented as a zero
	// value's method.
	ZeroValueMethod
)

// Twin is a call whose context-taking twin is not found by name alone.
type Twin struct {
	Funcs
	// TwinRecv and TwinName name the twin: a method of TwinRecv in the
	// same package (for ZeroValueMethod, of a zero TwinRecv; for methods,
	// TwinRecv is the call's own receiver type).
	TwinRecv, TwinName string
	Shape              TwinShape
}

// Handler is a function shape that serves a request, and how such a
// function reaches the request.
type Handler struct {
	// Name names the shape in messages and docs.
	Name string
	// Params are the parameter types, in order.
	Params []Param
	// Writer and Request are the indexes of the http.ResponseWriter and
	// *http.Request parameters, or -1 when the shape has none (the
	// framework's context carries them).
	Writer, Request int
	// Body and Context show how the function reaches the request's body
	// and context, written for a parameter named as in the shape's
	// documentation (r, c).
	Body, Context string
}

// Param is a parameter type of a handler shape: the named type Path.Name,
// or a pointer to it.
type Param struct {
	Path, Name string
	Pointer    bool
}

// matches reports whether t is the parameter type p.
func (p Param) matches(t types.Type) bool {
	if p.Pointer {
		return match.IsPointerTo(t, p.Path, p.Name)
	}
	return match.IsNamed(t, p.Path, p.Name)
}

// libraries are the tables, by package path.
var libraries = index(
	&netHTTP, &httptest, &databaseSQL, &net, &cryptoTLS, &osExec, &grpc, &sqlx, &pgx, &pgxpool, &goRedis, &resty,
	&log, &fmtPkg, &slog, &zap, &zerolog, &zerologLog, &logrus,
	&golangJWTv5, &golangJWTv4, &golangJWT, &dgrijalvaJWT,
	&httprouter, &gin, &echo, &fiber,
	&gorillaWebsocket, &coderWebsocket, &nhooyrWebsocket, &xnetWebsocket,
	&ozzoValidation, &ozzoValidationV4, &prometheusConfig, &oryGraceful,
	&gopsutilProcessV3, &gopsutilProcessV4, &gopsutilMemV3, &gopsutilMemV4, &gopsutilHostV3, &gopsutilHostV4,
)

func index(libs ...*Library) map[string]*Library {
	m := make(map[string]*Library, len(libs))
	for _, l := range libs {
		if m[l.Path] != nil {
			panic("apis: two tables for " + l.Path)
		}
		m[l.Path] = l
	}
	return m
}

// Of returns the table of the package path, or nil when prodlint knows
// nothing of it.
func Of(path string) *Library { return libraries[path] }

// of returns the table of fn's package, or nil.
func of(fn *types.Func) *Library {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	return libraries[fn.Pkg().Path()]
}

// paths returns the sorted paths of the libraries for which has is true.
func paths(has func(*Library) bool) []string {
	var out []string
	for p, l := range libraries {
		if has(l) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}
