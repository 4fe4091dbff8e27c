package driver

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/prodlint/prodlint/internal/secret"
)

// A baseline records the findings of a codebase at one point, so that a
// team adopting prodlint on existing code is shown only the findings that
// are new (-baseline FILE) while the old ones are worked off. An entry
// matches by rule, file (relative to its module), enclosing function and
// message with numbers taken out, never by line: edits elsewhere in the
// file do not bring a baselined finding back. Entries count: two
// identical findings in one function need two.

// baselineVersion is the format of the file; a newer one is refused.
const baselineVersion = 1

type baselineFile struct {
	Comment string          `json:"comment"`
	Version int             `json:"version"`
	Entries []baselineEntry `json:"entries"`
}

type baselineEntry struct {
	Rule     string `json:"rule"`
	File     string `json:"file"`
	Function string `json:"function,omitempty"`
	Message  string `json:"message"`
	Count    int    `json:"count"`
}

// baseline is a loaded baseline file.
type baseline struct {
	path    string
	entries map[baselineKey]int
}

type baselineKey struct {
	rule, file, function, message string
}

// readBaseline loads a baseline file; name is the path as the user gave
// it.
func readBaseline(path, name string) (*baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the baseline: %v (create it with -baseline write %s)", err, name)
	}
	var f baselineFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: not a prodlint baseline: %v", path, err)
	}
	if f.Version != baselineVersion {
		return nil, fmt.Errorf("%s: baseline format version %d, this prodlint reads version %d", path, f.Version, baselineVersion)
	}
	b := &baseline{path: path, entries: map[baselineKey]int{}}
	for i, e := range f.Entries {
		if e.Rule == "" || e.File == "" || e.Count < 1 {
			return nil, fmt.Errorf("%s: entry %d lacks rule, file or a positive count", path, i+1)
		}
		b.entries[baselineKey{e.Rule, e.File, e.Function, e.Message}] += e.Count
	}
	return b, nil
}

// baselineKey returns the key a finding is matched by. secrets are masked
// in the message, so that the baseline file never holds one.
func (r *run) baselineKey(f *finding, secrets []string) baselineKey {
	return baselineKey{rule: f.Rule, file: r.moduleRelPath(f.Posn.Filename), function: f.Func, message: normalizeMessage(f.Rule, f.Message, secrets)}
}

var digits = regexp.MustCompile(`[0-9]+`)

// normalizeMessage drops the "[rule] " prefix, masks secrets and replaces
// every number (a line, a column, a count, a duration) with "N", so that
// a message stays the same when code moves.
func normalizeMessage(rule, msg string, secrets []string) string {
	msg = strings.TrimPrefix(msg, "["+rule+"] ")
	msg = secret.Text(msg, secrets)
	msg = digits.ReplaceAllString(msg, "N")
	return strings.Join(strings.Fields(msg), " ")
}

// writeBaseline records the findings in the -baseline write file.
func (r *run) writeBaseline(findings []*finding, failed bool) int {
	secrets := r.secretTexts(findings)
	counts := map[baselineKey]int{}
	for _, f := range findings {
		counts[r.baselineKey(f, secrets)]++
	}
	out := baselineFile{
		Comment: "prodlint baseline: findings recorded to be worked off; `prodlint -baseline FILE` reports only findings not listed here. Regenerate with `prodlint -baseline write FILE`.",
		Version: baselineVersion,
		Entries: []baselineEntry{},
	}
	for k, n := range counts {
		out.Entries = append(out.Entries, baselineEntry{Rule: k.rule, File: k.file, Function: k.function, Message: k.message, Count: n})
	}
	sort.Slice(out.Entries, func(i, j int) bool {
		a, b := out.Entries[i], out.Entries[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Function != b.Function {
			return a.Function < b.Function
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
	data, err := json.MarshalIndent(out, "", "  ")
	if err == nil {
		err = os.WriteFile(r.abs(r.flags.baselineWrite), append(data, '\n'), 0o644)
	}
	if err != nil {
		fmt.Fprintf(r.opts.Stderr, "prodlint: writing the baseline: %v\n", err)
		return ExitAnalysis
	}
	fmt.Fprintf(r.opts.Stderr, "prodlint: wrote %s (%s) to %s; `prodlint -baseline %s` reports only findings not in it\n",
		plural(len(findings), "finding", "findings"), plural(len(out.Entries), "entry", "entries"), r.flags.baselineWrite, r.flags.baselineWrite)
	if failed {
		fmt.Fprintln(r.opts.Stderr, "prodlint: some packages were not analyzed (see above): their findings are not in the baseline")
		return ExitAnalysis
	}
	return ExitClean
}

// filter keeps the findings that -baseline and -new-from-rev report, marks
// them new, and says on stderr what the baseline held back and which of
// its entries no longer match.
func (r *run) filter(findings []*finding) []*finding {
	if r.baseline != nil {
		left := make(map[baselineKey]int, len(r.baseline.entries))
		for k, n := range r.baseline.entries {
			left[k] = n
		}
		secrets := r.secretTexts(findings)
		var kept []*finding
		for _, f := range findings {
			k := r.baselineKey(f, secrets)
			if left[k] > 0 {
				left[k]--
				r.baselined++
				continue
			}
			kept = append(kept, f)
		}
		for _, n := range left {
			r.baselineFixed += n
		}
		findings = kept
		fmt.Fprintf(r.opts.Stderr, "prodlint: baseline %s: %s new, %d baselined, %d no longer found (fixed)\n",
			r.flags.baseline, plural(len(findings), "finding", "findings"), r.baselined, r.baselineFixed)
	}
	if r.changed != nil {
		var kept []*finding
		for _, f := range findings {
			if r.changed.has(f.Posn.Filename, f.Posn.Line) {
				kept = append(kept, f)
			}
		}
		findings = kept
	}
	if r.baseline != nil || r.changed != nil {
		for _, f := range findings {
			f.baselineState = "new"
		}
	}
	return findings
}

// prepareFilters reads the -baseline file and the lines changed since
// -new-from-rev.
func (r *run) prepareFilters() (int, bool) {
	if (r.flags.baseline != "" || r.flags.baselineWrite != "" || r.flags.newFromRev != "") && r.flags.fix {
		fmt.Fprintln(r.opts.Stderr, "prodlint: -fix applies to every finding: run it without -baseline and -new-from-rev")
		return ExitUsage, false
	}
	if r.flags.baseline != "" {
		b, err := readBaseline(r.abs(r.flags.baseline), r.flags.baseline)
		if err != nil {
			fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
			return ExitUsage, false
		}
		r.baseline = b
	}
	if r.flags.newFromRev != "" {
		dir := r.opts.Dir
		if dir == "" {
			dir = "."
		}
		c, err := gitChangedLines(dir, r.flags.newFromRev)
		if err != nil {
			fmt.Fprintf(r.opts.Stderr, "prodlint: -new-from-rev: %v\n", err)
			return ExitUsage, false
		}
		r.changed = c
	}
	return 0, true
}

// moduleRelPath returns filename relative to the root of its module (the
// nearest directory above it with a go.mod), slash-separated.
func (r *run) moduleRelPath(filename string) string {
	dir := filepath.Dir(filename)
	root, ok := r.modRoots[dir]
	if !ok {
		root = findModuleRoot(dir)
		if r.modRoots == nil {
			r.modRoots = map[string]string{}
		}
		r.modRoots[dir] = root
	}
	if root != "" {
		if rel, err := filepath.Rel(root, filename); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(r.relPath(filename))
}

// findModuleRoot returns the nearest directory at or above dir that holds
// a go.mod, or "".
func findModuleRoot(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if info, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !info.IsDir() {
			return dir
		} else if err != nil && !errors.Is(err, os.ErrNotExist) {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
