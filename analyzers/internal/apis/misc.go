package apis

// Libraries known for one thing each: websocket upgrades that hijack the
// request's connection, and context twins that bound no work.

var (
	gorillaWebsocket = Library{Path: "github.com/gorilla/websocket", Hijacks: []Funcs{{"Upgrader", []string{"Upgrade"}}}}
	coderWebsocket   = Library{Path: "github.com/coder/websocket", Hijacks: []Funcs{{"", []string{"Accept"}}}}
	nhooyrWebsocket  = Library{Path: "nhooyr.io/websocket", Hijacks: []Funcs{{"", []string{"Accept"}}}}
	xnetWebsocket    = Library{Path: "golang.org/x/net/websocket", Hijacks: []Funcs{{"Server", []string{"ServeHTTP"}}}}
)

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
