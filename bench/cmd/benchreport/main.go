// Command benchreport runs prodlint over one set of the real-world corpus
// that bench/corpus.sh fetched into bench/work, checks that it neither
// crashed nor failed a rule on any package that type-checks, and writes:
//
//   - bench/results/findings.md (tuning set), findings-heldout.md (held-out
//     set) or findings-all.md: a table of findings per rule and module, with
//     each module's set, size, packages analyzed and not analyzed, and
//     prodlint's wall time;
//   - bench/results/samples/RULE.txt (samples-heldout/, samples-all/): up to
//     -samples findings of each rule (on the held-out set, every finding),
//     chosen deterministically and spread over the modules and their files,
//     each with its position, message and three lines of source (string
//     literals masked for the secret rules), for the precision triage;
//   - bench/work/NAME.prodlint.json and NAME.prodlint.stderr: prodlint's
//     raw -json output and its standard error (not committed).
//
// The corpus has two sets (bench/corpus.txt): tuning, the modules the rules
// may be tuned on, and heldout, the modules prodlint's precision is measured
// on. -set picks one (default tuning); the held-out findings go to their own
// files, so that running the tuning set never shows them and judging them is
// a separate step.
//
// It exits 1, after writing everything it could, when prodlint panicked,
// reported an internal error or a rule error, or exited with a status
// other than 0, 1 (findings) and 3 (some packages do not type-check).
//
// prodlint runs with its result cache off (PRODLINT_CACHE=off), so that
// every package is analyzed again.
//
//	go run ./bench/cmd/benchreport [-prodlint bin/prodlint] [-set tuning|heldout|all] [NAME...]
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/prodlint/prodlint/analyzers"
	"github.com/prodlint/prodlint/internal/secret"
)

// The corpus's sets (the third column of bench/corpus.txt).
const (
	setTuning  = "tuning"
	setHeldout = "heldout"
	setAll     = "all"
)

type module struct {
	Name, Path, Version, Set, Note string
	Dir                            string

	Lines       int
	Exit        int
	Wall        time.Duration
	Analyzed    int // packages with no "not analyzed" line
	NotAnalyzed []string
	Problems    []string // crashes and rule errors: these fail the run
	Findings    []finding
	// Secrets are the values the findings mark as secret: the sample
	// lines show them masked (secret.Text).
	Secrets []string
}

type finding struct {
	Module  *module
	Rule    string
	File    string // relative to the module directory
	Line    int
	Col     int
	Message string
}

type diagnostic struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	// Secrets are the source ranges the rule marked as secret.
	Secrets []struct {
		Filename   string `json:"filename"`
		Start, End int
	} `json:"secrets"`
}

func main() {
	prodlint := flag.String("prodlint", "bin/prodlint", "the prodlint binary to run")
	corpus := flag.String("corpus", "bench/corpus.txt", "the corpus list")
	work := flag.String("work", "bench/work", "where bench/corpus.sh put the modules; raw output goes here too")
	results := flag.String("results", "bench/results", "where findings.md and samples/ are written")
	set := flag.String("set", envOr("CORPUS_SET", setTuning), "the corpus set to run: tuning, heldout or all (default $CORPUS_SET, else tuning)")
	nSamples := flag.Int("samples", -1, "findings sampled per rule; 0 for every finding (default: every finding on the held-out set, 40 otherwise)")
	flag.Parse()

	bin, err := filepath.Abs(*prodlint)
	check(err)
	mods, err := readCorpus(*corpus, *work, *set, flag.Args())
	check(err)
	if *nSamples < 0 {
		*nSamples = 40
		if *set == setHeldout {
			*nSamples = 0
		}
	}
	findingsFile, samplesDir := outputs(*set)
	failed := false
	for _, m := range mods {
		if err := analyze(bin, m, *work); err != nil {
			fmt.Fprintf(os.Stderr, "benchreport: %s: %v\n", m.Name, err)
			failed = true
			continue
		}
		status := "ok"
		if len(m.Problems) > 0 {
			status = "FAILED"
			failed = true
		}
		fmt.Fprintf(os.Stderr, "benchreport: %-13s %s: exit %d in %v, %d packages analyzed, %d not type-checked, %d findings\n",
			m.Name, status, m.Exit, m.Wall.Round(100*time.Millisecond), m.Analyzed, len(m.NotAnalyzed), len(m.Findings))
		for _, p := range m.Problems {
			fmt.Fprintf(os.Stderr, "benchreport: %s: %s\n", m.Name, p)
		}
	}

	rules := ruleIDs()
	check(os.MkdirAll(filepath.Join(*results, samplesDir), 0o755))
	var md bytes.Buffer
	writeTable(&md, *set, mods, rules, samplesDir)
	check(os.WriteFile(filepath.Join(*results, findingsFile), md.Bytes(), 0o644))
	os.Stdout.Write(md.Bytes())
	for _, r := range rules {
		check(writeSamples(filepath.Join(*results, samplesDir, r+".txt"), r, mods, *nSamples))
	}
	if failed {
		fmt.Fprintln(os.Stderr, "benchreport: FAILED: prodlint crashed or a rule failed on the corpus (see above)")
		os.Exit(1)
	}
}

// outputs names the findings table and the samples directory of a set,
// relative to the results directory: the tuning set keeps the historical
// names, the other sets get their own, so that no run overwrites or shows
// another set's findings.
func outputs(set string) (findings, samples string) {
	if set == setTuning {
		return "findings.md", "samples"
	}
	return "findings-" + set + ".md", "samples-" + set
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func check(err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "benchreport: %v\n", err)
		os.Exit(1)
	}
}

// ruleIDs lists every rule in the documentation's order, and any unknown
// category found later is appended by the table writer.
func ruleIDs() []string {
	var ids []string
	for _, r := range analyzers.Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}

// readCorpus parses lines "module@version name set note..." and keeps the
// modules of the set (tuning, heldout or all), and of those the named ones
// (all when names is empty). Naming a module of another set is an error,
// so that a tuning run never analyzes a held-out module by accident.
func readCorpus(path, work, set string, names []string) ([]*module, error) {
	switch set {
	case setTuning, setHeldout, setAll:
	default:
		return nil, fmt.Errorf("unknown set %q: want %s, %s or %s", set, setTuning, setHeldout, setAll)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	found := map[string]bool{}
	var mods []*module
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		at := strings.LastIndex(fields[0], "@")
		if len(fields) < 3 || at < 0 {
			return nil, fmt.Errorf("%s:%d: want \"module@version name set note\"", path, i+1)
		}
		m := &module{Path: fields[0][:at], Version: fields[0][at+1:], Name: fields[1], Set: fields[2], Note: strings.Join(fields[3:], " ")}
		if m.Set != setTuning && m.Set != setHeldout {
			return nil, fmt.Errorf("%s:%d: set %q, want %s or %s", path, i+1, m.Set, setTuning, setHeldout)
		}
		if len(want) > 0 && !want[m.Name] {
			continue
		}
		if set != setAll && m.Set != set {
			if want[m.Name] {
				return nil, fmt.Errorf("%s is in the %s set, not %s (use -set %s)", m.Name, m.Set, set, m.Set)
			}
			continue
		}
		found[m.Name] = true
		m.Dir, err = filepath.Abs(filepath.Join(work, m.Name))
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(filepath.Join(m.Dir, "go.mod")); err != nil {
			return nil, fmt.Errorf("%s is not fetched (run bench/corpus.sh): %v", m.Name, err)
		}
		// prodlint reports resolved paths: resolve a symlinked work
		// directory too, so that findings are relative to the module.
		if m.Dir, err = filepath.EvalSymlinks(m.Dir); err != nil {
			return nil, err
		}
		mods = append(mods, m)
	}
	for _, n := range names {
		if found[n] {
			continue
		}
		return nil, fmt.Errorf("%s is not in %s", n, path)
	}
	if len(mods) == 0 {
		return nil, fmt.Errorf("no module of the %s set in %s", set, path)
	}
	// Tuning modules first, then held-out ones, each in the list's order.
	sort.SliceStable(mods, func(i, j int) bool { return mods[i].Set == setTuning && mods[j].Set != setTuning })
	return mods, nil
}

// analyze runs prodlint -json ./... in the module and reads its output.
func analyze(bin string, m *module, work string) error {
	lines, err := countLines(m.Dir)
	if err != nil {
		return err
	}
	m.Lines = lines

	cmd := exec.Command(bin, "-json", "./...")
	cmd.Dir = m.Dir
	// No result cache: every package is analyzed, so that a crash on it shows.
	// GOWORK=off: a module zip may carry a go.work naming directories it
	// leaves out; the module is analyzed alone, as bench/corpus.sh fetched it.
	cmd.Env = append(os.Environ(), "PRODLINT_CONFIG=", "PRODLINT_CACHE=off", "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	m.Wall = time.Since(start)
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		m.Exit = ee.ExitCode()
	case err != nil:
		return err
	}
	base := filepath.Join(work, m.Name+".prodlint")
	if err := os.WriteFile(base+".json", stdout.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(base+".stderr", stderr.Bytes(), 0o644); err != nil {
		return err
	}

	m.Problems = problems(stderr.String(), m.Exit)
	m.NotAnalyzed = notAnalyzed(stderr.String())

	if readFindings(m, stdout.Bytes()) {
		m.Analyzed = countAnalyzed(m.Dir, len(m.NotAnalyzed))
	}
	return nil
}

// readFindings adds to m the findings of prodlint's -json output, and the
// secret values their marked ranges hold; false when it does not parse.
func readFindings(m *module, out []byte) bool {
	var tree map[string]map[string][]diagnostic
	if err := json.Unmarshal(out, &tree); err != nil {
		m.Problems = append(m.Problems, fmt.Sprintf("-json output does not parse: %v", err))
		return false
	}
	for _, byAnalyzer := range tree {
		for analyzer, diags := range byAnalyzer {
			for _, d := range diags {
				f, err := parseFinding(m, d)
				if err != nil {
					m.Problems = append(m.Problems, fmt.Sprintf("%s: %v", analyzer, err))
					continue
				}
				m.Findings = append(m.Findings, f)
				for _, sp := range d.Secrets {
					if src, err := os.ReadFile(sp.Filename); err == nil && sp.Start < sp.End && sp.End <= len(src) {
						m.Secrets = secret.Merge(m.Secrets, secret.Values(src[sp.Start:sp.End]))
					}
				}
			}
		}
	}
	sort.Slice(m.Findings, func(i, j int) bool { return less(m.Findings[i], m.Findings[j]) })
	return true
}

// problems returns what in prodlint's standard error and exit status
// means prodlint itself failed: a panic, an internal error, a rule error,
// or an exit status that is neither findings nor unloadable packages.
func problems(stderr string, exit int) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(stderr))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "panic:"), strings.Contains(l, "internal error"),
			strings.HasPrefix(l, "fatal error:"), strings.HasPrefix(l, "goroutine ") && strings.HasSuffix(l, "]:"):
			out = append(out, l)
		case strings.HasPrefix(l, "prodlint: ") && strings.Contains(l, " on package "):
			out = append(out, l) // a rule's error: "prodlint: RULE on package P: err"
		}
	}
	if exit != 0 && exit != 1 && exit != 3 {
		out = append(out, fmt.Sprintf("prodlint exited with status %d", exit))
	}
	return out
}

func notAnalyzed(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if rest, ok := strings.CutPrefix(l, "prodlint: package "); ok {
			if pkg, _, ok := strings.Cut(rest, " not analyzed"); ok {
				out = append(out, pkg)
			}
		}
	}
	sort.Strings(out)
	return out
}

// countAnalyzed is the number of packages of ./... (go list, test files
// not counted separately) less those prodlint could not analyze.
func countAnalyzed(dir string, notAnalyzed int) int {
	cmd := exec.Command("go", "list", "-e", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		return -1
	}
	return len(strings.Fields(string(out))) - notAnalyzed
}

func parseFinding(m *module, d diagnostic) (finding, error) {
	// posn is "file:line:col"; the file may itself hold colons.
	p := d.Posn
	i := strings.LastIndex(p, ":")
	j := strings.LastIndex(p[:max(i, 0)], ":")
	if i < 0 || j < 0 {
		return finding{}, fmt.Errorf("bad position %q", d.Posn)
	}
	line, err1 := strconv.Atoi(p[j+1 : i])
	col, err2 := strconv.Atoi(p[i+1:])
	if err1 != nil || err2 != nil {
		return finding{}, fmt.Errorf("bad position %q", d.Posn)
	}
	file := p[:j]
	if rel, err := filepath.Rel(m.Dir, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = rel
	}
	return finding{Module: m, Rule: d.Category, File: filepath.ToSlash(file), Line: line, Col: col, Message: d.Message}, nil
}

func less(a, b finding) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

func countLines(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "vendor" || d.Name() == "testdata") && path != dir {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n += bytes.Count(data, []byte("\n"))
		return nil
	})
	return n, err
}

func writeTable(w io.Writer, set string, mods []*module, rules []string, samplesDir string) {
	counts := map[string]map[string]int{} // rule → module → count
	known := map[string]bool{}
	for _, r := range rules {
		known[r] = true
	}
	for _, m := range mods {
		for _, f := range m.Findings {
			if !known[f.Rule] {
				known[f.Rule] = true
				rules = append(rules, f.Rule)
			}
			if counts[f.Rule] == nil {
				counts[f.Rule] = map[string]int{}
			}
			counts[f.Rule][m.Name]++
		}
	}
	// The sets present, in a fixed order, for the per-set totals.
	var sets []string
	for _, s := range []string{setTuning, setHeldout} {
		for _, m := range mods {
			if m.Set == s {
				sets = append(sets, s)
				break
			}
		}
	}

	switch set {
	case setHeldout:
		fmt.Fprintf(w, "# prodlint on the held-out corpus\n\n")
		fmt.Fprintf(w, "The held-out set of bench/corpus.txt: modules no rule was tuned on. Judge these findings once, at the end\n")
		fmt.Fprintf(w, "of a round, and report that figure as prodlint's precision; every module whose findings were looked at\n")
		fmt.Fprintf(w, "then moves to the tuning set (bench/corpus.txt).\n\n")
	case setAll:
		fmt.Fprintf(w, "# prodlint on the whole corpus (tuning and held-out sets)\n\n")
	default:
		fmt.Fprintf(w, "# prodlint on the real-world corpus (tuning set)\n\n")
	}
	fmt.Fprintf(w, "Generated by `bench/report.sh -set %s` (bench/cmd/benchreport) with prodlint's default configuration\n", set)
	fmt.Fprintf(w, "(no rules.toml: default rules on, `_test.go` and generated files skipped) and no result cache (PRODLINT_CACHE=off)\n")
	fmt.Fprintf(w, "on the %s modules of bench/corpus.txt, fetched by bench/corpus.sh. Raw `-json` output: bench/work/NAME.prodlint.json\n", setWords(set))
	fmt.Fprintf(w, "(not committed). Findings with source lines for the precision triage: bench/results/%s/RULE.txt.\n\n", samplesDir)

	fmt.Fprintf(w, "## Modules\n\n| module | set | version | lines of Go | packages analyzed | not type-checked | prodlint exit | wall | findings | crashes / rule errors |\n|---|---|---|---:|---:|---:|---:|---:|---:|---|\n")
	for _, m := range mods {
		crash := "none"
		if len(m.Problems) > 0 {
			crash = fmt.Sprintf("**%d** (see stderr)", len(m.Problems))
		}
		fmt.Fprintf(w, "| %s (`%s`) | %s | %s | %d | %d | %d | %d | %.1fs | %d | %s |\n",
			m.Name, m.Path, m.Set, m.Version, m.Lines, m.Analyzed, len(m.NotAnalyzed), m.Exit, m.Wall.Seconds(), len(m.Findings), crash)
	}

	fmt.Fprintf(w, "\n## Findings per rule and module\n\nColumns are grouped by set (%s).\n\n| rule |", strings.Join(sets, ", "))
	for _, m := range mods {
		fmt.Fprintf(w, " %s (%s) |", m.Name, m.Set)
	}
	for _, s := range sets {
		fmt.Fprintf(w, " %s total |", s)
	}
	fmt.Fprintf(w, " total | per 10k lines |\n|---|")
	for range len(mods) + len(sets) {
		fmt.Fprintf(w, "---:|")
	}
	fmt.Fprintf(w, "---:|---:|\n")
	totalLines := 0
	for _, m := range mods {
		totalLines += m.Lines
	}
	colTotals := make([]int, len(mods))
	setTotals := map[string]int{}
	grand := 0
	for _, r := range rules {
		fmt.Fprintf(w, "| %s |", r)
		t := 0
		perSet := map[string]int{}
		for i, m := range mods {
			c := counts[r][m.Name]
			fmt.Fprintf(w, " %d |", c)
			t += c
			perSet[m.Set] += c
			colTotals[i] += c
		}
		for _, s := range sets {
			fmt.Fprintf(w, " %d |", perSet[s])
			setTotals[s] += perSet[s]
		}
		grand += t
		fmt.Fprintf(w, " %d | %s |\n", t, per10k(t, totalLines))
	}
	fmt.Fprintf(w, "| **total** |")
	for _, c := range colTotals {
		fmt.Fprintf(w, " **%d** |", c)
	}
	for _, s := range sets {
		fmt.Fprintf(w, " **%d** |", setTotals[s])
	}
	fmt.Fprintf(w, " **%d** | %s |\n", grand, per10k(grand, totalLines))

	for _, m := range mods {
		if len(m.NotAnalyzed) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s: packages not analyzed because they do not type-check: %s\n", m.Name, strings.Join(m.NotAnalyzed, ", "))
	}
}

func setWords(set string) string {
	switch set {
	case setHeldout:
		return "held-out"
	case setAll:
		return "tuning and held-out"
	}
	return "tuning"
}

func per10k(n, lines int) string {
	if lines == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(n)*10000/float64(lines))
}

// writeSamples picks up to n findings of rule (every one when n is 0): the quota is shared out
// round-robin over the modules that have findings of the rule, and within
// a module the picks are evenly spaced over its findings sorted by file
// and line, so that one noisy file does not fill the sample.
func writeSamples(path, rule string, mods []*module, n int) error {
	var per [][]finding
	total := 0
	for _, m := range mods {
		var fs []finding
		for _, f := range m.Findings {
			if f.Rule == rule {
				fs = append(fs, f)
			}
		}
		per = append(per, fs)
		total += len(fs)
	}
	if n == 0 {
		n = total
	}
	quota := make([]int, len(per))
	for left := min(n, total); left > 0; {
		for i := range per {
			if left > 0 && quota[i] < len(per[i]) {
				quota[i]++
				left--
			}
		}
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s: %d of %d findings on the corpus, spread over the modules (bench/cmd/benchreport)\n", rule, min(n, total), total)
	fmt.Fprintf(&b, "# secrets that findings mark are masked in the source lines: first 4 characters kept\n")
	fmt.Fprintf(&b, "# verdict: write TRUE or FALSE (and why) after each finding during the triage\n\n")
	k := 0
	files := map[string][]string{}
	for i, fs := range per {
		for j := range quota[i] {
			f := fs[(2*j+1)*len(fs)/(2*quota[i])]
			k++
			fmt.Fprintf(&b, "[%d] %s/%s:%d:%d (%s)\n    %s\n", k, f.Module.Name, f.File, f.Line, f.Col, f.Module.Set, f.Message)
			abs := filepath.FromSlash(f.File)
			if !filepath.IsAbs(abs) {
				abs = filepath.Join(f.Module.Dir, abs)
			}
			lines, ok := files[abs]
			if !ok {
				lines = sourceLines(abs, f.Module.Secrets)
				files[abs] = lines
			}
			for l := f.Line - 1; l <= f.Line+1; l++ {
				if l >= 1 && l <= len(lines) {
					mark := " "
					if l == f.Line {
						mark = ">"
					}
					fmt.Fprintf(&b, "    %s %5d | %s\n", mark, l, strings.TrimRight(lines[l-1], " \t\r"))
				}
			}
			b.WriteString("\n")
		}
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// sourceLines returns the file's lines, with every secret value masked
// through secret.Text, the function every output of prodlint masks with.
func sourceLines(path string, secrets []string) []string {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return strings.Split(secret.Text(string(src), secrets), "\n")
}
