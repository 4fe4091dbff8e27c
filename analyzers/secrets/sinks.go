package secrets

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// argStyle says how a sink's arguments carry values.
type argStyle int

const (
	// plainArgs: every argument (from first) is printed.
	plainArgs argStyle = iota
	// keyValueArgs: a message, then alternating keys and values, with
	// attributes mixed in (slog, zap's sugared ...w methods).
	keyValueArgs
	// pairArgs: a key, then its value (slog.String, zap.String,
	// zerolog's Event.Str, logrus's WithField).
	pairArgs
)

// A sink is a family of functions or methods that write their arguments
// to a log or to standard output.
type sink struct {
	pkg, recv string // recv is "" for package-level functions
	names     []string
	style     argStyle
	first     int // index of the first printed argument (after ctx, level, writer)
	kvFrom    int // keyValueArgs: index of the first key (after the message)
}

var printNames = []string{"Print", "Printf", "Println", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}

var (
	slogLevels    = []string{"Debug", "Info", "Warn", "Error"}
	slogContext   = []string{"DebugContext", "InfoContext", "WarnContext", "ErrorContext"}
	slogAttrs     = []string{"String", "Any"}
	zapLevels     = []string{"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal"}
	zapSugarPlain = []string{"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal",
		"Debugf", "Infof", "Warnf", "Errorf", "DPanicf", "Panicf", "Fatalf",
		"Debugln", "Infoln", "Warnln", "Errorln", "DPanicln", "Panicln", "Fatalln"}
	zapSugarKV   = []string{"Debugw", "Infow", "Warnw", "Errorw", "DPanicw", "Panicw", "Fatalw", "With"}
	zapFields    = []string{"String", "ByteString", "Binary", "Any", "Reflect", "Stringer"}
	zerologPairs = []string{"Str", "Bytes", "Interface", "Any", "Stringer", "RawJSON"}
	logrusPlain  = []string{"Trace", "Debug", "Info", "Print", "Warn", "Warning", "Error", "Fatal", "Panic",
		"Tracef", "Debugf", "Infof", "Printf", "Warnf", "Warningf", "Errorf", "Fatalf", "Panicf",
		"Traceln", "Debugln", "Infoln", "Println", "Warnln", "Warningln", "Errorln", "Fatalln", "Panicln"}
)

const (
	zapPath     = "go.uber.org/zap"
	zerologPath = "github.com/rs/zerolog"
	logrusPath  = "github.com/sirupsen/logrus"
)

var sinks = []sink{
	{pkg: "log", names: printNames},
	{pkg: "log", recv: "Logger", names: printNames},
	{pkg: "fmt", names: []string{"Print", "Printf", "Println"}},
	{pkg: "fmt", names: []string{"Fprint", "Fprintf", "Fprintln"}, first: 1}, // to os.Stdout/os.Stderr only
	{pkg: "log/slog", names: slogLevels, style: keyValueArgs, kvFrom: 1},
	{pkg: "log/slog", recv: "Logger", names: slogLevels, style: keyValueArgs, kvFrom: 1},
	{pkg: "log/slog", names: slogContext, style: keyValueArgs, first: 1, kvFrom: 2},
	{pkg: "log/slog", recv: "Logger", names: slogContext, style: keyValueArgs, first: 1, kvFrom: 2},
	{pkg: "log/slog", names: []string{"Log"}, style: keyValueArgs, first: 2, kvFrom: 3},
	{pkg: "log/slog", recv: "Logger", names: []string{"Log"}, style: keyValueArgs, first: 2, kvFrom: 3},
	{pkg: "log/slog", names: []string{"LogAttrs"}, first: 2},
	{pkg: "log/slog", recv: "Logger", names: []string{"LogAttrs"}, first: 2},
	{pkg: "log/slog", recv: "Logger", names: []string{"With"}, style: keyValueArgs},
	{pkg: "log/slog", names: []string{"Group"}, style: keyValueArgs, first: 1, kvFrom: 1},
	{pkg: "log/slog", names: slogAttrs, style: pairArgs},
	{pkg: zapPath, recv: "Logger", names: zapLevels},
	{pkg: zapPath, recv: "SugaredLogger", names: zapSugarPlain},
	{pkg: zapPath, recv: "SugaredLogger", names: zapSugarKV[:len(zapSugarKV)-1], style: keyValueArgs, kvFrom: 1},
	{pkg: zapPath, recv: "SugaredLogger", names: []string{"With"}, style: keyValueArgs},
	{pkg: zapPath, names: zapFields, style: pairArgs},
	{pkg: zerologPath, recv: "Event", names: zerologPairs, style: pairArgs},
	{pkg: zerologPath, recv: "Context", names: zerologPairs, style: pairArgs},
	{pkg: zerologPath, recv: "Event", names: []string{"Msg", "Msgf"}},
	{pkg: zerologPath, recv: "Logger", names: []string{"Print", "Printf", "Println"}},
	{pkg: zerologPath + "/log", names: []string{"Print", "Printf"}},
	{pkg: logrusPath, names: logrusPlain},
	{pkg: logrusPath, recv: "Logger", names: logrusPlain},
	{pkg: logrusPath, recv: "Entry", names: logrusPlain},
	{pkg: logrusPath, names: []string{"WithField"}, style: pairArgs},
	{pkg: logrusPath, recv: "Logger", names: []string{"WithField"}, style: pairArgs},
	{pkg: logrusPath, recv: "Entry", names: []string{"WithField"}, style: pairArgs},
}

// sinkOf returns the sink fn belongs to, or nil.
func sinkOf(fn *types.Func) *sink {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	for i := range sinks {
		s := &sinks[i]
		if fn.Pkg().Path() != s.pkg {
			continue
		}
		if s.recv == "" && match.IsFunc(fn, s.pkg, s.names...) || s.recv != "" && match.IsMethod(fn, s.pkg, s.recv, s.names...) {
			return s
		}
	}
	return nil
}

// isStdStream reports whether e is os.Stdout or os.Stderr.
func isStdStream(info *types.Info, e ast.Expr) bool {
	v, ok := match.ObjectOf(info, e).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "os" && (v.Name() == "Stdout" || v.Name() == "Stderr") &&
		v.Parent() == v.Pkg().Scope()
}
