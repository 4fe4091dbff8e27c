package apis

// printNames are log's printers, as functions and Logger methods.
var printNames = []string{"Print", "Printf", "Println", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}

// log: the standard logger.
var log = Library{
	Path: "log",
	Logs: []Log{
		{Funcs: Funcs{"", printNames}},
		{Funcs: Funcs{"Logger", printNames}},
	},
}

// fmt: printers to standard output, and Fprint* when its writer is
// os.Stdout or os.Stderr.
var fmtPkg = Library{
	Path: "fmt",
	Logs: []Log{
		{Funcs: Funcs{"", []string{"Print", "Printf", "Println"}}, Output: true},
		{Funcs: Funcs{"", []string{"Fprint", "Fprintf", "Fprintln"}}, First: 1, ToWriter: true, Output: true},
	},
}

var (
	slogLevels  = []string{"Debug", "Info", "Warn", "Error"}
	slogContext = []string{"DebugContext", "InfoContext", "WarnContext", "ErrorContext"}
)

// log/slog: leveled key-value logging and attributes.
var slog = Library{
	Path: "log/slog",
	Logs: []Log{
		{Funcs: Funcs{"", slogLevels}, Style: KeyValueArgs, KVFrom: 1},
		{Funcs: Funcs{"Logger", slogLevels}, Style: KeyValueArgs, KVFrom: 1},
		{Funcs: Funcs{"", slogContext}, Style: KeyValueArgs, First: 1, KVFrom: 2},
		{Funcs: Funcs{"Logger", slogContext}, Style: KeyValueArgs, First: 1, KVFrom: 2},
		{Funcs: Funcs{"", []string{"Log"}}, Style: KeyValueArgs, First: 2, KVFrom: 3},
		{Funcs: Funcs{"Logger", []string{"Log"}}, Style: KeyValueArgs, First: 2, KVFrom: 3},
		{Funcs: Funcs{"", []string{"LogAttrs"}}, First: 2},
		{Funcs: Funcs{"Logger", []string{"LogAttrs"}}, First: 2},
		{Funcs: Funcs{"Logger", []string{"With"}}, Style: KeyValueArgs},
		{Funcs: Funcs{"", []string{"Group"}}, Style: KeyValueArgs, First: 1, KVFrom: 1},
		{Funcs: Funcs{"", []string{"String", "Any"}}, Style: PairArgs},
	},
}

var zapSugarPlain = []string{"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal",
	"Debugf", "Infof", "Warnf", "Errorf", "DPanicf", "Panicf", "Fatalf",
	"Debugln", "Infoln", "Warnln", "Errorln", "DPanicln", "Panicln", "Fatalln"}

// go.uber.org/zap: the Logger, the SugaredLogger and field constructors.
var zap = Library{
	Path: "go.uber.org/zap",
	Logs: []Log{
		{Funcs: Funcs{"Logger", []string{"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal"}}},
		{Funcs: Funcs{"SugaredLogger", zapSugarPlain}},
		{Funcs: Funcs{"SugaredLogger", []string{"Debugw", "Infow", "Warnw", "Errorw", "DPanicw", "Panicw", "Fatalw"}},
			Style: KeyValueArgs, KVFrom: 1},
		{Funcs: Funcs{"SugaredLogger", []string{"With"}}, Style: KeyValueArgs},
		{Funcs: Funcs{"", []string{"String", "ByteString", "Binary", "Any", "Reflect", "Stringer"}}, Style: PairArgs},
	},
}

var zerologPairs = []string{"Str", "Bytes", "Interface", "Any", "Stringer", "RawJSON"}

// github.com/rs/zerolog: events, contexts and the Logger's printers.
var zerolog = Library{
	Path: "github.com/rs/zerolog",
	Logs: []Log{
		{Funcs: Funcs{"Event", zerologPairs}, Style: PairArgs},
		{Funcs: Funcs{"Context", zerologPairs}, Style: PairArgs},
		{Funcs: Funcs{"Event", []string{"Msg", "Msgf"}}},
		{Funcs: Funcs{"Logger", []string{"Print", "Printf", "Println"}}},
	},
}

// github.com/rs/zerolog/log: the global logger's printers.
var zerologLog = Library{
	Path: "github.com/rs/zerolog/log",
	Logs: []Log{{Funcs: Funcs{"", []string{"Print", "Printf"}}}},
}

var logrusPlain = []string{"Trace", "Debug", "Info", "Print", "Warn", "Warning", "Error", "Fatal", "Panic",
	"Tracef", "Debugf", "Infof", "Printf", "Warnf", "Warningf", "Errorf", "Fatalf", "Panicf",
	"Traceln", "Debugln", "Infoln", "Println", "Warnln", "Warningln", "Errorln", "Fatalln", "Panicln"}

// github.com/sirupsen/logrus: the standard logger, Logger and Entry.
var logrus = Library{
	Path: "github.com/sirupsen/logrus",
	Logs: []Log{
		{Funcs: Funcs{"", logrusPlain}},
		{Funcs: Funcs{"Logger", logrusPlain}},
		{Funcs: Funcs{"Entry", logrusPlain}},
		{Funcs: Funcs{"", []string{"WithField"}}, Style: PairArgs},
		{Funcs: Funcs{"Logger", []string{"WithField"}}, Style: PairArgs},
		{Funcs: Funcs{"Entry", []string{"WithField"}}, Style: PairArgs},
	},
	LogFields: []string{"Fields"},
}
