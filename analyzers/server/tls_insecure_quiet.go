package server

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// skipVerify is an InsecureSkipVerify: true setting, a candidate of
// tls-insecure, judged once the whole package has been read.
type skipVerify struct {
	p *rule.Pass
	f tlsFinding
	// customVerify holds the configurations that set
	// VerifyPeerCertificate or VerifyConnection; peerAuth those that
	// request a client certificate without verifying it.
	customVerify, peerAuth map[types.Object]bool
	flow                   func() *tlsFlow
}

// skipVerifyQuiet are the safe forms of InsecureSkipVerify: true: the
// peer's identity is checked by the program itself, or no client uses
// the configuration.
var skipVerifyQuiet = []rule.QuietForm[skipVerify]{
	{
		Name: "custom-verification",
		Doc: "A tls.Config that also sets VerifyPeerCertificate or VerifyConnection, in the literal or later on " +
			"the same variable or field: custom verification, such as certificate pinning, needs InsecureSkipVerify.",
		Applies: func(c skipVerify) bool { return c.f.custom || c.f.key != nil && c.customVerify[c.f.key] },
	},
	{
		Name: "certificate-peers",
		Doc: "A tls.Config that also asks the other side for a certificate it does not verify (ClientAuth: " +
			"tls.RequestClientCert or tls.RequireAnyClientCert, in the literal or later on the same variable or " +
			"field): one configuration for both ends of a protocol whose peers are identified by their own " +
			"certificates, which the program checks after the handshake (against a known key or device ID), " +
			"so no certificate authority has a say in either direction.",
		Applies: func(c skipVerify) bool { return c.f.peerAuth || c.f.key != nil && c.peerAuth[c.f.key] },
	},
	{
		Name: "server-side-only",
		Doc: "A tls.Config that reaches only TLS servers in its package (tls.Server, tls.NewListener, tls.Listen, " +
			"http.Server's TLSConfig, followed through variables, Clone() and the results of the package's own " +
			"functions), where InsecureSkipVerify does nothing; a config handed to anything else, or returned by " +
			"an exported function, still counts as a client.",
		Applies: func(c skipVerify) bool { return c.flow().serverOnly(c.f.lit, c.f.key) },
	},
	{
		Name: "peer-certificates-checked",
		Doc: "A client whose function inspects the peer's certificates itself after the handshake (indexes or " +
			"ranges over ConnectionState().PeerCertificates or hands them to a check; counting them does not " +
			"count), as protocols with self-signed certificates by design do.",
		Applies: func(c skipVerify) bool { return checksPeerCertificates(c.p.TypesInfo, c.f.at) },
	},
}

// requestsUnverifiedClientCert reports whether e is tls.RequestClientCert
// or tls.RequireAnyClientCert: a side that asks for the peer's
// certificate and leaves checking it to the program.
func requestsUnverifiedClientCert(info *types.Info, e ast.Expr) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	c, ok := info.Uses[id].(*types.Const)
	return ok && c.Pkg() != nil && c.Pkg().Path() == "crypto/tls" &&
		(c.Name() == "RequestClientCert" || c.Name() == "RequireAnyClientCert")
}

// skipVerifyCollected are the safe forms tls-insecure decides while it
// collects candidates: the setting is never one.
var skipVerifyCollected = rule.Collected(
	rule.Form{Name: "non-constant-skip-verify", Doc: "InsecureSkipVerify set from a non-constant value " +
		"(InsecureSkipVerify: cfg.Insecure, *insecureFlag): an explicit opt-in the operator controls."},
	rule.Form{Name: "opt-in-condition", Doc: "The constant true set inside an if or switch case whose condition " +
		"names an explicit opt-in: a flag, configuration field, environment variable or case value whose name says " +
		"insecure, verify, dev, debug, test or self-signed, or pairs ignore, skip, disable or allow with tls, ssl, " +
		"cert or untrusted (if *insecure { cfg.InsecureSkipVerify = true }, if cfg.TLSSkipVerify, if " +
		"feed.IgnoreTLSErrors, case \"dev\")."},
	rule.Form{Name: "verification-mode-switch", Doc: "The constant true set in a switch case when another case " +
		"of the same switch sets how the server is verified (ServerName, RootCAs, VerifyPeerCertificate or " +
		"VerifyConnection of a tls.Config) and no InsecureSkipVerify: the switch implements a choice among " +
		"verification modes (encrypt only, verify the CA, verify the host) that the user makes in the value it reads."},
	rule.Form{Name: "unix-socket-case", Doc: "The constant true set in a branch that selects a unix domain socket " +
		"(case \"unix\"): no one is on a network path."},
	rule.Form{Name: "loopback-host-condition", Doc: "The constant true set in a branch that holds only for a " +
		"loopback host (if isLocalhost(host) && ..., host == \"127.0.0.1\")."},
	rule.Form{Name: "insecure-named-option", Fixture: "WithInsecureSkipVerify", Doc: "The constant true set in an " +
		"exported function or method, or an option closure it returns, whose name says insecure or skip-verify " +
		"(WithInsecureSkipVerify): a library option its caller must choose, as explicit as a flag."},
	rule.Form{Name: "default-min-version", Doc: "MinVersion 0 (the Go default, TLS 1.2) or not constant."},
	rule.Form{Name: "configured-version-switch", Doc: "A MinVersion below TLS 1.2 assigned directly in a case " +
		"clause with constant labels of a switch on a value, when another case of the same switch assigns " +
		"MinVersion TLS 1.2 or later (switch cfg.MinVersion { case \"1.0\": c.MinVersion = tls.VersionTLS10 ... case " +
		"\"1.2\": c.MinVersion = tls.VersionTLS12 }): the switch translates the version the user configures, and " +
		"the old one is set only when the user names it. A default clause, or a switch that offers no modern version, " +
		"is still reported."},
	rule.Form{Name: "loopback-probe", Doc: "A tls.Config used only to dial a loopback address with tls.Dial or " +
		"tls.DialWithDialer (\"127.0.0.1:\"+port, net.JoinHostPort(\"localhost\", port)): a process probing its " +
		"own listener, with no one else on the network path."},
	rule.Form{Name: "connect-only-probe", Doc: "A tls.Config used only to dial with tls.Dial or tls.DialWithDialer " +
		"where the connection is kept in a local variable whose only use is Close (a reachability or readiness " +
		"probe): no request, data or credential crosses it, so there is nothing for a man in the middle to read or " +
		"rewrite. A connection read from, written to or handed on is reported."},
)
