// Package iosum summarises, per function, whether it may perform network
// or database I/O, directly or through the functions it calls, and
// exports the answer as facts so that importing packages see it.
//
// A function may perform I/O when it calls one of the network or database
// sends of the API tables (analyzers/internal/apis), a function of its own
// package that may (closed over by the summary engine, recursion
// included), a function of another package whose MayIO fact says so, or a
// call whose callee is not in view and whose shape says it may:
//
//   - an interface method (its implementations are not followed) that
//     takes a context.Context or returns an error, unless the interface
//     is declared in the standard library (io.Reader, io.Closer: those
//     wrap files and buffers as often as connections);
//   - a function or method of a package outside the standard library that
//     carries no summary (a dependency outside the analysed module) and
//     both takes a context.Context and returns an error: the shape of a
//     client call (pgx, cloud SDKs, message brokers).
//
// A function of an analysed package that takes a context or returns an
// error and may not perform I/O gets a NoIO fact: importers then know it is
// pure rather than guess from its shape.
package iosum

import (
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/summary"
)

// MayIO is the fact that a function may perform network or database I/O.
type MayIO struct {
	// Via names the send it reaches, as a reader knows it
	// ("http.Client.Do").
	Via string
	// Traced is set when the send is known (the API tables, or a client
	// call of a dependency), not guessed from an interface method's shape.
	Traced bool
}

func (*MayIO) AFact()           {}
func (f *MayIO) String() string { return "mayIO(" + f.Via + ")" }

// NoIO is the fact that a function whose signature looks like a client
// call (it takes a context or returns an error) performs no network or
// database I/O.
type NoIO struct{}

func (*NoIO) AFact()         {}
func (*NoIO) String() string { return "noIO" }

// Analyzer computes the package's I/O summaries and exports them as facts.
var Analyzer = &analysis.Analyzer{
	Name:       "prodlint_iosum",
	Doc:        "summarises which functions may perform network or database I/O, directly or through what they call",
	Requires:   []*analysis.Analyzer{index.Analyzer, summary.Analyzer},
	FactTypes:  []analysis.Fact{(*MayIO)(nil), (*NoIO)(nil)},
	ResultType: reflect.TypeOf((*Summary)(nil)),
	Run:        run,
}

// Summary answers, for the calls of one package, whether the callee may
// perform I/O.
type Summary struct {
	pkg      *types.Package
	local    map[*types.Func]string // functions of the package that may, and the send they reach
	imported map[*types.Func]string
	pure     map[*types.Func]bool // imported NoIO facts
	// traced holds the functions (local and imported) whose I/O is known
	// from a send they reach, not guessed from an interface method's shape.
	traced map[*types.Func]string
}

// Via returns, for a call of fn, what the reader should be told the call
// reaches ("http.Client.Do", "fetch (which calls http.Client.Do)", "Store.Get
// (an interface method that takes a context)"), or "" when fn is not known
// to perform I/O.
func (s *Summary) Via(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	fn = fn.Origin()
	if apis.IsSend(fn) {
		return match.APIName(fn, s.pkg)
	}
	if via, ok := s.local[fn]; ok {
		return match.APIName(fn, s.pkg) + " (which calls " + via + ")"
	}
	if via, ok := s.imported[fn]; ok {
		return match.APIName(fn, s.pkg) + " (which calls " + via + ")"
	}
	if s.pure[fn] || fn.Pkg() == s.pkg && !isAbstract(fn) {
		return "" // known pure, or a function of this package that reaches no send
	}
	return s.byShape(fn)
}

// Traced reports whether the answer for fn comes from the API tables or a
// summary of its body (this package's or an imported fact) rather than
// from its shape.
func (s *Summary) Traced(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	_, known := s.traced[fn]
	return known || apis.IsSend(fn)
}

// Pure reports whether fn's body was analysed, in this package or in
// another one (its NoIO fact), and found to reach no network or database
// send: a call of it is judged by what it does, not by its signature.
func (s *Summary) Pure(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	return s.Via(fn) == "" && (s.pure[fn] || fn.Pkg() == s.pkg && !isAbstract(fn))
}

// May reports whether a call of fn may perform I/O.
func (s *Summary) May(fn *types.Func) bool { return s.Via(fn) != "" }

// byShape judges a callee whose body is not in view by its signature.
func (s *Summary) byShape(fn *types.Func) string {
	if fn.Pkg() == nil || fn.Pkg() != s.pkg && isStd(fn.Pkg().Path()) || isWaitPackage(fn.Pkg().Path()) {
		return ""
	}
	sig := fn.Signature()
	ctx, fails := match.TakesContext(sig), match.ReturnsError(sig)
	if recv := sig.Recv(); recv != nil && types.IsInterface(recv.Type()) {
		switch {
		case ctx:
			return match.APIName(fn, s.pkg) + " (an interface method that takes a context)"
		case fails:
			return match.APIName(fn, s.pkg) + " (an interface method that can fail)"
		}
		return ""
	}
	if ctx && fails {
		return match.APIName(fn, s.pkg)
	}
	return ""
}

// isStd reports whether path is a standard library package (no dot in
// its first element).
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// isWaitPackage reports whether path holds synchronisation and rate
// limiting whose context-taking calls wait rather than send (a
// semaphore's Acquire, a limiter's Wait).
func isWaitPackage(path string) bool {
	return strings.HasPrefix(path, "golang.org/x/sync/") || strings.HasPrefix(path, "golang.org/x/time/")
}

func run(pass *analysis.Pass) (any, error) {
	s := &Summary{pkg: pass.Pkg, local: map[*types.Func]string{}, imported: map[*types.Func]string{}, pure: map[*types.Func]bool{},
		traced: map[*types.Func]string{}}
	if inGOROOT(pass) {
		return s, nil // the standard library's sends are the API tables' business
	}
	idx := pass.ResultOf[index.Analyzer].(*index.Index)
	for _, f := range pass.AllObjectFacts() {
		fn, ok := f.Object.(*types.Func)
		if !ok || fn.Pkg() == pass.Pkg {
			continue
		}
		switch f := f.Fact.(type) {
		case *MayIO:
			s.imported[fn] = f.Via
			if f.Traced {
				s.traced[fn] = f.Via
			}
		case *NoIO:
			s.pure[fn] = true
		}
	}

	// One pass over the calls: the sends each function makes itself, and
	// the same-package call graph to close over.
	callees := map[*types.Func][]*types.Func{}
	for c := range idx.Calls() {
		caller := match.DeclaredFunc(pass.TypesInfo, c)
		if caller == nil {
			continue
		}
		caller = caller.Origin()
		fn := match.Callee(pass.TypesInfo, c.Node().(*ast.CallExpr))
		if fn == nil {
			continue
		}
		fn = fn.Origin()
		if fn.Pkg() == pass.Pkg && !isAbstract(fn) {
			callees[caller] = append(callees[caller], fn)
			continue
		}
		if _, done := s.traced[caller]; !done && s.knownSend(fn) {
			s.traced[caller] = match.APIName(fn, nil)
		}
		if _, done := s.local[caller]; done {
			continue
		}
		if via := s.Via(fn); via != "" {
			s.local[caller] = rootOf(fn, via, s)
		}
	}
	// The summary engine closes both over the package's calls: callees
	// first, recursion iterated until nothing changes. A function that
	// reaches no send itself takes the first callee (in call order) that
	// does.
	summary.Iterate(pass.ResultOf[summary.Analyzer].(*summary.Graph), func(fn *types.Func, _ inspector.Cursor) bool {
		local, traced := inherit(callees[fn], fn, s.local), inherit(callees[fn], fn, s.traced)
		return local || traced
	}, nil)

	for fn := range declaredFuncs(pass) {
		if via, ok := s.local[fn]; ok {
			_, traced := s.traced[fn]
			pass.ExportObjectFact(fn, &MayIO{Via: via, Traced: traced})
		} else if sig := fn.Signature(); match.TakesContext(sig) || match.ReturnsError(sig) {
			pass.ExportObjectFact(fn, &NoIO{})
		}
	}
	return s, nil
}

// knownSend reports whether a call of fn (a function of another package,
// or an interface method) is known to send: a send of the API tables, an
// imported function whose own send is known, or a client call of a
// dependency (a concrete function that takes a context and can fail).
// An interface method is a guess from its shape, not a known send.
func (s *Summary) knownSend(fn *types.Func) bool {
	if apis.IsSend(fn) {
		return true
	}
	if _, ok := s.traced[fn]; ok {
		return true
	}
	if _, analyzed := s.imported[fn]; analyzed {
		return false // its body was summarised: the I/O it may do is a guess
	}
	return fn.Pkg() != s.pkg && !isAbstract(fn) && !s.pure[fn] && s.byShape(fn) != ""
}

// rootOf returns the send a call of fn reaches, for a caller's summary:
// the imported function's own root, or the callee itself.
func rootOf(fn *types.Func, via string, s *Summary) string {
	if apis.IsSend(fn) {
		return via
	}
	if root, ok := s.imported[fn]; ok {
		return root
	}
	return match.APIName(fn, nil)
}

// inGOROOT reports whether the package is part of the Go distribution
// (go vet and analysistest analyse the standard library for facts too).
func inGOROOT(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	root := filepath.Clean(build.Default.GOROOT) + string(filepath.Separator)
	return root != string(filepath.Separator) && strings.HasPrefix(pass.Fset.File(pass.Files[0].Pos()).Name(), root)
}

func isAbstract(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// inherit gives caller, when may does not hold it yet, the send of its
// first callee that may holds, and reports whether it did.
func inherit(fns []*types.Func, caller *types.Func, may map[*types.Func]string) bool {
	if _, ok := may[caller]; ok {
		return false
	}
	for _, fn := range fns {
		if via, ok := may[fn]; ok {
			may[caller] = via
			return true
		}
	}
	return false
}

// declaredFuncs yields the functions and methods declared with a body in
// the package.
func declaredFuncs(pass *analysis.Pass) func(yield func(*types.Func) bool) {
	return func(yield func(*types.Func) bool) {
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && !yield(fn) {
					return
				}
			}
		}
	}
}
