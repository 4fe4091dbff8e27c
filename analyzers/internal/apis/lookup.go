package apis

import (
	"go/types"
)

// IsSend reports whether fn sends a request over the network by itself:
// a call a table lists as a send, or a call of a shape only a network
// client has (a gRPC client method).
func IsSend(fn *types.Func) bool {
	if _, ok := SendOf(fn); ok {
		return true
	}
	for _, shape := range sendShapes {
		if fn != nil && shape(fn) {
			return true
		}
	}
	return false
}

// SendOf returns the table entry of fn when a table lists it as a send.
func SendOf(fn *types.Func) (Send, bool) {
	l := of(fn)
	if l == nil {
		return Send{}, false
	}
	for _, s := range l.Sends {
		if s.matches(fn, l.Path) {
			return s, true
		}
	}
	return Send{}, false
}

// IsHTTPSend reports whether fn sends an HTTP request and returns
// (*http.Response, error).
func IsHTTPSend(fn *types.Func) bool {
	s, ok := SendOf(fn)
	return ok && s.Kind == SendHTTP
}

// SendPaths are the packages with calls that send a request: a package
// that imports none of them makes no network call of its own.
func SendPaths() []string {
	return paths(func(l *Library) bool { return len(l.Sends) > 0 })
}

// PoolOf returns the pool fn builds, when it is a pool constructor.
func PoolOf(fn *types.Func) (Pool, bool) {
	l := of(fn)
	if l == nil {
		return Pool{}, false
	}
	for _, p := range l.Pools {
		if p.matches(fn, l.Path) {
			return p, true
		}
	}
	return Pool{}, false
}

// TypePool returns the pool a value of the named type path.name is (the
// pool of the entry for its methods: an http.Transport literal is the
// pool Transport.Clone builds).
func TypePool(path, name string) (Pool, bool) {
	if l := libraries[path]; l != nil {
		for _, p := range l.Pools {
			if p.Recv == name {
				return p, true
			}
		}
	}
	return Pool{}, false
}

// PoolPaths are the packages with pool constructors.
func PoolPaths() []string {
	return paths(func(l *Library) bool { return len(l.Pools) > 0 })
}

// LogOf returns the logger or printer family fn belongs to, or nil.
func LogOf(fn *types.Func) *Log {
	l := of(fn)
	if l == nil {
		return nil
	}
	for i := range l.Logs {
		if l.Logs[i].matches(fn, l.Path) {
			return &l.Logs[i]
		}
	}
	return nil
}

// IsLogFields reports whether t is a map type whose literal's values are
// logged (logrus.Fields).
func IsLogFields(t types.Type) bool {
	for _, l := range libraries {
		for _, name := range l.LogFields {
			if (Param{l.Path, name, false}).matches(t) {
				return true
			}
		}
	}
	return false
}

// LogPaths are the packages with loggers or printers.
func LogPaths() []string {
	return paths(func(l *Library) bool { return len(l.Logs) > 0 })
}

// QueryOf returns the query family of the method fn, called on a
// receiver of type recv (one of the family's Recvs), when fn takes SQL
// text.
func QueryOf(fn *types.Func) (q Query, recv string, ok bool) {
	l := of(fn)
	if l == nil {
		return Query{}, "", false
	}
	for _, q := range l.Queries {
		for _, r := range q.Recvs {
			if (Funcs{Recv: r, Names: q.Names}).matches(fn, l.Path) {
				return q, r, true
			}
		}
	}
	return Query{}, "", false
}

// QueryPaths are the packages whose methods take SQL text.
func QueryPaths() []string {
	return paths(func(l *Library) bool { return len(l.Queries) > 0 })
}

// IsRows reports whether t is a query result that holds its connection
// until closed (*sql.Rows, *sqlx.Rows, pgx.Rows).
func IsRows(t types.Type) bool {
	for _, l := range libraries {
		for _, r := range l.Rows {
			if (Param{l.Path, r.Name, r.Pointer}).matches(t) {
				return true
			}
		}
	}
	return false
}

// RowsPaths are the packages whose query results hold a connection.
func RowsPaths() []string {
	return paths(func(l *Library) bool { return len(l.Rows) > 0 })
}

// IsJWTPackage reports whether pkg is one of the JWT libraries with the
// golang-jwt API.
func IsJWTPackage(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	l := libraries[pkg.Path()]
	return l != nil && l.JWT
}

// JWTPaths are the JWT libraries.
func JWTPaths() []string {
	return paths(func(l *Library) bool { return l.JWT })
}

// TwinOf returns the table entry for fn's context-taking twin when it is
// not found by name.
func TwinOf(fn *types.Func) *Twin {
	l := of(fn)
	if l == nil {
		return nil
	}
	for i := range l.Twins {
		if l.Twins[i].matches(fn, l.Path) {
			return &l.Twins[i]
		}
	}
	return nil
}

// TwinsCarryValuesOnly reports whether the Context twins of fn's package
// carry values, not cancellation.
func TwinsCarryValuesOnly(fn *types.Func) bool {
	l := of(fn)
	return l != nil && l.TwinsCarryValuesOnly
}

// TwinCarriesValuesOnly reports whether the Context twin of fn carries
// values, not cancellation: its whole package's twins do, or fn is one of
// the package's ValuesOnlyTwins.
func TwinCarriesValuesOnly(fn *types.Func) bool {
	l := of(fn)
	if l == nil {
		return false
	}
	if l.TwinsCarryValuesOnly {
		return true
	}
	for _, f := range l.ValuesOnlyTwins {
		if f.matches(fn, l.Path) {
			return true
		}
	}
	return false
}

// SetupOnlyContext reports whether fn returns at once and its context
// bounds only its setup (net.ListenConfig.Listen).
func SetupOnlyContext(fn *types.Func) bool {
	l := of(fn)
	if l == nil {
		return false
	}
	for _, f := range l.SetupOnlyContext {
		if f.matches(fn, l.Path) {
			return true
		}
	}
	return false
}

// TwinReadsContextOnlyWithOptions reports whether fn is a package-level
// function whose twin reads its context only through options.
func TwinReadsContextOnlyWithOptions(fn *types.Func) bool {
	l := of(fn)
	return l != nil && len(l.TwinReadsContextOnlyWithOptions) > 0 &&
		(Funcs{Names: l.TwinReadsContextOnlyWithOptions}).matches(fn, l.Path)
}

// BlockingOptions returns the options that make fn's package dial block,
// or nil.
func BlockingOptions(fn *types.Func) []string {
	if l := of(fn); l != nil {
		return l.BlockingOptions
	}
	return nil
}

// Cancelled says what keeps running when a call of the package path is
// cut off from its caller's cancellation, or "" when no table says.
func Cancelled(path string) string {
	if l := libraries[path]; l != nil {
		return l.Cancelled
	}
	return ""
}

// IsHijack reports whether fn takes over a server request's connection.
func IsHijack(fn *types.Func) bool {
	l := of(fn)
	if l == nil {
		return false
	}
	for _, h := range l.Hijacks {
		if h.matches(fn, l.Path) {
			return true
		}
	}
	return false
}

// SetsServerReadTimeouts reports whether fn sets the zero ReadTimeout and
// ReadHeaderTimeout of the *http.Server passed to it.
func SetsServerReadTimeouts(fn *types.Func) bool {
	l := of(fn)
	if l == nil {
		return false
	}
	for _, f := range l.ServerDefaults {
		if f.matches(fn, l.Path) {
			return true
		}
	}
	return false
}

// HandlerOf returns the request-serving shape sig has, or nil.
func HandlerOf(sig *types.Signature) *Handler {
	if sig == nil {
		return nil
	}
	for _, l := range handlerLibraries {
		for i := range l.Handlers {
			if h := &l.Handlers[i]; h.fits(sig) {
				return h
			}
		}
	}
	return nil
}

// IsHTTPHandler reports whether sig serves a request it receives as an
// http.ResponseWriter and an *http.Request parameter (an
// http.HandlerFunc, an httprouter.Handle).
func IsHTTPHandler(sig *types.Signature) bool {
	h := HandlerOf(sig)
	return h != nil && h.Writer >= 0 && h.Request >= 0
}

// fits reports whether sig's parameters are the shape's.
func (h *Handler) fits(sig *types.Signature) bool {
	if sig.Params().Len() != len(h.Params) {
		return false
	}
	for i, p := range h.Params {
		if !p.matches(sig.Params().At(i).Type()) {
			return false
		}
	}
	return true
}

// handlerLibraries are the libraries with handler shapes, in a fixed
// order (the first shape that fits wins).
var handlerLibraries = func() []*Library {
	var out []*Library
	for _, p := range paths(func(l *Library) bool { return len(l.Handlers) > 0 }) {
		out = append(out, libraries[p])
	}
	return out
}()

// IsAccept reports whether fn is a listener's method that waits for and
// returns the next connection (net.Listener.Accept, *net.TCPListener's
// AcceptTCP).
func IsAccept(fn *types.Func) bool {
	l := of(fn)
	if l == nil {
		return false
	}
	for _, a := range l.Accepts {
		if a.matches(fn, l.Path) {
			return true
		}
	}
	return false
}
