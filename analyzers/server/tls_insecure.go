package server

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// TLSOptions are tls-insecure's rules.toml keys.
type TLSOptions struct {
	SkipVerify bool `toml:"skip-verify" doc:"also report InsecureSkipVerify: true (off by default: on modules the rule had never been tuned on, no such finding in five rounds was a fix a reviewer would make: loopback self-dials, server-only configurations, peers pinned by their own certificates, modes the user chooses)"`
}

// TLS returns the tls-insecure rule.
func TLS() *rule.Rule {
	return &rule.Rule{
		ID:         "tls-insecure",
		Severity:   config.SeverityError,
		Enabled:    true,
		Imports:    []string{"crypto/tls"},
		NewOptions: func() any { return &TLSOptions{} },
		Doc: rule.Doc{
			Title: "report tls.Config values that skip verification or allow old TLS",
			Why: "InsecureSkipVerify: true makes a TLS client accept any certificate for any host: whoever sits on the " +
				"network path (a compromised proxy, a rogue Wi-Fi, a DNS hijack) can read and rewrite the traffic, " +
				"including the credentials it carries, and nothing in the logs shows it. It is the certificate check " +
				"switched off \"for now\" that ships to production. A MinVersion below TLS 1.2 re-enables TLS 1.0/1.1 " +
				"(deprecated by RFC 8996, with weak ciphers and downgrade attacks) for every peer that asks.",
			Bad:  "tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS10}}",
			Good: "pool := x509.NewCertPool()\npool.AppendCertsFromPEM(caPEM)\ntr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}",
			Scope: "By default only a MinVersion below TLS 1.2 is reported: on modules the rule had never been tuned on, " +
				"its MinVersion findings were right (1 of 1, and 1 of 1 on the tuning set), while none of the 11 " +
				"InsecureSkipVerify findings on their production code in five rounds was (a self-dial to the process's own port, a configuration only servers use, peers " +
				"identified by their own certificates after the handshake, a mode the user picks such as an " +
				"encrypt-only sslmode, an option named insecure). InsecureSkipVerify: true is reported with " +
				"skip-verify = true, where the forms below keep it quiet. " +
				"A type assertion's ok, a nil or presence test on another value or an environment variable of " +
				"another feature is not an opt-in, and a change of http.DefaultTransport's TLS configuration (every " +
				"client of the process that uses the default transport) is reported whatever the condition. Not " +
				"production code: _test.go files and files that import testing or testify (test harnesses; both unless " +
				"rules.toml sets tests = true); packages under an example, examples or _examples directory, and " +
				"non-production packages (samples, benchmarks, demos, end-to-end suites and test tools: the " +
				"[production] globs of rules.toml).",
			Fix: "removes InsecureSkipVerify: true from the literal, or the statement that sets it; replaces a MinVersion " +
				"below TLS 1.2 with tls.VersionTLS12.",
		},
		Quiet: rule.Declare(skipVerifyCollected, rule.Forms(skipVerifyQuiet)),
		Run:   runTLS,
	}
}

// tlsFinding is an insecure setting waiting for the check on custom
// verification, which may be set later in the package.
type tlsFinding struct {
	key  types.Object     // where the tls.Config lives, or nil
	lit  inspector.Cursor // the tls.Config literal, or an invalid cursor for an assignment
	at   inspector.Cursor // the setting
	node ast.Node
	msg  string
	fix  func() []analysis.SuggestedFix
	// custom and peerAuth: the literal sets VerifyPeerCertificate or
	// VerifyConnection, or requests a client certificate it does not
	// verify.
	custom, peerAuth bool
}

const skipVerifyMsg = "InsecureSkipVerify: true makes this TLS client accept any certificate for any host: anyone on the " +
	"network path can read and rewrite the traffic and the credentials in it; remove it and trust the server's CA " +
	"through RootCAs"

func runTLS(p *rule.Pass) error {
	skip := rule.Options[TLSOptions](p).SkipVerify
	var findings []tlsFinding
	customVerify := map[types.Object]bool{} // keys whose tls.Config sets VerifyPeerCertificate/VerifyConnection
	peerAuth := map[types.Object]bool{}     // keys whose tls.Config requests a client certificate it does not verify
	probe := loopbackProbes(p)
	for c := range p.Cursors((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CompositeLit:
			if !match.IsNamed(p.TypesInfo.TypeOf(n), "crypto/tls", "Config") {
				continue
			}
			key := literalKey(p.TypesInfo, c)
			if form := probe.literals[n]; form != "" || key != nil && probe.onlyProbes(key) {
				if form == "" {
					form = probe.forms[key]
				}
				rule.Decided(p, n, form)
				continue // a probe of a listener on this host, or one that only connects
			}
			custom := hasCustomVerify(p.TypesInfo, n)
			auth := false
			if v := literalField(n, "ClientAuth"); v != nil {
				auth = requestsUnverifiedClientCert(p.TypesInfo, v)
			}
			if key != nil {
				customVerify[key] = customVerify[key] || custom
				peerAuth[key] = peerAuth[key] || auth
			}
			for _, f := range literalTLSFindings(p, c, n, key, skip) {
				f.lit, f.at, f.custom, f.peerAuth = c, c, custom, auth
				findings = append(findings, f)
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				f := match.FieldSelection(p.TypesInfo, lhs)
				if !match.IsFieldOf(f, "crypto/tls", "Config") {
					continue
				}
				key := valueKey(p.TypesInfo, lhs.(*ast.SelectorExpr).X)
				if key != nil && probe.onlyProbes(key) {
					rule.Decided(p, n, probe.forms[key])
					continue
				}
				switch f.Name() {
				case "VerifyPeerCertificate", "VerifyConnection":
					if key != nil && !match.IsNil(p.TypesInfo, n.Rhs[i]) {
						customVerify[key] = true
					}
				case "ClientAuth":
					if key != nil && requestsUnverifiedClientCert(p.TypesInfo, n.Rhs[i]) {
						peerAuth[key] = true
					}
				case "InsecureSkipVerify":
					if skip && skipVerifyDecided(p, c, n.Rhs[i], n) {
						findings = append(findings, tlsFinding{key: key, at: c, node: n, msg: skipVerifyMsg,
							fix: func() []analysis.SuggestedFix { return dropStatementFix(p, c, n) }})
					}
				case "MinVersion":
					if name, old := oldTLSVersion(p.TypesInfo, n.Rhs[i]); !old {
						defaultMinVersion(p, n.Rhs[i], n)
					} else if versionNameCase(p.TypesInfo, c) {
						rule.Decided(p, n, "configured-version-switch")
					} else {
						rhs := n.Rhs[i]
						findings = append(findings, tlsFinding{key: key, node: rhs, msg: minVersionMsg(name),
							fix: func() []analysis.SuggestedFix { return replaceVersionFix(p, rhs) }})
					}
				}
			}
		}
	}
	var flow *tlsFlow
	lazyFlow := func() *tlsFlow {
		if flow == nil {
			flow = newTLSFlow(p)
		}
		return flow
	}
	for _, f := range findings {
		if f.msg == skipVerifyMsg &&
			rule.Quiet(p, f.node, skipVerifyQuiet, skipVerify{p: p, f: f, customVerify: customVerify, peerAuth: peerAuth, flow: lazyFlow}) {
			continue
		}
		p.Report(f.node, f.msg, f.fix()...)
	}
	return nil
}

// probes are the tls.Config values that only dial a loopback address: a
// process probing its own TLS listener (a health check, a readiness
// self-test) through 127.0.0.1 or localhost, where no one else is on the
// network path.
type probes struct {
	literals map[*ast.CompositeLit]string // passed in place to a loopback dial: the form that says so
	vars     map[types.Object]int         // passed by name to a loopback dial: how often
	forms    map[types.Object]string      // the form that says so, for the names in vars
	uses     map[types.Object]int         // every use of those names
}

// onlyProbes reports whether every use of the variable key is as the
// configuration of a loopback dial (besides setting its fields).
func (pr *probes) onlyProbes(key types.Object) bool {
	n := pr.vars[key]
	return n > 0 && n == pr.uses[key]
}

// loopbackProbes finds the tls.Config values handed to tls.Dial or
// tls.DialWithDialer with a loopback address.
func loopbackProbes(p *rule.Pass) *probes {
	pr := &probes{literals: map[*ast.CompositeLit]string{}, vars: map[types.Object]int{}, uses: map[types.Object]int{},
		forms: map[types.Object]string{}}
	for c := range p.Cursors((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		fn := match.Callee(p.TypesInfo, call)
		var addr, cfg ast.Expr
		switch {
		case match.IsFunc(fn, "crypto/tls", "Dial") && len(call.Args) == 3:
			addr, cfg = call.Args[1], call.Args[2]
		case match.IsFunc(fn, "crypto/tls", "DialWithDialer") && len(call.Args) == 4:
			addr, cfg = call.Args[2], call.Args[3]
		default:
			continue
		}
		form := "loopback-probe"
		if !isLoopbackTarget(p.TypesInfo, addr) {
			if !connectOnly(p, c) {
				continue
			}
			form = "connect-only-probe"
		}
		cfg = ast.Unparen(cfg)
		if u, ok := cfg.(*ast.UnaryExpr); ok && u.Op == token.AND {
			cfg = ast.Unparen(u.X)
		}
		switch e := cfg.(type) {
		case *ast.CompositeLit:
			pr.literals[e] = form
		case *ast.Ident:
			if obj := p.TypesInfo.Uses[e]; obj != nil {
				pr.vars[obj]++
				pr.forms[obj] = form
			}
		}
	}
	if len(pr.vars) == 0 {
		return pr
	}
	for c := range p.Cursors((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		obj := p.TypesInfo.Uses[id]
		if _, ok := pr.vars[obj]; !ok {
			continue
		}
		if sel, ok := c.Parent().Node().(*ast.SelectorExpr); ok && sel.X == id {
			if kind, _ := c.Parent().ParentEdge(); kind == edge.AssignStmt_Lhs {
				continue // cfg.InsecureSkipVerify = true: setting it, not handing it on
			}
		}
		pr.uses[obj]++
	}
	return pr
}

// connectOnly reports whether the dial at c is a connect-only probe: its
// connection is assigned to a local variable (conn, err := tls.Dial(...))
// that is assigned nowhere else and whose every use is a call of its
// Close method. The handshake is all that happens: no request, data or
// credential crosses the connection, so there is nothing on it for a
// man in the middle to read or rewrite.
func connectOnly(p *rule.Pass, c inspector.Cursor) bool {
	as, ok := c.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != c.Node() || len(as.Lhs) != 2 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := p.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || len(p.Index.Assignments(v)) != 1 {
		return false // blank, a field or package variable, or assigned again
	}
	uses := p.Index.Uses(v)
	if len(uses) == 0 {
		return false
	}
	for _, u := range uses {
		sel, isSel := u.Parent().Node().(*ast.SelectorExpr)
		if !isSel || sel.X != u.Node() || sel.Sel.Name != "Close" {
			return false
		}
		call, isCall := u.Parent().Parent().Node().(*ast.CallExpr)
		if !isCall || call.Fun != sel || !match.IsMethodCall(p.TypesInfo, call, "crypto/tls", "Conn", "Close") {
			return false
		}
	}
	return true
}

// isLoopbackTarget reports whether a dial address names a loopback host:
// a constant ("127.0.0.1:8443"), a constant host joined to a port
// ("localhost:" + port, net.JoinHostPort("127.0.0.1", port)).
func isLoopbackTarget(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if isLoopbackAddr(info, e) {
		return true
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return false
		}
		if v := match.ConstValue(info, e.X); v != nil && v.Kind() == constant.String {
			host, _, ok := strings.Cut(constant.StringVal(v), ":")
			return ok && isLoopbackHost(host)
		}
		return isLoopbackTarget(info, e.X) // "127.0.0.1:" + a + b
	case *ast.CallExpr:
		if match.IsCallTo(info, e, "net", "JoinHostPort") && len(e.Args) == 2 {
			if v := match.ConstValue(info, e.Args[0]); v != nil && v.Kind() == constant.String {
				return isLoopbackHost(constant.StringVal(v))
			}
		}
	}
	return false
}

// literalTLSFindings returns the insecure settings of a tls.Config
// literal. Every fix rewrites the whole literal (gofmt realigns its keys),
// so when a literal has two findings both offer the same combined fix.
func literalTLSFindings(p *rule.Pass, c inspector.Cursor, lit *ast.CompositeLit, key types.Object, skip bool) []tlsFinding {
	var (
		out      []tlsFinding
		splices  []fix.Splice
		messages []string
	)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		switch id.Name {
		case "InsecureSkipVerify":
			if skip && skipVerifyDecided(p, c, kv.Value, kv) {
				out = append(out, tlsFinding{key: key, node: kv, msg: skipVerifyMsg})
				splices = append(splices, fix.DropElement(p.Fset, lit, kv))
				messages = append(messages, "Remove InsecureSkipVerify")
			}
		case "MinVersion":
			if name, old := oldTLSVersion(p.TypesInfo, kv.Value); !old {
				defaultMinVersion(p, kv.Value, kv)
			} else {
				out = append(out, tlsFinding{key: key, node: kv, msg: minVersionMsg(name)})
				splices = append(splices, fix.Splice{Pos: kv.Value.Pos(), End: kv.Value.End(), Text: "\x00tls"})
				messages = append(messages, "Set MinVersion to TLS 1.2")
			}
		}
	}
	fixes := func() []analysis.SuggestedFix {
		tlsName, importEdits, ok := importName(p, lit, "crypto/tls")
		if !ok {
			return nil
		}
		for i := range splices {
			if splices[i].Text == "\x00tls" {
				splices[i].Text = tlsName + ".VersionTLS12"
			}
		}
		src, ok := fix.FileSource(p.Fset, p.ReadFile, lit.Pos())
		if !ok {
			return nil
		}
		edit, ok := fix.Literal(p.Fset, src, lit, splices...)
		if !ok {
			return nil
		}
		return []analysis.SuggestedFix{fix.New(strings.Join(messages, " and "), append([]analysis.TextEdit{edit}, importEdits...)...)}
	}
	for i := range out {
		out[i].fix = fixes
	}
	return out
}

func minVersionMsg(version string) string {
	return "MinVersion " + version + " lets peers negotiate TLS below 1.2, deprecated by RFC 8996 for weak ciphers and " +
		"downgrade attacks; set MinVersion: tls.VersionTLS12 (or leave it 0, the Go default)"
}

// hasCustomVerify reports whether a tls.Config literal sets its own
// verification callback.
func hasCustomVerify(info *types.Info, lit *ast.CompositeLit) bool {
	for _, name := range []string{"VerifyPeerCertificate", "VerifyConnection"} {
		if v := literalField(lit, name); v != nil && !match.IsNil(info, v) {
			return true
		}
	}
	return false
}

// tls12 is the protocol version number of TLS 1.2 (tls.VersionTLS12).
const tls12 = 0x0303

// oldTLSVersion reports whether e is a non-zero constant below TLS 1.2
// (0x0303), and names the version.
func oldTLSVersion(info *types.Info, e ast.Expr) (string, bool) {
	v := match.ConstValue(info, e)
	if v == nil || v.Kind() != constant.Int {
		return "", false
	}
	n, exact := constant.Uint64Val(v)
	if !exact || n == 0 || n >= tls12 {
		return "", false
	}
	switch n {
	case 0x0300:
		return "SSL 3.0", true
	case 0x0301:
		return "TLS 1.0", true
	case 0x0302:
		return "TLS 1.1", true
	}
	return fmt.Sprintf("%#04x", n), true
}

// skipVerifyDecided reports whether InsecureSkipVerify set to value (at
// rng) is a candidate: the constant true, not decided by a condition. When
// it is not, it records the collected form that says why (for prodlint
// -explain).
func skipVerifyDecided(p *rule.Pass, c inspector.Cursor, value ast.Expr, rng ast.Node) bool {
	if !match.IsConstTrue(p.TypesInfo, value) {
		if match.ConstValue(p.TypesInfo, value) == nil {
			rule.Decided(p, rng, "non-constant-skip-verify")
		}
		return false
	}
	if form := conditionForm(p.TypesInfo, c); form != "" {
		rule.Decided(p, rng, form)
		return false
	}
	return true
}

// defaultMinVersion records, for prodlint -explain, a MinVersion that is
// 0 (the Go default) or not constant (default-min-version).
func defaultMinVersion(p *rule.Pass, value ast.Expr, rng ast.Node) {
	if !p.Explaining() {
		return
	}
	if v := match.ConstValue(p.TypesInfo, value); v == nil || v.Kind() == constant.Int && constant.Sign(v) == 0 {
		rule.Decided(p, rng, "default-min-version")
	}
}

// conditionForm names the collected form of the condition that decides
// the node at c, or is "" when none does. A node is decided by a condition
// when it runs only when an if
// condition or a switch case chooses it, within its function, and that
// condition is an explicit opt-in: it names a setting whose name says
// insecure, verify, dev, debug or test (if *insecure { ... }, if
// cfg.TLSSkipVerify { ... }, case "dev":). A type assertion's ok, a nil or
// presence test, or an environment variable of another feature decides
// something else, not to skip verification. A setting of
// http.DefaultTransport is never decided: it changes every client of the
// process that uses the default transport, whatever chose it. An
// exported function or option closure named for skipping verification
// decides it too.
func conditionForm(info *types.Info, c inspector.Cursor) string {
	if touchesDefaultTransport(info, c) {
		return ""
	}
	for p := c.Parent(); p.Node() != nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl:
			if optInFunc(n) {
				return "insecure-named-option"
			}
			return ""
		case *ast.FuncLit:
			if _, returned := p.Parent().Node().(*ast.ReturnStmt); returned {
				continue // func WithInsecure() Option { return func(c *Config) { ... } }
			}
			return ""
		case *ast.CaseClause:
			if c.Node().Pos() < n.Colon {
				continue
			}
			for _, e := range n.List {
				if namesOptIn(e) {
					if s, ok := match.ConstString(info, e); ok && s == "unix" {
						return "unix-socket-case"
					}
					return "opt-in-condition"
				}
			}
			if sw, ok := p.Parent().Parent().Node().(*ast.SwitchStmt); ok {
				if sw.Tag != nil && namesOptIn(sw.Tag) {
					return "opt-in-condition"
				}
				if anotherCaseVerifies(info, sw, n) {
					return "verification-mode-switch"
				}
			}
		case *ast.IfStmt:
			if c.Node().Pos() >= n.Body.Pos() && c.Node().Pos() < n.Body.End() {
				if namesOptIn(n.Cond) {
					return "opt-in-condition"
				}
				if testsLoopback(info, n.Cond) {
					return "loopback-host-condition"
				}
			}
		}
	}
	return ""
}

// verifyFields are the tls.Config fields that set how a client verifies
// the server: setting one configures verification, not skipping it.
var verifyFields = map[string]bool{"ServerName": true, "RootCAs": true, "VerifyPeerCertificate": true, "VerifyConnection": true}

// anotherCaseVerifies reports whether a case of sw other than skip sets a
// verification field of a tls.Config (ServerName, RootCAs, a verification
// callback) and sets no InsecureSkipVerify: the switch chooses among
// verification modes (encrypt only, verify the CA, verify the host), and
// which one runs is the user's setting that the switch reads.
func anotherCaseVerifies(info *types.Info, sw *ast.SwitchStmt, skip *ast.CaseClause) bool {
	for _, st := range sw.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok || cc == skip {
			continue
		}
		verifies, skips := false, false
		for _, body := range cc.Body {
			ast.Inspect(body, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok {
					return true
				}
				for _, lhs := range as.Lhs {
					if f := match.FieldSelection(info, lhs); match.IsFieldOf(f, "crypto/tls", "Config") {
						verifies = verifies || verifyFields[f.Name()]
						skips = skips || f.Name() == "InsecureSkipVerify"
					}
				}
				return true
			})
		}
		if verifies && !skips {
			return true
		}
	}
	return false
}

// versionNameCase reports whether the MinVersion assignment at c sits
// directly in a case clause, with constant labels, of a switch on a value
// (switch cfg.MinVersion { case "1.0": ... }) whose other case clauses set
// MinVersion to TLS 1.2 or later: the switch translates a version the
// user configures, and the old version is set only when the user names it.
// A default clause, or a switch that sets no modern version, chooses it.
func versionNameCase(info *types.Info, c inspector.Cursor) bool {
	cc, ok := c.Parent().Node().(*ast.CaseClause)
	if !ok || len(cc.List) == 0 {
		return false
	}
	sw, ok := c.Parent().Parent().Parent().Node().(*ast.SwitchStmt)
	if !ok || sw.Tag == nil || match.ConstValue(info, sw.Tag) != nil {
		return false
	}
	for _, e := range cc.List {
		if match.ConstValue(info, e) == nil {
			return false
		}
	}
	for _, st := range sw.Body.List {
		other := st.(*ast.CaseClause)
		if other == cc {
			continue
		}
		for _, body := range other.Body {
			as, ok := body.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				continue
			}
			f := match.FieldSelection(info, as.Lhs[0])
			if !match.IsFieldOf(f, "crypto/tls", "Config", "MinVersion") {
				continue
			}
			if v, ok := match.ConstInt(info, as.Rhs[0]); ok && v >= tls12 {
				return true
			}
		}
	}
	return false
}

// optInFunc reports whether fn is an exported function or method whose
// name says it turns verification off (WithInsecureSkipVerify,
// SetSkipVerify): an option of a library that its caller must choose,
// as explicit as a flag.
func optInFunc(fn *ast.FuncDecl) bool {
	if !fn.Name.IsExported() {
		return false
	}
	for _, w := range nameWords(fn.Name.Name) {
		if w == "insecure" || w == "skipverify" || w == "noverify" || w == "insecureskipverify" {
			return true
		}
	}
	words := strings.Join(nameWords(fn.Name.Name), " ")
	return strings.Contains(words, "skip verify") || strings.Contains(words, "no verify") || strings.Contains(words, "skip tls")
}

// testsLoopback reports whether an if condition holds only when a host is
// a loopback host: a call whose name says localhost or loopback
// (IsLocalhost(host), ip.IsLoopback()), a comparison with a loopback
// constant (host == "localhost"), or a conjunction with one of those.
func testsLoopback(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			return testsLoopback(info, e.X) || testsLoopback(info, e.Y)
		case token.LOR:
			return testsLoopback(info, e.X) && testsLoopback(info, e.Y)
		case token.EQL:
			for _, side := range []ast.Expr{e.X, e.Y} {
				if v := match.ConstValue(info, side); v != nil && v.Kind() == constant.String && isLoopbackHost(constant.StringVal(v)) {
					return true
				}
			}
		}
	case *ast.CallExpr:
		var name string
		switch f := ast.Unparen(e.Fun).(type) {
		case *ast.Ident:
			name = f.Name
		case *ast.SelectorExpr:
			name = f.Sel.Name
		}
		for _, w := range nameWords(name) {
			if w == "localhost" || w == "loopback" {
				return true
			}
		}
	}
	return false
}

// optInWords are the words of a setting's name that say it turns
// verification off on purpose, or marks a development or test mode; unix
// names a unix domain socket, where no one is on a network path.
var optInWords = map[string]bool{
	"insecure": true, "verify": true, "noverify": true, "skipverify": true, "insecureskipverify": true,
	"dev": true, "development": true, "debug": true, "test": true, "testing": true, "unix": true,
	"selfsigned": true,
}

// Words that, together in one name, say the setting switches off a TLS
// check (ignoreTLSErrors, skipCertCheck, allowSelfSigned).
var (
	optOutVerbs = map[string]bool{"ignore": true, "skip": true, "disable": true, "allow": true, "no": true}
	tlsNouns    = map[string]bool{"tls": true, "ssl": true, "cert": true, "certs": true, "certificate": true, "certificates": true, "selfsigned": true, "untrusted": true}
)

// namesOptIn reports whether an identifier or string constant of the
// expression names an explicit opt-in (insecureFlag, cfg.SkipVerify,
// os.Getenv("TLS_INSECURE"), "dev", ignoreTLSErrors).
func namesOptIn(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		var text string
		switch x := n.(type) {
		case *ast.Ident:
			text = x.Name
		case *ast.BasicLit:
			if x.Kind == token.STRING {
				text = x.Value
			}
		}
		verb, noun := false, false
		words := nameWords(text)
		for i, w := range words {
			if i > 0 && w == "signed" && words[i-1] == "self" {
				w = "selfsigned"
			}
			verb = verb || optOutVerbs[w]
			noun = noun || tlsNouns[w]
			if optInWords[w] {
				found = true
			}
		}
		found = found || verb && noun
		return !found
	})
	return found
}

// nameWords splits a Go name or a string into lower-case words at case
// changes and at anything that is not a letter or digit
// (TLSSkipVerify -> tls, skip, verify; "skip-verify" -> skip, verify).
func nameWords(s string) []string {
	var words []string
	var cur []rune
	runes := []rune(s)
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for i, r := range runes {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if unicode.IsUpper(r) && len(cur) > 0 {
			prevLower := unicode.IsLower(runes[i-1])
			nextLower := i+1 < len(runes) && unicode.IsLower(runes[i+1])
			if prevLower || nextLower && unicode.IsUpper(runes[i-1]) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// touchesDefaultTransport reports whether the statement holding the node
// at c assigns into http.DefaultTransport, directly or through a variable
// holding it (tr := http.DefaultTransport.(*http.Transport)).
func touchesDefaultTransport(info *types.Info, c inspector.Cursor) bool {
	for p := c; p.Node() != nil; p = p.Parent() {
		as, ok := p.Node().(*ast.AssignStmt)
		if !ok {
			if _, stmt := p.Node().(ast.Stmt); stmt {
				return false
			}
			continue
		}
		for _, lhs := range as.Lhs {
			if mentionsDefaultTransport(info, lhs, p) {
				return true
			}
		}
		return false
	}
	return false
}

// mentionsDefaultTransport reports whether e refers to http.DefaultTransport,
// or to a local variable whose declaration in the enclosing function does.
func mentionsDefaultTransport(info *types.Info, e ast.Expr, at inspector.Cursor) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		obj := info.Uses[id]
		if match.IsPackageVar(obj, "net/http", "DefaultTransport") {
			found = true
			return false
		}
		if v, ok := obj.(*types.Var); ok && !v.IsField() && v.Parent() != nil && v.Parent() != v.Pkg().Scope() {
			found = definedFromDefaultTransport(info, v, at)
		}
		return !found
	})
	return found
}

// definedFromDefaultTransport reports whether the local variable v is
// declared (:=) from an expression that refers to http.DefaultTransport, in
// the function that encloses at.
func definedFromDefaultTransport(info *types.Info, v *types.Var, at inspector.Cursor) bool {
	fn, _, _ := match.EnclosingFunc(info, at)
	if !fn.Valid() {
		return false
	}
	found := false
	ast.Inspect(fn.Node(), func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found || len(as.Lhs) != len(as.Rhs) {
			return !found
		}
		for i, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] == v {
				ast.Inspect(as.Rhs[i], func(m ast.Node) bool {
					if rid, ok := m.(*ast.Ident); ok {
						if match.IsPackageVar(info.Uses[rid], "net/http", "DefaultTransport") {
							found = true
						}
					}
					return !found
				})
			}
		}
		return !found
	})
	return found
}

// replaceVersionFix sets the MinVersion an assignment gives to
// tls.VersionTLS12.
func replaceVersionFix(p *rule.Pass, value ast.Expr) []analysis.SuggestedFix {
	tlsName, importEdits, ok := importName(p, value, "crypto/tls")
	if !ok || (hasLineComment(p, value.End()) && commentsAround(p, value.Pos())) {
		return nil // the alignment of its comment with its neighbours' could change
	}
	edit := fix.Replace(value, tlsName+".VersionTLS12")
	return []analysis.SuggestedFix{fix.New("Set MinVersion to TLS 1.2", append([]analysis.TextEdit{edit}, importEdits...)...)}
}

// dropStatementFix removes a statement standing alone on its line(s).
func dropStatementFix(p *rule.Pass, c inspector.Cursor, stmt ast.Stmt) []analysis.SuggestedFix {
	if _, inBlock := c.Parent().Node().(*ast.BlockStmt); !inBlock {
		return nil
	}
	tf := p.Fset.File(stmt.Pos())
	content, err := p.ReadFile(tf.Name())
	if err != nil {
		return nil
	}
	start, end := tf.Offset(stmt.Pos()), tf.Offset(stmt.End())
	lineStart := bytes.LastIndexByte(content[:start], '\n') + 1
	if len(bytes.TrimSpace(content[lineStart:start])) > 0 || (hasLineComment(p, stmt.End()) && commentsAround(p, stmt.Pos())) {
		return nil // not alone on its line, or its comment is aligned with its neighbours'
	}
	nl := bytes.IndexByte(content[end:], '\n')
	if rest := bytes.TrimSpace(content[end : end+max(nl, 0)]); nl < 0 || (len(rest) > 0 && !bytes.HasPrefix(rest, []byte("//"))) {
		return nil // another statement follows on the line
	}
	lineEnd := end + nl + 1
	// Between two blank lines, take one of them too, as gofmt would.
	if lineStart >= 2 && content[lineStart-2] == '\n' && lineEnd < len(content) && bytes.HasPrefix(bytes.TrimLeft(content[lineEnd:], " \t"), []byte("\n")) {
		lineEnd += bytes.IndexByte(content[lineEnd:], '\n') + 1
	}
	edit := analysis.TextEdit{Pos: tf.Pos(lineStart), End: tf.Pos(lineEnd)}
	return []analysis.SuggestedFix{fix.New("Remove InsecureSkipVerify", edit)}
}

// hasLineComment reports whether a comment follows pos on its line.
func hasLineComment(p *rule.Pass, pos token.Pos) bool {
	tf := p.Fset.File(pos)
	content, err := p.ReadFile(tf.Name())
	if err != nil {
		return true
	}
	rest := content[tf.Offset(pos):]
	if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	return bytes.Contains(rest, []byte("//")) || bytes.Contains(rest, []byte("/*"))
}

// commentsAround reports whether the line before or after the one holding
// pos has a comment, which gofmt may have aligned with one on pos's line.
func commentsAround(p *rule.Pass, pos token.Pos) bool {
	tf := p.Fset.File(pos)
	content, err := p.ReadFile(tf.Name())
	if err != nil {
		return true
	}
	line := tf.Line(pos)
	for _, l := range []int{line - 1, line + 1} {
		if l < 1 || l > tf.LineCount() {
			continue
		}
		start := tf.Offset(tf.LineStart(l))
		end := len(content)
		if l < tf.LineCount() {
			end = tf.Offset(tf.LineStart(l + 1))
		}
		text := content[start:end]
		if bytes.Contains(text, []byte("//")) || bytes.Contains(text, []byte("/*")) {
			return true
		}
	}
	return false
}
