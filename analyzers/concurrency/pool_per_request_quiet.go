package concurrency

import (
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// poolBuild is a call or literal that builds a pool in a handler or a
// repeating loop, a candidate of pool-per-request.
type poolBuild struct {
	p *rule.Pass
	c inspector.Cursor
}

// poolBuildQuiet are the safe forms of a pool built in a handler or loop.
var poolBuildQuiet = []rule.QuietForm[poolBuild]{
	{
		Name:    "inside-once",
		Doc:     "Code inside sync.Once.Do, sync.OnceValue and sync.OnceFunc, which builds the pool once.",
		Applies: func(b poolBuild) bool { return insideOnce(b.p.TypesInfo, b.c) },
	},
	{
		Name: "stored-for-reuse",
		Doc: "A pool stored for reuse: in a field, a package variable, a map or slice element, returned, or passed to " +
			"a method of a field or of an element of one (s.proxies[i].SetClient(&c)), or to a method of a local variable that " +
			"is itself stored so (b.SetClient(&c); s.backends = append(s.backends, b)), followed through up to three local " +
			"variables (tr := ...; c := http.Client{Transport: tr}; hosts = append(hosts, Host{Client: &c}); return hosts).",
		Applies: func(b poolBuild) bool { return storedForReuse(b.p.TypesInfo, b.c, 3) },
	},
}

// loopBuild is a pool built in a repeating loop outside a handler, with
// the function declaration around it.
type loopBuild struct {
	once *runOnce
	decl inspector.Cursor
	c    inspector.Cursor // the construction
}

// loopBuildQuiet is the safe form of a pool built in a loop.
var loopBuildQuiet = []rule.QuietForm[loopBuild]{
	{
		Name: "runs-once",
		Doc: "A loop in main, init, a function named New…/new…, or a function called only from those (a loop in main " +
			"that builds one client per configured backend): it runs once per process, not per request.",
		Applies: func(b loopBuild) bool { return b.once.runsOnce(b.decl) },
	},
	{
		Name: "attempt-capped",
		Doc: "A loop that counts its attempts and leaves after a constant number of them (for i := 0; ; i++ { ... " +
			"if i == 2 { return err } }), a retry loop written without a loop condition: it builds at most that many " +
			"pools, as a counting loop over a constant does.",
		Applies: func(b loopBuild) bool { return repeatsOnlyAttemptCapped(b.once.p.TypesInfo, b.c) },
	},
}

// poolCollected are the safe forms pool-per-request decides while it
// finds candidates: the construction is never one.
var poolCollected = rule.Collected(
	rule.Form{Name: "plain-client-literal", Doc: "An http.Client literal that builds no Transport of its own: " +
		"a client is cheap, a new http.Transport is the real pool."},
	rule.Form{Name: "shared-transport", Doc: "An http.Client literal over a shared Transport " +
		"(http.Client{Transport: shared})."},
	rule.Form{Name: "shared-pool-func", Doc: "A call of a function that returns a shared pool (a package " +
		"variable, one opened under sync.Once) rather than opening a new one."},
)
