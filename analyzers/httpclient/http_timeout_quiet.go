package httpclient

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// timeoutSend is a send through http.DefaultClient, a candidate of
// http-timeout.
type timeoutSend struct {
	p *rule.Pass
	x *clientIndex
	s sendAt
}

// timeoutSendQuiet are the safe forms of a send through http.DefaultClient.
var timeoutSendQuiet = []rule.QuietForm[timeoutSend]{
	{
		Name: "default-client-configured",
		Doc: "Sends through http.DefaultClient, http.Get included, when the package sets " +
			"http.DefaultClient.Timeout or assigns http.DefaultClient (in main or init, say).",
		Applies: func(c timeoutSend) bool { return c.x.defaultClientTimeoutSet(c.s.fn) },
	},
	{
		Name: "round-tripper-request",
		Doc: "client.Do(req) (http.DefaultClient.Do included) in a RoundTrip method of an http.RoundTripper, " +
			"with req the request RoundTrip was handed: the http.Client that calls the RoundTripper has already " +
			"applied its own Timeout to that request's context, so the bound is that client's. Still reported when " +
			"the package builds a client with no Timeout over that RoundTripper type (the bound it relies on is " +
			"missing there).",
		Applies: func(c timeoutSend) bool { return c.x.sendsRoundTripRequest(c.s.send) },
		Fixture: "RoundTrip",
	},
	{
		Name: "request-context-bounded",
		Doc: "client.Do(req) (http.DefaultClient.Do included) when req was made in the package by " +
			"http.NewRequestWithContext, req.WithContext or req.Clone with a context from context.WithTimeout or " +
			"WithDeadline (or derived from one by WithCancel or WithValue), or with the caller's context, a ctx " +
			"parameter or r.Context() of a request the function was handed (or one derived from them), also through " +
			"a generic pass-through helper (must(http.NewRequestWithContext(ctx, ...))), a request builder of the " +
			"package every request of which is so bound (req, err := c.newRequest(ctx, ...)), or the request parameter " +
			"of an unexported function or method of the package every call of which here passes such a request (c.do(req), " +
			"counting for a method the calls through an interface it implements, cli.do(req)): " +
			"the deadline is the caller's " +
			"to set, as Go's context convention has it, unless a call in this package passes context.Background() or " +
			"context.TODO() for that parameter, or a context with no deadline by construction (WithCancel or WithValue " +
			"of one, WithoutCancel of any, directly or through local variables: ctx, stop = context.WithCancel(ctx)).",
		Applies: func(c timeoutSend) bool { return c.x.boundedByContext(c.s.send) },
	},
	rule.TestHarness(func(c timeoutSend) bool { return c.p.IsTestCode(c.s.cursor) }),
}

// timeoutClient is an http.Client made without a Timeout that sends
// requests, a candidate of http-timeout.
type timeoutClient struct {
	p *rule.Pass
	x *clientIndex
	o origin
}

// timeoutClientQuiet are the safe forms of a client made without a
// Timeout.
var timeoutClientQuiet = []rule.QuietForm[timeoutClient]{
	{
		Name: "transport-bounds-headers",
		Doc: "The client's Transport, in the literal or assigned later, sets ResponseHeaderTimeout, is a " +
			"RoundTripper prodlint cannot see into (a call's result, a parameter, a wrapper), or has a Dial or " +
			"DialContext that ignores the address it is given (a CLI's client for its own daemon on a unix socket: " +
			"every request goes to one local endpoint); a Transport that only sets dial or TLS handshake timeouts " +
			"is still reported, since those bound connecting, not an upstream that accepted the connection and stalls.",
		Applies: func(c timeoutClient) bool {
			return !c.x.transportUnbounded(c.o.transport, 0) || c.o.dest != nil && !c.x.laterTransportsUnbounded(c.o.dest)
		},
	},
	{
		Name:    "timeout-assigned",
		Doc:     "The client's Timeout is assigned anywhere in the package (c.Timeout = d, s.client.Timeout = d).",
		Applies: func(c timeoutClient) bool { return c.o.dest != nil && c.x.timeoutSet[c.o.dest] },
	},
	{
		Name:    "handed-off",
		Doc:     "The client is handed to a call, which may configure it.",
		Applies: func(c timeoutClient) bool { return c.o.dest != nil && c.x.handedOff[c.o.dest] },
	},
	{
		Name:    "assigned-later",
		Doc:     "A client declared as `var c http.Client` and later assigned a value: the value is judged instead.",
		Applies: func(c timeoutClient) bool { return c.o.dest != nil && c.o.zeroDecl && len(c.x.values(c.o.dest)) > 0 },
	},
	rule.TestHarness(func(c timeoutClient) bool { return c.p.IsTestCode(c.o.cursor) }),
}

// timeoutCollected are the safe forms http-timeout decides while it
// collects candidates: the client is never one.
var timeoutCollected = rule.Collected(
	rule.Form{Name: "literal-timeout-field", Doc: "A client literal with a Timeout field, any value, even an " +
		"explicit 0, which states intent (a streaming client)."},
	rule.Form{Name: "constructor-field", Doc: "A client a constructor stores in a struct field is judged by that " +
		"constructor: quiet when it sets the client's Timeout there."},
	rule.Form{Name: "sends-context-bounded", Doc: "A client made without a Timeout every send of which is " +
		"client.Do(req) with a request bounded by its context, as request-context-bounded has it (a deadline made " +
		"in the package, or the caller's ctx parameter): the deadline is the request's, and the client is not " +
		"reported where it is made."},
	rule.Form{Name: "returned-unused", Doc: "A client returned without being used where it is built: its caller " +
		"configures and uses it."},
	rule.Form{Name: "constructor-sets-timeout", Doc: "A client returned by a constructor (of this package or " +
		"another) that sets its Timeout or takes it from a parameter, used where the constructor is called."},
)
