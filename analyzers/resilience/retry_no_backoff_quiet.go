package resilience

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// noBackoffLoop is a retry loop, a candidate of retry-no-backoff.
type noBackoffLoop struct {
	p  *rule.Pass
	pf *packageFacts
	rl retryLoop
}

// noBackoffQuiet are the safe forms of a retry loop.
var noBackoffQuiet = []rule.QuietForm[noBackoffLoop]{
	{
		Name: "waits-between-attempts",
		Doc: "The loop waits anywhere: time.Sleep, time.After, a timer or ticker, a channel receive, a select with no " +
			"default (a timer or ctx.Done() case), anything from github.com/cenkalti/backoff, or a call whose name " +
			"contains Backoff, Sleep or Wait (rate.Limiter.Wait, a policy's Backoff func), also inside a function of " +
			"the package.",
		Applies: func(c noBackoffLoop) bool { return waitsIn(c.p.TypesInfo, c.rl.loop, c.pf) },
	},
	{
		Name: "reroutes-after-deadline",
		Doc: "A bounded loop (an attempt count) that comes back only from a test of context.Canceled or " +
			"context.DeadlineExceeded (errors.Is, or an Is of the same signature from another errors package, or ==) " +
			"after reassigning the receiver of the call (a new peer), and otherwise leaves: each attempt follows one " +
			"that waited out a deadline, or fails at once on a context that is over, and goes to another target; the " +
			"same loop against the same target is still reported.",
		Applies: func(c noBackoffLoop) bool { return c.rl.self == nil && reroutesOnContextError(c.rl) },
	},
	{
		Name: "retries-only-after-deadline",
		Doc: "A loop that comes back only after a test that the error is context.DeadlineExceeded and otherwise " +
			"leaves: each attempt followed one that waited out a deadline.",
		Applies: func(c noBackoffLoop) bool { return c.rl.self == nil && retriesOnlyAfterDeadline(c.rl) },
	},
	{
		Name: "continues-only-on-non-failure",
		Doc: "A loop for { ... } whose body ends by leaving and that comes back only through continues guarded by a " +
			"test that does not mean the peer failed: one sentinel error value (err == ErrX, errors.Is(err, ErrX)) whose " +
			"name does not say rate, limit, throttle, busy, unavailable, timeout, overload, retry, again, temporary, " +
			"too many, exhausted or quota (a stale pooled connection, a reset body to feed again); a local embedded " +
			"database's lock message (strings.Contains(err.Error(), \"database is locked\"), whose driver waits out its " +
			"busy timeout inside each attempt); a flag the guard requires unset and the branch sets (at most one more " +
			"pass: switch to TCP once); or, when the retried call is given a value the same iteration read first (a " +
			"version or generation), any test of the error: a compare-and-swap that goes round again because another " +
			"writer won, which is progress, not a failure.",
		Applies: func(c noBackoffLoop) bool { return continuesOnlyOnNonFailure(c.rl) },
	},
}

// acceptCandidate is an accept loop whose error path comes back for
// another Accept, a candidate of retry-no-backoff.
type acceptCandidate struct {
	p  *rule.Pass
	pf *packageFacts
	al acceptLoop
}

// acceptQuiet are the safe forms of an accept loop.
var acceptQuiet = []rule.QuietForm[acceptCandidate]{
	{
		Name: "accept-loop-waits",
		Doc: "An accept loop (for { conn, err := ln.Accept() ... }) that waits in its own goroutine, as " +
			"waits-between-attempts counts a wait (time.Sleep, a timer, a select with no default, a backoff " +
			"helper, a function of the package that waits), on a path that does not then leave the loop; a wait " +
			"in a go statement or a function literal it only hands on (go serve(conn) waits on the connection), " +
			"or just before a return (wg.Wait(); return err), does not pause the turns that come back: a failing " +
			"Accept is not called again at full speed.",
		Applies: func(c acceptCandidate) bool { return waitsInTurn(c.al.flow, c.pf) },
	},
	{
		Name: "accept-continues-only-on-timeout",
		Doc: "An accept loop that comes back after an Accept error only from a test that the error is a timeout " +
			"(the Timeout method of a net.Error, or of a type that implements it such as *net.OpError) and " +
			"leaves on every other error: a timeout comes only after Accept waited out a deadline set on the " +
			"listener, and a closed listener or a lack of file descriptors, which are no timeouts, end the loop.",
		Applies: func(c acceptCandidate) bool { return c.al.continuesOnlyOnTimeout() },
	},
	{
		Name: "accept-error-handed-on",
		Doc: "An accept loop that, on an Accept error, sends on a channel in its own goroutine (errc <- err) from " +
			"the body of an if that tests the error, outside a select with a default: the send blocks until " +
			"another goroutine takes the error, so the loop goes no faster than that goroutine, which decides what " +
			"the error means (it usually stops the server).",
		Applies: func(c acceptCandidate) bool { return c.al.handsErrorOn() },
	},
}

// noBackoffCollected are the safe forms retry-no-backoff decides while it
// finds retry loops: the loop is never one.
var noBackoffCollected = rule.Collected(
	rule.Form{Name: "accept-error-leaves", Doc: "An accept loop whose every path after an Accept error leaves the " +
		"loop (return, break, panic, os.Exit, log.Fatal): once the listener is closed it stops instead of calling " +
		"Accept again."},
	rule.Form{Name: "loop-over-items", Fixture: "getAll", Doc: "Loops over items that skip a failed one (for _, " +
		"u := range urls, for rows.Next(), a job received from a channel): the call depends on data that changes " +
		"each iteration, so it moves on instead of retrying; so does a consumer whose call is known only by its " +
		"shape (a stream's Recv, an iterator's Next) and whose success comes back too."},
	rule.Form{Name: "request-per-element", Fixture: "fetchPages", Doc: "A request built before the loop whose " +
		"fields (req.URL.Path) are set from each element before it is sent: data that changes each iteration, as " +
		"in loop-over-items."},
	rule.Form{Name: "receiver-per-element", Doc: "A method called on a value whose field the loop sets from each " +
		"element of a range over a slice, array, map or string (c.name = name; c.check()): the method works on " +
		"another element each iteration, as in loop-over-items; an element that is a number (an index, a delay) or " +
		"a field set from anything else (c.tried = i) is still a retry."},
	rule.Form{Name: "call-without-io", Fixture: "describeUntilValid", Doc: "A function that was analysed and " +
		"found to do no I/O is not a call that may reach the network, whatever its signature."},
)
