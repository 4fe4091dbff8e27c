package resilience

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// RetryNoBackoff returns the retry-no-backoff rule.
func RetryNoBackoff() *rule.Rule {
	return &rule.Rule{
		ID:       "retry-no-backoff",
		Severity: config.SeverityError,
		Enabled:  false, // opt-in: on unseen code most loops it found repeat a call on purpose (a sentinel, a conflict, a local lock) or are not retries

		Requires: []*analysis.Analyzer{retryLoopsAnalyzer},
		Doc: rule.Doc{
			Title: "report retry loops that call the network again at once after a failure",
			Why: "An API with a request quota answers 429 beyond it; a client that retries at once turns every " +
				"refusal into another request, so the quota never recovers and the client never gets through. A loop that repeats a failed HTTP, SQL, net.Conn or gRPC call with nothing waiting " +
				"between attempts turns one upstream hiccup into a flood of requests exactly when the upstream is " +
				"weakest (a retry storm), and burns CPU in a hot loop when the failure is permanent (a closed " +
				"connection, a dropped database).",
			Bad: "for {\n\tresp, err := client.Do(req)\n\tif err != nil {\n\t\tcontinue\n\t}\n\treturn resp, nil\n}",
			Good: "delay := 100 * time.Millisecond\nfor attempt := 0; attempt < 5; attempt++ {\n" +
				"\tresp, err := client.Do(req)\n\tif err == nil {\n\t\treturn resp, nil\n\t}\n" +
				"\tselect {\n\tcase <-ctx.Done():\n\t\treturn nil, ctx.Err()\n\tcase <-time.After(delay + rand.N(delay)):\n\t}\n" +
				"\tdelay *= 2\n}\nreturn nil, errTooManyAttempts",
			Scope: "Off by default (enable it in rules.toml to audit a code base): judged on real code it had never " +
				"seen, few of its findings were retries worth changing. Most loops that repeat a failing call do so " +
				"on purpose and with a reason the code does not spell out in types: they continue only on one " +
				"sentinel or status that means the next attempt takes another path (a stale pooled connection, a " +
				"re-sent request body, a conflict another writer won, a lock of a local embedded database whose " +
				"driver already waits), or they re-resolve their target first; and whether the repeated call " +
				"reaches a remote upstream at all is often a guess made from an interface's signature. No shape of " +
				"the retried call (a direct client call, an interface method, a function value) nor of the loop's " +
				"condition (any error, a status, a sentinel, an attempt cap) separated the true findings from the " +
				"others. When enabled: a loop is a retry loop when a call that may reach the network or a database fails and the error path " +
				"continues the loop or falls through to its next iteration. Such a call is a send of the API tables (net/http " +
				"client calls, database/sql DB/Tx/Conn/Stmt calls, net.Conn reads and writes, dials, resty requests, gRPC " +
				"client methods ending in ...grpc.CallOption); a function that makes one, directly or through what it calls, " +
				"in this package or another analysed one (a summary carried across packages); an interface method that takes " +
				"a context.Context or returns an error, unless the interface is the standard library's (io.Reader); a " +
				"function of a dependency outside the analysed code that takes a context.Context and returns an error (the " +
				"shape of a client call: pgx, cloud SDKs, message brokers); or a call of a function-typed parameter or field " +
				"that returns an error (the operation a generic retry(op) helper is given). The error path is read through compound tests " +
				"(err == nil && ok, err == nil || !retryable(err)), loops that run while err != nil, a switch on the error " +
				"(switch status.Code(err)) whose retried cases fall through, and a status test in an if's init " +
				"(if s, ok := status.FromError(err); ok && ...); a status check that continues (resp.StatusCode == 429) " +
				"counts too. A function that calls itself again when such a call fails, with an attempt budget it counts " +
				"down (fetch(url, retries-1)) and no wait, is reported at the recursive call. " +
				"A recursion with no budget (one more try after a re-login) is not taken for a retry. " +
				"The rule also reports a server's accept loop that calls a listener's Accept again at once after it " +
				"fails (net.Listener's Accept, *net.TCPListener's AcceptTCP, *net.UnixListener's AcceptUnix, or the " +
				"Accept of a type that implements net.Listener): once the listener is closed, or while the process is " +
				"out of file descriptors (EMFILE, ENFILE), Accept fails at once every time, so the loop spins a core " +
				"and floods the log if it logs each failure; net/http's Server.Serve backs off on such errors for this reason. " +
				"A loop that leaves on a closed listener (errors.Is(err, net.ErrClosed), a closed flag) or checks a " +
				"quit channel or ctx.Done() before each Accept is still reported when another error comes back at " +
				"once: it stops after Close, but while file descriptors are exhausted it spins until one frees, " +
				"burning the CPU and flooding the log that would show the cause, which is the failure the backoff " +
				"is for. A test of Temporary() that continues is reported too: running out of file descriptors is a " +
				"temporary error.",
		},
		Quiet: rule.Declare(noBackoffCollected, rule.Forms(noBackoffQuiet), rule.Forms(acceptQuiet)),
		Run:   runRetryNoBackoff,
	}
}

func runRetryNoBackoff(p *rule.Pass) error {
	pf, loops := retryLoopsOf(p)
	if p.Explaining() {
		explainNotRetries(p, pf, loops)
	}
	for _, rl := range loops {
		if rule.Quiet(p, retryHead(rl), noBackoffQuiet, noBackoffLoop{p, pf, rl}) {
			continue
		}
		if rl.self != nil {
			name := rl.loop.Node().(*ast.FuncDecl).Name.Name
			p.Reportf(rl.self, "%s calls itself again as soon as %s fails, with no wait between attempts: its attempts "+
				"go out back to back, so a brief outage or a rate limit (429) fails them all the same way, and every "+
				"caller multiplies its load exactly when the upstream is struggling; wait with exponential backoff and "+
				"jitter before the next attempt (time.After in a select with ctx.Done(), or github.com/cenkalti/backoff)",
				name, rl.api)
			continue
		}
		p.Reportf(loopHead(rl.loop.Node()), "this loop retries %s after a failure with no wait between attempts: "+
			"%s; wait with exponential backoff and jitter between "+
			"attempts (time.After in a select with ctx.Done(), or github.com/cenkalti/backoff)", rl.api, noWaitEffect(rl))
	}
	reportAcceptLoops(p, pf, loops)
	return nil
}

// reportAcceptLoops reports the accept loops that call Accept again at
// once after it fails, other than the loops already judged as retries.
func reportAcceptLoops(p *rule.Pass, pf *packageFacts, retries []retryLoop) {
	judged := map[ast.Node]bool{}
	for _, rl := range retries {
		judged[rl.loop.Node()] = true
	}
	accepts, leaving := findAcceptLoops(p.TypesInfo, pf, judged)
	for _, l := range leaving {
		rule.Decided(p, loopHead(l.Node()), "accept-error-leaves")
	}
	for _, al := range accepts {
		head := loopHead(al.loop.Node())
		if rule.Quiet(p, head, acceptQuiet, acceptCandidate{p, pf, al}) {
			continue
		}
		ln, accept := al.listenerName()
		when := fmt.Sprintf("once %s is closed, or while the process is out of file descriptors (EMFILE)", ln)
		if al.stopsSometimes() {
			when = fmt.Sprintf("it stops after %s is closed, but while the process is out of file descriptors "+
				"(EMFILE, a temporary error)", ln)
		}
		p.Reportf(head, "this accept loop calls %s.%s again at once after it fails: %s, %s fails at once every "+
			"time, so the loop spins a core at 100%% and floods the log if it logs each failure; return when "+
			"errors.Is(err, net.ErrClosed), and on other errors sleep with a backoff before the next %s "+
			"(net/http's Server.Serve waits 5ms, doubling up to 1s)", ln, accept, when, accept, accept)
	}
}

// noWaitEffect says what the loop does to a failing upstream, as far as
// its bound is known: a fixed number of attempts sent back to back, a
// bounded loop, or request after request with no end.
func noWaitEffect(rl retryLoop) string {
	if n, ok := attempts(rl.flow.info, rl.loop.Node()); ok {
		return fmt.Sprintf("its %d attempts go out back to back, within moments of each other, so a brief "+
			"outage or a rate limit (429) fails them all the same way, and every caller multiplies its load "+
			"by up to %d exactly when the upstream is struggling", n, n)
	}
	if rl.flow.bounded() {
		return "its attempts go out back to back, so a brief outage or a rate limit (429) fails them all the " +
			"same way, and every caller multiplies its load exactly when the upstream is struggling"
	}
	return "against a failing or rate-limited (429) upstream it sends request after request as fast as it can, " +
		"a retry storm that keeps the upstream down"
}

// attempts returns the number of iterations of a counted loop whose count
// is a constant: for i := K; i < N; i++ (or <=), for range N.
func attempts(info *types.Info, loop ast.Node) (int64, bool) {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		if tv, ok := info.Types[l.X]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
			return constant.Int64Val(tv.Value)
		}
	case *ast.ForStmt:
		cond, ok := l.Cond.(*ast.BinaryExpr)
		if !ok || (cond.Op != token.LSS && cond.Op != token.LEQ) {
			return 0, false
		}
		init, ok := l.Init.(*ast.AssignStmt)
		if !ok || len(init.Lhs) != 1 || len(init.Rhs) != 1 || match.Var(info, init.Lhs[0]) == nil ||
			match.Var(info, init.Lhs[0]) != match.Var(info, cond.X) {
			return 0, false
		}
		inc, ok := l.Post.(*ast.IncDecStmt)
		if !ok || inc.Tok != token.INC || match.Var(info, inc.X) != match.Var(info, cond.X) {
			return 0, false
		}
		from, okFrom := info.Types[init.Rhs[0]]
		to, okTo := info.Types[cond.Y]
		if !okFrom || !okTo || from.Value == nil || to.Value == nil ||
			from.Value.Kind() != constant.Int || to.Value.Kind() != constant.Int {
			return 0, false
		}
		a, _ := constant.Int64Val(from.Value)
		b, _ := constant.Int64Val(to.Value)
		n := b - a
		if cond.Op == token.LEQ {
			n++
		}
		if n > 0 {
			return n, true
		}
	}
	return 0, false
}

// span is a range of source, for reporting on part of a node.
type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

// loopHead returns the range of a loop's header, from "for" to "{".
// retryHead is where a retry is reported: the head of its loop, or the
// recursive call of a function that retries by calling itself.
func retryHead(rl retryLoop) analysis.Range {
	if rl.self != nil {
		return rl.self
	}
	return loopHead(rl.loop.Node())
}

func loopHead(loop ast.Node) span {
	return span{loop.Pos(), match.LoopBody(loop).Lbrace + 1}
}

// explainNotRetries names, for prodlint -explain, the quiet forms that
// kept loops from being retry loops: those decided while the loops were
// collected, and call-without-io, a loop that would retry a failing call
// had the call not been analysed and found to do no I/O. That one costs a
// walk of every call in a loop, so it runs only when explaining.
func explainNotRetries(p *rule.Pass, pf *packageFacts, loops []retryLoop) {
	named := map[ast.Node]bool{}
	for _, rl := range loops {
		named[rl.loop.Node()] = true
	}
	for _, n := range notRetriesOf(p) {
		named[n.loop.Node()] = true
		rule.Decided(p, loopHead(n.loop.Node()), n.form)
	}
	for _, c := range pf.calls {
		call := c.Node().(*ast.CallExpr)
		fn := match.Callee(p.TypesInfo, call)
		if fn == nil || !match.ReturnsError(fn.Signature()) || !pf.io.Pure(fn) {
			continue
		}
		loop := innermostLoop(c)
		if !loop.Valid() || named[loop.Node()] {
			continue
		}
		// Judged as a call whose I/O is a guess from its shape would be:
		// it retries on its error, and its success leaves the loop.
		f := newFlow(p.TypesInfo, loop)
		if retries, untilSuccess := f.retriesOnError(c, false); retries && untilSuccess && f.iterates(call) == "" {
			named[loop.Node()] = true
			rule.Decided(p, loopHead(loop.Node()), "call-without-io")
		}
	}
}
