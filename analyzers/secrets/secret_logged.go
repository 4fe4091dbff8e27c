package secrets

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/httpsum"
)

// LoggedOptions are secret-logged's rules.toml keys.
type LoggedOptions struct {
	Names bool `toml:"names" doc:"also report values whose only sign of a credential is a name: a secret-named variable or field (password, token, apiKey...), a value logged under a secret-named key, and a struct printed whole with a secret-named field (off by default: many such names hold consistency, pagination or lexical tokens, or a command's own output)"`
}

// Logged returns the secret-logged rule.
func Logged() *rule.Rule {
	return &rule.Rule{
		ID:         "secret-logged",
		Severity:   config.SeverityError,
		Enabled:    true,
		Imports:    apis.LogPaths(),
		NewOptions: func() any { return &LoggedOptions{} },
		Requires:   []*analysis.Analyzer{httpsum.Analyzer},
		Doc: rule.Doc{
			Title: "report secrets and credential headers passed to loggers and printers",
			Why: "An agent's API key was the crown jewel, and it leaked through logs: log lines are shipped to aggregators " +
				"and vendors, indexed, kept for months and readable by far more people than the secret's owners, and a " +
				"bearer token or session cookie in them lets anyone with log access act as its owner. By default the rule " +
				"reports an argument of a log or print sink that is a credential by its origin or type: the value of the " +
				"Authorization, Proxy-Authorization, Cookie, Set-Cookie, X-Api-Key or X-Auth-Token header, the password from " +
				"Request.BasicAuth or url.Userinfo.Password, an httputil.DumpRequest/DumpRequestOut dump, a whole " +
				"*http.Request or http.Header, an environment read whose key names a credential (os.Getenv(\"DB_PASSWORD\"), " +
				"os.LookupEnv), a JWT library's Token.SignedString, URL userinfo built with url.UserPassword (a url.URL " +
				"prints its password through String), and the AccessToken or RefreshToken of an oauth2.Token and the " +
				"ClientSecret of an oauth2 or clientcredentials Config. With names = true it also reports values whose only " +
				"sign of a credential is a name: a secret-named string variable or field (password, secret, token, apiKey, " +
				"credentials, auth...), a value logged under a secret-named key, and a struct printed whole (%v, %+v, " +
				"Print, a structured logger's field value) with a credential-named string field at its top, in an embedded " +
				"struct or in a nested struct whose field or type names credentials (Auth, Credentials): fmt prints every " +
				"field, exported or not; a structured logger encodes the exported ones and follows pointers. Names alone " +
				"are not precise enough for the default: they as often hold consistency, pagination, lexical or challenge " +
				"tokens, or the output of a command that creates a credential. " +
				"Sinks: log (functions and *log.Logger), log/slog (functions, *slog.Logger, key-value arguments and " +
				"slog.String/Any attributes), fmt.Print* and fmt.Fprint* to os.Stdout or os.Stderr, go.uber.org/zap " +
				"(*Logger, *SugaredLogger and field constructors), github.com/rs/zerolog (Event and Context fields, Msg, " +
				"Logger.Print*, zerolog/log.Print*) and github.com/sirupsen/logrus (functions, *Logger, *Entry, WithField " +
				"and Fields). Values flow through string conversions, concatenation, fmt.Sprint*, strings.Trim* and " +
				"local variables assigned from them.",
			Bad: "token := r.Header.Get(\"Authorization\")\n" +
				"log.Printf(\"request from %s with %s\", r.RemoteAddr, token)",
			Good: "log.Printf(\"request from %s (authorization header present: %t)\", r.RemoteAddr, r.Header.Get(\"Authorization\") != \"\")",
			Scope: "The forms about names apply to the name-based findings (names = true). Not seen: loggers " +
				"reached through a package that does not import a logging package directly, and secrets that cross " +
				"function boundaries.",
		},
		Quiet: rule.Declare(loggedCollected, rule.Forms(loggedArgQuiet)),
		Run:   runLogged,
	}
}

// loggedChecker carries what one pass learned about local variables.
type loggedChecker struct {
	*rule.Pass
	opts *LoggedOptions
	sums *httpsum.Result
	// named is set by leak when the secret it found is known only by a
	// name (of a variable, field, log key or struct field), and namedSel
	// to the field selection that named it, if any.
	named    bool
	namedSel *types.Selection
	// tainted maps variables assigned a secret read from a request (a
	// header value, a request dump) to what they hold.
	tainted map[*types.Var]taint
	// cleaned holds variables assigned the result of a redacting function:
	// a variable named token that holds mask(raw) is safe to log.
	cleaned map[*types.Var]bool
	// assigning is set while an assignment is judged: a struct is
	// judged when it is printed, not when it is copied.
	assigning bool
	// envPlain holds, only under -explain, variables assigned an
	// environment read whose key names no credential
	// (env-key-no-credential).
	envPlain map[*types.Var]bool
	// needed holds, once a header copy is judged, the credential headers
	// a redacted copy must overwrite (redactionsNeeded).
	needed map[string]bool
}

func runLogged(p *rule.Pass) error {
	lc := &loggedChecker{Pass: p, opts: rule.Options[LoggedOptions](p), sums: p.ResultOf[httpsum.Analyzer].(*httpsum.Result), tainted: map[*types.Var]taint{}, cleaned: map[*types.Var]bool{}}
	if p.Explaining() {
		lc.envPlain = map[*types.Var]bool{}
	}
	for c := range p.Cursors((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			lc.recordAssign(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			lc.recordAssign(lhs, n.Values)
		case *ast.CallExpr:
			lc.checkCall(c, n)
		case *ast.CompositeLit:
			lc.checkLogrusFields(n)
		}
	}
	return nil
}

// checkCall reports the secrets among the printed arguments of a sink.
func (lc *loggedChecker) checkCall(c inspector.Cursor, call *ast.CallExpr) {
	fn := match.Callee(lc.TypesInfo, call)
	s := sinkOf(fn)
	if s == nil {
		return
	}
	args := call.Args
	if s.ToWriter && (len(args) == 0 || !isStdStream(lc.TypesInfo, args[0])) {
		if lc.Explaining() {
			lc.decideOtherWriter(args[min(s.First, len(args)):])
		}
		return // Fprint* to a file, buffer or response: not a log
	}
	name := match.APIName(fn, nil)
	var cmd inspector.Cursor    // the CLI command a fmt print writes the output of
	var mainFn inspector.Cursor // the function of a main package a fmt print is in
	if s.Output {
		cmd = cliCommand(lc.TypesInfo, c)
		if !cmd.Valid() && lc.Pkg.Name() == "main" {
			for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				mainFn = fc
				break
			}
		}
	}
	arg := func(a ast.Expr, key string, verb rune) {
		lc.check(name, a, key, loggedArg{lc: lc, arg: a, verb: verb, cmd: cmd, mainFn: mainFn})
	}
	switch s.Style {
	case apis.PlainArgs:
		verbs := formatVerbs(lc.TypesInfo, fn, args)
		for i, a := range args[min(s.First, len(args)):] {
			arg(a, "", verbs[s.First+i])
		}
	case apis.PairArgs:
		if len(args) >= 2 {
			key, _ := match.ConstString(lc.TypesInfo, args[0])
			arg(args[1], key, 0)
		}
	case apis.KeyValueArgs:
		for i := s.First; i < s.KVFrom && i < len(args); i++ {
			arg(args[i], "", 0)
		}
		for i := s.KVFrom; i < len(args); i++ {
			if key, ok := match.ConstString(lc.TypesInfo, args[i]); ok && i+1 < len(args) {
				arg(args[i+1], key, 0)
				i++
				continue
			}
			arg(args[i], "", 0)
		}
	}
}

// checkLogrusFields checks the entries of a literal of a logged map type
// (logrus.Fields, from the API tables).
func (lc *loggedChecker) checkLogrusFields(lit *ast.CompositeLit) {
	t := lc.TypesInfo.TypeOf(lit)
	if t == nil || !apis.IsLogFields(t) {
		return
	}
	obj := types.Unalias(t).(*types.Named).Obj()
	name := obj.Pkg().Name() + "." + obj.Name()
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			key, _ := match.ConstString(lc.TypesInfo, kv.Key)
			lc.check(name, kv.Value, key, loggedArg{lc: lc, arg: kv.Value})
		}
	}
}

// check reports arg, printed by the sink, when it holds a secret and no
// quiet form of the printed argument c applies.
func (lc *loggedChecker) check(sink string, arg ast.Expr, key string, c loggedArg) {
	lc.named, lc.namedSel = false, nil
	what, advice := lc.leak(arg, key)
	if what == "" {
		if lc.Explaining() {
			if form := lc.notLeakForm(arg, key); form != "" {
				rule.Decided(lc.Pass, arg, form)
			}
		}
		return
	}
	c.named, c.sel = lc.named, lc.namedSel
	if rule.Quiet(lc.Pass, arg, loggedArgQuiet, c) {
		return
	}
	lc.Report(arg, fmt.Sprintf("%s logs %s: log lines are shipped to aggregators and vendors, kept for months and "+
		"readable by far more people than the secret's owners, who can then act as its owner; %s", sink, what, advice))
}

// recordAssign learns what local variables hold from an assignment or
// declaration: a secret read from a request, or a redacted value.
func (lc *loggedChecker) recordAssign(lhs, rhs []ast.Expr) {
	lc.assigning = true
	defer func() { lc.assigning = false }()
	if len(rhs) == 1 && len(lhs) > 1 {
		call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
		if !ok {
			return
		}
		fn := match.Callee(lc.TypesInfo, call)
		if fn == nil {
			return
		}
		switch {
		case match.IsFunc(fn, "net/http/httputil", "DumpRequest", "DumpRequestOut"):
			if len(call.Args) > 0 && lc.redactedRequest(call.Args[0]) {
				rule.Decided(lc.Pass, call, "redacted-request-copy")
				return
			}
			lc.setTaint(lhs[0], taint{what: "an httputil." + fn.Name() + " dump, which holds the Authorization and Cookie headers", advice: adviceRequest})
		case match.IsMethod(fn, "net/http", "Request", "BasicAuth") && len(lhs) == 3:
			lc.setTaint(lhs[1], taint{what: "the password returned by Request.BasicAuth", advice: adviceSecret})
		case match.IsMethod(fn, "net/url", "Userinfo", "Password"):
			lc.setTaint(lhs[0], taint{what: "the password of URL userinfo", advice: adviceSecret})
		case isSignedToken(fn):
			lc.setTaint(lhs[0], taint{what: "the signed token returned by " + match.APIName(fn, nil), advice: adviceSecret})
		default:
			if what := lc.envLeak(fn, call); what != "" {
				lc.setTaint(lhs[0], taint{what: what, advice: adviceSecret})
			} else if v := lc.localVar(lhs[0]); v != nil && lc.envPlain != nil {
				lc.envPlain[v] = lc.plainEnvRead(fn, call)
			}
		}
		return
	}
	if len(lhs) != len(rhs) {
		return
	}
	for i, r := range rhs {
		v := lc.localVar(lhs[i])
		if v == nil {
			continue
		}
		delete(lc.tainted, v)
		delete(lc.cleaned, v)
		delete(lc.envPlain, v)
		lc.named, lc.namedSel = false, nil
		if what, advice := lc.leak(r, ""); what != "" {
			lc.tainted[v] = taint{what, advice, lc.named, lc.namedSel}
		} else if lc.redacts(r) {
			lc.cleaned[v] = true
		} else if lc.envPlain != nil {
			if call, ok := ast.Unparen(r).(*ast.CallExpr); ok {
				lc.envPlain[v] = lc.plainEnvRead(match.Callee(lc.TypesInfo, call), call)
			}
		}
	}
}

// taint is what a variable holds and the advice for logging it, and
// whether (and by which field) it is known only by a name.
type taint struct {
	what, advice string
	named        bool
	sel          *types.Selection
}

func (lc *loggedChecker) setTaint(e ast.Expr, t taint) {
	if v := lc.localVar(e); v != nil {
		lc.tainted[v] = t
	}
}

// localVar returns the variable an assignment's left side names, or nil
// for fields, index expressions and the blank identifier.
func (lc *loggedChecker) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := lc.TypesInfo.ObjectOf(id).(*types.Var)
	return v
}

// redactingWords name functions whose result is safe to log.
var redactingWords = map[string]bool{
	"redact": true, "redacted": true, "mask": true, "masked": true, "hash": true, "hashed": true,
	"sanitize": true, "sanitized": true, "scrub": true, "obfuscate": true, "truncate": true, "fingerprint": true,
}

// redacts reports whether e calls a function named like a redaction:
// redact(token), hashToken(t), auth.Mask(key).
func (lc *loggedChecker) redacts(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := match.Callee(lc.TypesInfo, call)
	if fn == nil {
		return false
	}
	for _, w := range splitWords(fn.Name()) {
		if redactingWords[w] {
			return true
		}
	}
	return false
}

// cliPackages are the command-line frameworks whose command handlers
// write their output to the terminal of the operator who ran them.
var cliPackages = map[string]bool{
	"github.com/urfave/cli": true, "github.com/urfave/cli/v2": true, "github.com/urfave/cli/v3": true,
	"github.com/spf13/cobra": true,
}

// cliCommand returns the function around c that handles a command-line
// command (it takes a *cli.Context, *cli.Command or *cobra.Command), or
// the zero cursor.
func cliCommand(info *types.Info, c inspector.Cursor) inspector.Cursor {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		for _, f := range match.FuncType(fc.Node()).Params.List {
			if n := namedOf(info.TypeOf(f.Type)); n != nil && n.Obj().Pkg() != nil && cliPackages[n.Obj().Pkg().Path()] &&
				(n.Obj().Name() == "Context" || n.Obj().Name() == "Command") {
				return fc
			}
		}
	}
	return inspector.Cursor{}
}

// madeIn reports whether e is a variable declared inside the body of the
// function at fn, or a field of one (password, t.Token): a value the
// command produced, such as a key it generated or a token it created,
// rather than a secret of the process's configuration.
func madeIn(info *types.Info, fn inspector.Cursor, e ast.Expr) bool {
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			break
		}
		if s, ok := info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
			return false
		}
		e = sel.X
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	var body *ast.BlockStmt
	switch fn := fn.Node().(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	return body != nil && body.Pos() <= v.Pos() && v.Pos() < body.End()
}

// createVerbs open the name of a function that makes a credential:
// CreateToken, GenerateKey, IssueCertificate, NewAPIKey, MintToken.
var createVerbs = map[string]bool{
	"create": true, "generate": true, "gen": true, "issue": true, "new": true, "mint": true, "make": true,
	"rotate": true, "register": true, "provision": true, "sign": true,
}

// createdByCall reports whether the variable under e (or whose field e
// is) is declared in the function at fn from the result of a call of a
// function or method whose name starts with a creating verb.
func createdByCall(info *types.Info, fn inspector.Cursor, e ast.Expr) bool {
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			break
		}
		e = sel.X
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(fn.Node(), func(n ast.Node) bool {
		var lhs []*ast.Ident
		var rhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				li, _ := l.(*ast.Ident)
				lhs = append(lhs, li)
			}
			rhs = n.Rhs
		case *ast.ValueSpec:
			lhs, rhs = n.Names, n.Values
		default:
			return !found
		}
		for i, l := range lhs {
			if l == nil || info.Defs[l] != v {
				continue
			}
			var call *ast.CallExpr
			switch {
			case len(rhs) == len(lhs):
				call, _ = ast.Unparen(rhs[i]).(*ast.CallExpr)
			case len(rhs) == 1:
				call, _ = ast.Unparen(rhs[0]).(*ast.CallExpr)
			}
			if call != nil {
				if callee := match.Callee(info, call); callee != nil {
					if words := splitWords(callee.Name()); len(words) > 0 && createVerbs[words[0]] {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}
