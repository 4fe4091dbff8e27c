// Command mutate measures prodlint's recall on real code: it puts the bugs
// prodlint exists for back into the corpus's own production code, one
// mutant at a time, and counts how many of them prodlint reports.
//
// For each module of bench/corpus.txt that bench/corpus.sh fetched, it copies
// the module into a private scratch directory, lists its packages with
// go/packages and type-checks them from source; every operator (ops.go)
// walks the syntax and types for its sites, a safe form it can turn into the
// rule's bug. Sites are shuffled with a fixed seed and taken up to -cap per
// operator and module; a mutant that does not type-check is dropped. Each
// mutant is written in place in the scratch copy and its package run through
// prodlint -json (one mutant per package per run, packages batched), then
// the file is restored. A mutant is detected when prodlint reports the
// targeted rule within the mutated function more often than on the
// unmutated package. A mutant of a rule that reads facts across packages
// that its own package does not report is run again with the module's
// packages that import its package (-importers): a new finding there (a
// helper's bug reported at the handler that calls it) counts as elsewhere.
//
//	go run ./bench/mutate [-prodlint bin/prodlint] [-cap 5] [-seed 1] [NAME...]
//
// Writes bench/results/mutation.md; bench/mutate/judged.txt lists the
// undetected mutants judged to have left correct code (not misses).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/prodlint/prodlint/analyzers"
)

type options struct {
	Prodlint  string
	Corpus    string
	Work      string
	Scratch   string
	Out       string
	Docs      string
	Judged    string
	Causes    string
	Before    string
	Record    string
	Cap       int
	Jobs      int
	Tries     int
	Importers int
	Seed      uint64
	Samples   int
	Ops       string
	Rules     string
	From      string
	List      bool
	Explain   string
}

func main() {
	var o options
	flag.StringVar(&o.Prodlint, "prodlint", "bin/prodlint", "the prodlint binary")
	flag.StringVar(&o.Corpus, "corpus", "bench/corpus.txt", "the corpus list")
	flag.StringVar(&o.Work, "work", "bench/work", "where bench/corpus.sh put the modules")
	flag.StringVar(&o.Scratch, "scratch", "", "private copies of the modules (default: $TMPDIR/prodlint-mutate)")
	flag.StringVar(&o.Out, "out", "bench/results/mutation.md", "the report")
	flag.StringVar(&o.Docs, "docs", "docs/precision.md", "docs whose mutation block a full run (every module, every operator) rewrites")
	flag.StringVar(&o.Judged, "judged", "bench/mutate/judged.txt", "judged mutants (id, tab, reason)")
	flag.StringVar(&o.Causes, "causes", "bench/mutate/causes.txt", "classified misses (id, tab, cause, tab, why)")
	flag.StringVar(&o.Before, "before", "bench/results/mutation-round15.md", "an earlier report whose per-rule table is set beside this run's")
	flag.StringVar(&o.Record, "record", "bench/results/mutation.json", "where the run's outcome per mutant is saved (read back by -from)")
	flag.IntVar(&o.Cap, "cap", 5, "mutants per operator and module")
	flag.IntVar(&o.Jobs, "jobs", 2, "modules mutated at once (one per core)")
	flag.IntVar(&o.Importers, "importers", -1, "a mutant its own package does not report is run again with the module's packages that import its package: through this many levels of imports (-1: any, 0: none)")
	flag.IntVar(&o.Tries, "tries", 4, "candidate sites tried per kept mutant before giving up")
	flag.Uint64Var(&o.Seed, "seed", 1, "the seed of the site choice")
	flag.IntVar(&o.Samples, "samples", 500, "undetected mutants listed in the report")
	flag.StringVar(&o.Ops, "ops", "", "comma-separated operators to run (default all)")
	flag.StringVar(&o.Rules, "rules", "", "comma-separated rules whose operators run (default all; with -ops, the operators in either list)")
	flag.StringVar(&o.From, "from", "", "rewrite the report from this mutation.json of an earlier run (after editing judged.txt)")
	flag.BoolVar(&o.List, "list", false, "print the mutants the run would make (id, edits) and stop: no prodlint run, no report (to read a miss)")
	flag.StringVar(&o.Explain, "explain", "", "comma-separated mutant ids: write each, print the quiet forms of its rule that prodlint -explain names on its file (the mutated line marked), and stop: no report (to read a miss)")
	flag.Parse()
	if flag.NArg() > 0 || o.Ops != "" || o.Rules != "" {
		o.Docs = "" // the docs give the full run's figures only
	}
	if o.Scratch == "" {
		o.Scratch = filepath.Join(os.TempDir(), "prodlint-mutate")
	}
	if err := run(o, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "mutate:", err)
		os.Exit(1)
	}
}

// selectOps keeps the operators named in ops or targeting a rule named in
// rules (comma-separated lists; both empty: every operator). A name that
// matches nothing is an error, so a misspelt filter does not run nothing.
func selectOps(all []*operator, ops, rules string) ([]*operator, error) {
	if ops == "" && rules == "" {
		return all, nil
	}
	split := func(list string) map[string]bool {
		m := map[string]bool{}
		for _, n := range strings.Split(list, ",") {
			if n = strings.TrimSpace(n); n != "" {
				m[n] = false
			}
		}
		return m
	}
	byOp, byRule := split(ops), split(rules)
	var sel []*operator
	for _, op := range all {
		_, a := byOp[op.Name]
		_, b := byRule[op.Rule]
		if a {
			byOp[op.Name] = true
		}
		if b {
			byRule[op.Rule] = true
		}
		if a || b {
			sel = append(sel, op)
		}
	}
	for _, m := range []map[string]bool{byOp, byRule} {
		for _, n := range sortedKeys(m) {
			if !m[n] {
				return nil, fmt.Errorf("no operator for %q (-ops names operators, -rules names rules)", n)
			}
		}
	}
	return sel, nil
}

type module struct{ Name, Path, Version, Dir string }

func readCorpus(list, work string, want []string) ([]module, error) {
	f, err := os.Open(list)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	wanted := map[string]bool{}
	for _, w := range want {
		wanted[w] = true
	}
	var mods []module
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		if len(wanted) > 0 && !wanted[fields[1]] {
			continue
		}
		if len(fields) > 2 && fields[2] == "heldout" {
			continue // nobody looks at the held-out set until its round ends, mutants included
		}
		path, ver, _ := strings.Cut(fields[0], "@")
		mods = append(mods, module{Name: fields[1], Path: path, Version: ver, Dir: filepath.Join(work, fields[1])})
	}
	return mods, sc.Err()
}

func run(o options, names []string) error {
	start := time.Now()
	ops, err := selectOps(operators(), o.Ops, o.Rules)
	if err != nil {
		return err
	}
	prodlint, err := filepath.Abs(o.Prodlint)
	if err != nil {
		return err
	}
	if _, err := os.Stat(prodlint); err != nil && !o.List {
		return fmt.Errorf("no prodlint binary (go build -o bin/prodlint ./cmd/prodlint): %v", err)
	}
	mods, err := readCorpus(o.Corpus, o.Work, names)
	if err != nil {
		return err
	}
	judged, err := readJudged(o.Judged)
	if err != nil {
		return err
	}
	causes, err := readCauses(o.Causes)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.Scratch, 0o755); err != nil {
		return err
	}
	cfg := filepath.Join(o.Scratch, "rules.toml")
	if err := os.WriteFile(cfg, []byte(configText), 0o644); err != nil {
		return err
	}
	if o.From != "" {
		rec, err := readRun(o.From)
		if err != nil {
			return err
		}
		return writeReport(o, ops, rec.judge(judged), causes)
	}
	rec := &runRecord{Seed: o.Seed, Cap: o.Cap, Jobs: o.Jobs, Importers: &o.Importers}
	var fetched []module
	for _, m := range mods {
		if _, err := os.Stat(filepath.Join(m.Dir, ".corpus-version")); err != nil {
			fmt.Fprintf(os.Stderr, "mutate: %s: not fetched (bench/corpus.sh %s), skipped\n", m.Name, m.Name)
			continue
		}
		fetched = append(fetched, m)
	}
	// Modules run -jobs at a time, each in its own scratch copy; their
	// results are kept in corpus order, so the report does not depend on
	// which module finished first.
	results := make([]*moduleResult, len(fetched))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range max(1, o.Jobs) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				m := fetched[i]
				t0 := time.Now()
				ms, nsites, err := mutateModule(o, m, ops, prodlint, cfg)
				fmt.Fprintf(os.Stderr, "mutate: %s: %d mutants in %s (%s since the start)\n", m.Name, len(ms), time.Since(t0).Round(time.Second), time.Since(start).Round(time.Second))
				mu.Lock()
				results[i] = &moduleResult{ms, nsites, time.Since(t0), err}
				// The modules finished so far, readable while the run goes on
				// (and kept if it is stopped): never the report's input.
				if !o.List && o.Explain == "" {
					part, _ := collect(fetched, results, &runRecord{Seed: o.Seed, Cap: o.Cap, Jobs: o.Jobs})
					part.Wall, part.CPU = time.Since(start), cpuTime()
					part.write(o.Record + ".partial")
				}
				mu.Unlock()
			}
		}()
	}
	for i := range fetched {
		next <- i
	}
	close(next)
	wg.Wait()
	if o.List || o.Explain != "" {
		return nil
	}
	if rec, err = collect(fetched, results, rec); err != nil {
		return err
	}
	rec.Wall = time.Since(start)
	rec.CPU = cpuTime()
	os.Remove(o.Record + ".partial")
	if err := rec.write(o.Record); err != nil {
		return err
	}
	if err := writeReport(o, ops, rec.judge(judged), causes); err != nil {
		return err
	}
	return rec.failure()
}

// failure is the error a run with failed modules ends with, once its
// record and report are written.
func (rec *runRecord) failure() error {
	if len(rec.Failed) == 0 {
		return nil
	}
	var names []string
	for _, f := range rec.Failed {
		names = append(names, f.Name+": "+f.Err)
	}
	return fmt.Errorf("%d modules failed (left out of the report): %s", len(rec.Failed), strings.Join(names, "; "))
}

type moduleResult struct {
	ms     []*mutant
	nsites map[string]int
	wall   time.Duration
	err    error
}

// collect adds the finished modules' results to rec, in corpus order.
func collect(fetched []module, results []*moduleResult, rec *runRecord) (*runRecord, error) {
	rec.Sites = map[string]int{}
	for i, m := range fetched {
		r := results[i]
		if r == nil {
			continue
		}
		if r.err != nil {
			// One module's failure (a full disk, a module that stopped
			// loading) must not throw away the others' hours of work: it is
			// named in the record and the report, and the run fails after
			// writing them.
			rec.Failed = append(rec.Failed, moduleFailure{Name: m.Name, Err: r.err.Error()})
			continue
		}
		for op, n := range r.nsites {
			rec.Sites[op] += n
		}
		for _, mu := range r.ms {
			rec.Mutants = append(rec.Mutants, &record{
				ID: mu.ID, Module: mu.Module, Op: mu.Site.Op.Name, Rule: mu.Site.Op.Rule,
				Func: mu.Site.Func, Shape: mu.Site.Shape, Via: mu.Site.Via, Status: mu.Status, Note: mu.Note,
			})
		}
		rec.Modules = append(rec.Modules, moduleRun{Name: m.Name, Wall: r.wall, Sites: r.nsites})
	}
	return rec, nil
}

// configText is the configuration every mutant runs under: the defaults,
// with every rule that is off by default switched on (from the registry, so
// a rule made opt-in keeps its mutants detectable), goroutine-unbounded
// for every loop, not only handlers, and ctx-variant, secret-literal,
// secret-logged, tls-insecure and sql-rows-close for every tier, so that
// each operator meets its rule.
var configText = mutantConfig()

func mutantConfig() string {
	var b strings.Builder
	b.WriteString("# written by bench/mutate\n")
	for _, r := range analyzers.Rules() {
		if r.Enabled && r.ID != "goroutine-unbounded" && r.ID != "ctx-variant" && r.ID != "secret-literal" && r.ID != "secret-logged" && r.ID != "tls-insecure" && r.ID != "sql-rows-close" {
			continue
		}
		fmt.Fprintf(&b, "[rules.%s]\nenabled = true\n", r.ID)
		switch r.ID {
		case "goroutine-unbounded":
			b.WriteString("all-loops = true\n")
		case "secret-literal": // values that are credentials by name too, not only documented formats
			b.WriteString("names = true\n")
		case "secret-logged": // values that are credentials by name too (credential-logged logs one), not only by origin or type
			b.WriteString("names = true\n")
		case "tls-insecure": // InsecureSkipVerify too, not only an old MinVersion
			b.WriteString("skip-verify = true\n")
		case "sql-rows-close": // dropped rows of a read whose error is kept (a probe) too
			b.WriteString("probes = true\n")
		case "ctx-variant": // every kind of API, not only database/sql statements
			b.WriteString("http = true\nnet = true\ncommands = true\nsql-prepare = true\nother-apis = true\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func readJudged(path string) (map[string]string, error) {
	out := map[string]string{}
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, why, _ := strings.Cut(line, "\t")
		out[strings.TrimSpace(id)] = strings.TrimSpace(why)
	}
	return out, nil
}

type moduleRun struct {
	Name  string
	Wall  time.Duration
	Sites map[string]int `json:",omitempty"` // candidate sites per operator
}

// record is one mutant's outcome, as saved in mutation.json.
type record struct {
	ID, Module, Op, Rule, Func, Shape, Via, Status, Note string
}

type runRecord struct {
	Seed uint64
	Cap  int
	Jobs int `json:",omitempty"`
	// Importers is -importers: how far the importing packages of a
	// missed mutant's package were run (absent in runs from before the
	// option: the mutated package only).
	Importers *int `json:",omitempty"`
	Wall      time.Duration
	Sites     map[string]int // candidate sites per operator, over all modules
	Modules   []moduleRun
	// CPU is the processor time of the run: this program's and that of the
	// prodlint and go processes it ran. On an idle machine with -jobs
	// cores the run takes about CPU / jobs.
	CPU     time.Duration
	Mutants []*record
	// Failed lists the modules whose run stopped with an error: their
	// mutants are not in Mutants.
	Failed []moduleFailure `json:",omitempty"`
}

// moduleFailure is a module whose mutation run stopped with an error.
type moduleFailure struct {
	Name string
	Err  string
}

func (r *runRecord) write(path string) error {
	b, err := json.MarshalIndent(r, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

func readRun(path string) (*runRecord, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r runRecord
	return &r, json.Unmarshal(b, &r)
}

// judge marks the missed mutants that judged.txt lists.
func (r *runRecord) judge(judged map[string]string) *runRecord {
	for _, mu := range r.Mutants {
		if why, ok := judged[mu.ID]; ok && (mu.Status == statusMissed || mu.Status == statusElsewhere) {
			mu.Status, mu.Note = statusJudged, why
		}
	}
	return r
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// cpuTime is the user and system time of this process and of the children
// it has waited for (prodlint, go list).
func cpuTime() time.Duration {
	var self, kids syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &self) != nil || syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids) != nil {
		return 0
	}
	tv := func(t syscall.Timeval) time.Duration { return time.Duration(t.Nano()) }
	return tv(self.Utime) + tv(self.Stime) + tv(kids.Utime) + tv(kids.Stime)
}
