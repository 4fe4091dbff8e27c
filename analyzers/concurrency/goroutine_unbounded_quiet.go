package concurrency

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/iosum"
)

// loopSpawn is a goroutine started in a loop that the loop's count does
// not bound, a candidate of goroutine-unbounded.
type loopSpawn struct {
	p     *rule.Pass
	s     spawn
	open  []inspector.Cursor // the loops that do not bound it, innermost first
	outer inspector.Cursor   // the outermost of them
	feed  inputFeed          // the input that drives it, in the default tier
	fed   bool               // the default tier found it (not request-serving code, not all-loops)
}

// loopSpawnQuiet are the safe forms of a goroutine started per item.
var loopSpawnQuiet = []rule.QuietForm[loopSpawn]{
	{
		Name: "gated-or-joined",
		Doc: "A semaphore or a join bounds the goroutines: a channel send, a discarded receive, semaphore.Weighted " +
			"Acquire or rate.Limiter Wait before the go statement in the loop, a send and receive on one channel inside " +
			"the goroutine, or a Wait, a receive or a use of a channel the goroutine shares after it in the same iteration.",
		Applies: func(c loopSpawn) bool { return gatedOrJoined(c.p.TypesInfo, c.s, c.outer) },
	},
	{
		Name: "bounded-by-structure",
		Doc: "The goroutine count is set by the program rather than its input: a go statement the loop leaves right " +
			"after (go f(); break loop / return); a goroutine that serves or shuts down a server (http.Server Serve, " +
			"Shutdown, grpc Serve); one that runs a periodic loop waiting on a ticker or timer, or an endless loop " +
			"that calls time.Sleep each round and has no return or break; a function of the package that takes a " +
			"semaphore it is passed (go run(x, sem)); one consumer per channel of a collection of channels that drains " +
			"its channel (a fan-in whose consumers must all run); loops over functions (hooks); a method ranging over " +
			"its receiver, a collection of interface or function values (a fan-out composite); registered jobs " +
			"running themselves (go j.Run() over a receiver's field or a package variable); a loop over a receiver " +
			"field decoded from configuration (a json, yaml, toml or mapstructure tag); a worker recorded under the " +
			"element's key in a map of the receiver or a package variable before it starts (one long-lived worker " +
			"per key of a registry); a loop over a field of the receiver, or over a local list filled only in loops " +
			"over one, whose goroutines a sync.WaitGroup waits for after the loop; one goroutine per fixed-size " +
			"chunk (slices.Chunk, or a call given a constant size returning [][]T) that works through its chunk.",
		Applies: func(c loopSpawn) bool { return boundedShape(c.p, c.s, c.open) },
	},
	{
		Name: "limited-errgroup",
		Doc:  "errgroup.Group.Go on a group given SetLimit, or on a group the function does not create (it may be limited where it comes from).",
		Applies: func(c loopSpawn) bool {
			return c.s.call != nil && errgroupState(c.p.TypesInfo, c.s).state != groupUnlimited
		},
	},
	{
		Name: "per-connection",
		Doc: "By default, a goroutine per connection received from a channel (a value with SetDeadline or " +
			"SetReadDeadline): Go's server model, one goroutine per open connection, like an accept loop.",
		Applies: func(c loopSpawn) bool { return c.fed && c.feed.msg != nil && isConn(c.feed.msg.Type()) },
	},
	{
		Name: "per-stream",
		Doc: "By default, a goroutine per stream received from a channel (a value with a method returning a channel, " +
			"such as a partition or subscription consumer): a long-lived consumer per stream, bounded by the streams " +
			"assigned, not a goroutine per message.",
		Applies: func(c loopSpawn) bool { return c.fed && c.feed.msg != nil && isStream(c.feed.msg.Type()) },
	},
	{
		Name: "in-memory-work",
		Doc: "By default, a goroutine per input item whose work is only in memory: no call it makes, directly or " +
			"through the package's functions up to three calls deep, may reach the network or a database (by the I/O " +
			"summaries), open or read files, run a process or dial, and it calls no function value; it holds no " +
			"scarce resource however many run.",
		Applies: func(c loopSpawn) bool { return c.fed && !spawnMayBlock(c.p, c.s) },
	},
}

// isConn reports whether t is a connection: its method set has
// SetDeadline or SetReadDeadline(time.Time) error.
func isConn(t types.Type) bool {
	for _, name := range []string{"SetDeadline", "SetReadDeadline"} {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
		if m, ok := obj.(*types.Func); ok {
			ps := m.Signature().Params()
			if ps.Len() == 1 && match.IsNamed(ps.At(0).Type(), "time", "Time") {
				return true
			}
		}
	}
	return false
}

// isStream reports whether t is a stream of messages: a named type (or a
// pointer to one) with an exported method that takes no argument and
// returns a channel one can receive from.
func isStream(t types.Type) bool {
	ms := types.NewMethodSet(t)
	if _, isPtr := t.(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for m := range ms.Methods() {
		fn, ok := m.Obj().(*types.Func)
		if !ok || !fn.Exported() {
			continue
		}
		sig := fn.Signature()
		if sig.Params().Len() != 0 || sig.Results().Len() != 1 {
			continue
		}
		if ch, ok := sig.Results().At(0).Type().Underlying().(*types.Chan); ok && ch.Dir() != types.SendOnly && isMessage(ch.Elem()) {
			return true
		}
	}
	return false
}

// spawnMayBlock reports whether the goroutine's work may hold a scarce
// resource: a call in it (or in the functions of the package it calls,
// a few levels deep) may perform network or database I/O by the I/O
// summaries, touches files or processes, or calls a function value the
// analysis cannot follow.
func spawnMayBlock(p *rule.Pass, s spawn) bool {
	b := &blockCheck{p: p, io: p.ResultOf[iosum.Analyzer].(*iosum.Summary), seen: map[*types.Func]bool{}}
	fn := ast.Unparen(s.fn)
	if _, ok := fn.(*ast.FuncLit); ok {
		return b.in(fn, 0)
	}
	var callee *types.Func
	switch f := fn.(type) {
	case *ast.Ident:
		callee, _ = p.TypesInfo.Uses[f].(*types.Func)
	case *ast.SelectorExpr:
		callee, _ = p.TypesInfo.Uses[f.Sel].(*types.Func)
	case *ast.IndexExpr: // a generic function instantiated
		if id, ok := ast.Unparen(f.X).(*ast.Ident); ok {
			callee, _ = p.TypesInfo.Uses[id].(*types.Func)
		}
	}
	return callee == nil || b.call(callee, 0)
}

// blockCheck judges whether code may block on a scarce resource.
type blockCheck struct {
	p    *rule.Pass
	io   *iosum.Summary
	seen map[*types.Func]bool
}

// maxBlockDepth is how many calls deep functions of the package are read.
const maxBlockDepth = 3

// call reports whether a call of fn may block: by the summaries and the
// blocking calls of os and net, or, for a function of the package, by the
// calls in its body.
func (b *blockCheck) call(fn *types.Func, depth int) bool {
	if calleeMayBlock(b.io, fn) {
		return true
	}
	fn = fn.Origin()
	if fn.Pkg() != b.p.Pkg || b.seen[fn] {
		return false // judged by its summary, or already read
	}
	b.seen[fn] = true
	if depth >= maxBlockDepth {
		return false
	}
	c, ok := b.p.Index.FuncDecl(fn)
	if !ok {
		return !isAbstract(fn) // an interface method was judged by its summary above; a body not in view may block
	}
	return b.in(c.Node(), depth+1)
}

// in reports whether a call under n may block.
func (b *blockCheck) in(n ast.Node, depth int) bool {
	info := b.p.TypesInfo
	may := false
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || may {
			return !may
		}
		if tv, ok := info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
			return true // a conversion, append, len, delete...
		}
		callee := match.Callee(info, call)
		if callee == nil {
			if _, lit := ast.Unparen(call.Fun).(*ast.FuncLit); !lit {
				may = true // a function value: its work is not in view
			}
			return !may
		}
		may = b.call(callee, depth)
		return !may
	})
	return may
}

// isAbstract reports whether fn is an interface method.
func isAbstract(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// calleeMayBlock reports whether a call of fn may perform I/O: by the I/O
// summary (network, databases), or a call that opens or changes files,
// runs a process or dials (the pure helpers of os and net, such as
// os.Getenv or net.JoinHostPort, are not I/O).
func calleeMayBlock(io *iosum.Summary, fn *types.Func) bool {
	if io.May(fn) {
		return true
	}
	if fn.Pkg() == nil {
		return false
	}
	switch path := fn.Pkg().Path(); path {
	case "os/exec", "syscall":
		return true
	case "os", "io/ioutil", "net":
		return blockingOSNet[fn.Name()] || path == "os" && isFileMethod(fn)
	}
	return false
}

// blockingOSNet are the functions of os, io/ioutil and net that open,
// read, write or remove files, or dial and listen.
var blockingOSNet = map[string]bool{
	"Open": true, "OpenFile": true, "Create": true, "ReadFile": true, "WriteFile": true, "ReadDir": true,
	"Remove": true, "RemoveAll": true, "Rename": true, "Mkdir": true, "MkdirAll": true, "MkdirTemp": true,
	"CreateTemp": true, "TempFile": true, "TempDir": true, "Stat": true, "Lstat": true, "Chmod": true,
	"Dial": true, "DialTimeout": true, "DialTCP": true, "DialUDP": true, "DialUnix": true, "DialIP": true,
	"Listen": true, "ListenPacket": true, "ListenTCP": true, "ListenUDP": true, "LookupHost": true,
	"Read": true, "Write": true, "ReadFrom": true, "WriteTo": true, "Accept": true, "LookupIP": true, "LookupAddr": true, "LookupCNAME": true, "LookupMX": true, "LookupTXT": true, "LookupSRV": true,
}

// isFileMethod reports whether fn is a method of *os.File (Read, Write,
// Sync...): I/O on an open file.
func isFileMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && match.IsPointerTo(recv.Type(), "os", "File")
}

// spawnCollected are the safe forms goroutine-unbounded decides while it
// collects candidates: the loop or the handler's goroutine is never a
// candidate.
var spawnCollected = rule.Collected(
	rule.Form{Name: "small-loop", Doc: "A loop that runs at most small-loop times: a constant count, a short " +
		"literal, a small array."},
	rule.Form{Name: "worker-count", Doc: "A fixed pool of workers: goroutines started in a loop over a worker " +
		"count (a configured number, runtime.NumCPU, or a larger constant whose goroutines read from a channel)."},
	rule.Form{Name: "ticker-loop", Doc: "A loop over a ticker's channel: a goroutine per period is rate-bounded."},
	rule.Form{Name: "accept-loop", Doc: "An accept loop that starts one goroutine per net.Conn: Go's server model, " +
		"bounded by the clients, not by a work list."},
	rule.Form{Name: "program-state", Doc: "Outside request-serving code, in every tier but all-loops, a loop over " +
		"the program's own state rather than input: a slice or map parameter itself (on real code most are lists " +
		"the program built: configured domains, a model's operands, registered checks), a receiver's fields, " +
		"package variables, a field of a configuration struct passed in, a list returned without a context or " +
		"error, functions or channels, signals (chan struct{}), the drain of a channel the function closed or of " +
		"a buffer read with select default."},
	rule.Form{Name: "hijacked-connection", Doc: "With handler-spawns, a handler's goroutine serving a connection it " +
		"hijacked or upgraded: one per connection."},
	rule.Form{Name: "done-watcher", Doc: "With handler-spawns, a handler's goroutine that first waits for a " +
		"context's Done: a watcher that ends with the request."},
	rule.Form{Name: "handler-joins", Doc: "With handler-spawns, goroutines the handler waits for (or gates with a " +
		"semaphore) before it returns: bounded by the requests."},
)
