package apis

import (
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// Libraries known for one thing each: websocket upgrades that hijack the
// request's connection, and context twins that bound no work.

var (
	gorillaWebsocket = Library{Path: "github.com/gorilla/websocket", Hijacks: []Funcs{{"Upgrader", []string{"Upgrade"}}}}
	coderWebsocket   = Library{Path: "github.com/coder/websocket", Hijacks: []Funcs{{"", []string{"Accept"}}}}
	nhooyrWebsocket  = Library{Path: "nhooyr.io/websocket", Hijacks: []Funcs{{"", []string{"Accept"}}}}
	xnetWebsocket    = Library{Path: "golang.org/x/net/websocket", Hijacks: []Funcs{{"Server", []string{"ServeHTTP"}}}}
)

// ory/graceful's WithDefaults fills every zero timeout of the server it is
// handed (ReadTimeout and ReadHeaderTimeout 5s, WriteTimeout 10s,
// IdleTimeout 120s) and returns it.
var oryGraceful = Library{Path: "github.com/ory/graceful", ServerDefaults: []Funcs{{"", []string{"WithDefaults"}}}}

// ozzo-validation's ValidateStructWithContext only hands the context to
// rules that ask for one (validation.WithContext), doing no I/O of its own.
var (
	ozzoValidation   = Library{Path: "github.com/go-ozzo/ozzo-validation", TwinsCarryValuesOnly: true}
	ozzoValidationV4 = Library{Path: "github.com/go-ozzo/ozzo-validation/v4", TwinsCarryValuesOnly: true}
)

// prometheus/common's NewTLSConfigWithContext passes ctx to the
// SecretManager of a WithSecretManager option, and reads certificate files,
// which the context cannot interrupt, otherwise.
var prometheusConfig = Library{
	Path:                            "github.com/prometheus/common/config",
	TwinReadsContextOnlyWithOptions: []string{"NewTLSConfig"},
}

// gopsutil reads the kernel's counters for a process, the memory and the
// host (/proc, /sys, sysctl): its Context twins hand the context on only to
// carry values (overrides of those paths), and there is nothing to cancel.
// Process.Percent and the cpu package, whose twins sleep for an interval
// on the context, are not listed.
var (
	gopsutilProcessFuncs = []Funcs{
		{"", []string{"NewProcess", "Pids", "PidExists", "Processes"}},
		{"Process", []string{"MemoryInfo", "MemoryInfoEx", "MemoryPercent", "Name", "Exe", "Cmdline", "CmdlineSlice",
			"CreateTime", "Cwd", "Status", "Ppid", "Username", "Uids", "Gids", "NumThreads", "NumFDs", "Times",
			"IOCounters", "NumCtxSwitches", "IsRunning", "Nice", "CPUPercent", "Terminal", "Environ"}},
	}
	gopsutilMemFuncs  = []Funcs{{"", []string{"VirtualMemory", "SwapMemory"}}}
	gopsutilHostFuncs = []Funcs{{"", []string{"Info", "Uptime", "BootTime", "HostID", "KernelVersion", "PlatformInformation"}}}

	gopsutilProcessV3 = Library{Path: "github.com/shirou/gopsutil/v3/process", ValuesOnlyTwins: gopsutilProcessFuncs}
	gopsutilProcessV4 = Library{Path: "github.com/shirou/gopsutil/v4/process", ValuesOnlyTwins: gopsutilProcessFuncs}
	gopsutilMemV3     = Library{Path: "github.com/shirou/gopsutil/v3/mem", ValuesOnlyTwins: gopsutilMemFuncs}
	gopsutilMemV4     = Library{Path: "github.com/shirou/gopsutil/v4/mem", ValuesOnlyTwins: gopsutilMemFuncs}
	gopsutilHostV3    = Library{Path: "github.com/shirou/gopsutil/v3/host", ValuesOnlyTwins: gopsutilHostFuncs}
	gopsutilHostV4    = Library{Path: "github.com/shirou/gopsutil/v4/host", ValuesOnlyTwins: gopsutilHostFuncs}
)

// cobraCommandRuns are the fields of cobra.Command holding the functions
// one invocation of a program runs once: the command itself and its hooks.
var cobraCommandRuns = []string{"Run", "RunE", "PreRun", "PreRunE", "PostRun", "PostRunE",
	"PersistentPreRun", "PersistentPreRunE", "PersistentPostRun", "PersistentPostRunE"}

// cobraPath is the import path of the cobra command-line framework.
const cobraPath = "github.com/spf13/cobra"

// MayDeclareCommands reports whether pkg imports a command-line framework
// whose commands hold run fields (IsCommandRunField): a package that
// imports none holds no command to run once.
func MayDeclareCommands(pkg *types.Package) bool { return match.Imports(pkg, cobraPath) }

// IsCommandRunField reports whether f is a field of a command-line
// framework's command that holds a function one invocation of the program
// runs once: cobra.Command's Run, RunE and their Pre/Post hooks.
func IsCommandRunField(f *types.Var) bool {
	return match.IsFieldOf(f, cobraPath, "Command", cobraCommandRuns...)
}

// RunsFuncOnce reports whether a call of fn runs the function it is handed
// once: errgroup.Group's Go and TryGo, sync.WaitGroup's Go, sync.Once's Do
// (at most once).
func RunsFuncOnce(fn *types.Func) bool {
	return fn != nil && (match.IsMethod(fn, "golang.org/x/sync/errgroup", "Group", "Go", "TryGo") ||
		match.IsMethod(fn, "sync", "WaitGroup", "Go") || match.IsMethod(fn, "sync", "Once", "Do"))
}
