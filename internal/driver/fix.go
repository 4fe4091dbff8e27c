package driver

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/prodlint/prodlint/internal/secret"
)

// maxFixRounds bounds -fix: a fix can make another one applicable (two
// fixes that edit one spot, a fix whose import another fix also adds), so
// -fix analyzes again after applying, up to this many times.
const maxFixRounds = 5

// diffContext is the number of unchanged lines a diff hunk shows around a
// change.
const diffContext = 3

// edit is a text edit resolved to byte offsets in a file.
type edit struct {
	start, end int
	text       string
}

// fixPlan is what one round of -fix applies.
type fixPlan struct {
	edits    map[string][]edit // filename -> edits, none overlapping
	applied  int               // findings whose fix is in edits
	withheld []*finding        // -diff: fixes left out, their hunk would show a secret
}

// fixMain runs -fix: it applies the first suggested fix of every finding
// that does not conflict with another, analyzes the result again and
// repeats until no finding has a fix left to apply (at most maxFixRounds
// times), so that one run leaves only findings that have no fix. Files
// are changed in memory between rounds (an overlay) and written once at
// the end; with -diff they are not written, and the patch is printed.
func (r *run) fixMain() int {
	r.overlay = map[string][]byte{}
	original := map[string][]byte{} // contents before the first fix
	var secrets []string
	var res, prev *roundResult
	var plan, prevPlan *fixPlan
	var prevOverlay map[string][]byte
	applied, rounds, lastApplied := 0, 0, 0
	firstFailed, reverted := false, false
	for {
		var code int
		var ok bool
		if res, code, ok = r.analyze(); !ok {
			return code
		}
		if rounds > 0 && res.failed && !firstFailed {
			// The last round's fixes broke code that compiled: a bug
			// in a fix. Keep the code as it was before them.
			r.opts.Stderr.Write(res.errs.Bytes())
			fmt.Fprintf(r.opts.Stderr, "prodlint: the fixes of round %d leave code that does not compile (above); they are not applied. This is a bug in a fix: please report it\n", rounds)
			res, plan, r.overlay = prev, prevPlan, prevOverlay
			applied -= lastApplied
			rounds--
			reverted = true
			break
		}
		if rounds == 0 {
			firstFailed = res.failed
		}
		res.findings = r.filter(res.findings)
		secrets = secret.Merge(secrets, r.secretTexts(res.findings))
		plan = r.planFixes(res.findings, secrets)
		if plan.applied == 0 || rounds == maxFixRounds {
			break
		}
		prev, prevPlan = res, plan
		prevOverlay = make(map[string][]byte, len(r.overlay))
		for k, v := range r.overlay {
			prevOverlay[k] = v
		}
		for name, es := range plan.edits {
			old, err := r.readFile(name)
			if err != nil {
				fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
				return ExitAnalysis
			}
			updated, err := applyEdits(old, es)
			if err != nil {
				fmt.Fprintf(r.opts.Stderr, "prodlint: %s: %v\n", name, err)
				return ExitAnalysis
			}
			if formatted, err := format.Source(updated); err == nil {
				updated = formatted
			}
			updated = dropUnusedImports(old, updated)
			if _, ok := original[name]; !ok {
				original[name] = old
			}
			r.overlay[name] = updated
		}
		applied += plan.applied
		lastApplied = plan.applied
		rounds++
	}
	r.opts.Stderr.Write(res.errs.Bytes())

	var names []string
	for name, old := range original {
		if cur, ok := r.overlay[name]; ok && !bytes.Equal(old, cur) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	if r.flags.diff {
		r.printDiffs(names, original, secrets)
	} else {
		for _, name := range names {
			info, err := os.Stat(name)
			if err == nil {
				err = os.WriteFile(name, r.overlay[name], info.Mode().Perm())
			}
			if err != nil {
				fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
				return ExitAnalysis
			}
		}
	}
	for _, f := range plan.withheld {
		fmt.Fprintf(r.opts.Stderr, "prodlint: -diff leaves out the fix of %s:%d [%s]: its hunk would show a secret; `prodlint -fix` applies it\n",
			r.relPath(f.Posn.Filename), f.Posn.Line, f.Rule)
	}
	fmt.Fprintln(r.opts.Stderr, r.fixSummary(applied, len(names), rounds, res.findings, plan, reverted))

	findings := res.findings
	if r.flags.diff {
		// The diff is the output; findings go to stderr so that the
		// diff can be piped to git apply.
		r.printText(r.opts.Stderr, findings)
		findings = nil
	}
	if err := r.print(findings); err != nil {
		fmt.Fprintf(r.opts.Stderr, "prodlint: %v\n", err)
		return ExitAnalysis
	}
	return exitCode(res.findings, res.failed)
}

// fixSummary says what -fix did and what is left.
func (r *run) fixSummary(applied, files, rounds int, remaining []*finding, last *fixPlan, reverted bool) string {
	var b strings.Builder
	verb := "applied"
	if r.flags.diff {
		verb = "the diff holds"
	}
	fmt.Fprintf(&b, "prodlint: %s %s to %s", verb, plural(applied, "fix", "fixes"), plural(files, "file", "files"))
	if rounds > 1 {
		fmt.Fprintf(&b, " in %d rounds", rounds)
	}
	withFix := 0
	for _, f := range remaining {
		if len(f.Fixes) > 0 {
			withFix++
		}
	}
	fmt.Fprintf(&b, "; %s remain", plural(len(remaining), "finding", "findings"))
	if len(remaining) == 1 {
		b.WriteString("s")
	}
	switch {
	case len(remaining) == 0:
	case withFix == 0:
		b.WriteString(", none with a fix")
	default:
		var parts []string
		if n := len(remaining) - withFix; n > 0 {
			parts = append(parts, fmt.Sprintf("%d with no fix", n))
		}
		if n := len(last.withheld); n > 0 {
			parts = append(parts, fmt.Sprintf("%d whose fix -diff leaves out", n))
		}
		if n := withFix - len(last.withheld); n > 0 && reverted {
			parts = append(parts, fmt.Sprintf("%d whose fix, or one applied with it, would not compile", n))
		} else if n > 0 {
			parts = append(parts, fmt.Sprintf("%d whose fix still applies after %d rounds: run -fix again", n, maxFixRounds))
		}
		b.WriteString(": " + strings.Join(parts, ", "))
	}
	return b.String()
}

// plural returns "1 fix" or "2 fixes".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// planFixes chooses the first suggested fix of each finding unless it
// conflicts with one already chosen. Two insertions of imports at one
// point are both kept (sorted, as gofmt would); other conflicting fixes
// wait for the next round, where they are computed afresh. With -diff, a
// fix within diffContext lines of a secret is withheld: its hunk would
// print the secret.
func (r *run) planFixes(findings []*finding, secrets []string) *fixPlan {
	plan := &fixPlan{edits: map[string][]edit{}}
	secretLines := map[string][][2]int{}
	for _, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		byFile := map[string][]edit{}
		for _, e := range f.Fixes[0].Edits {
			byFile[e.Start.Filename] = append(byFile[e.Start.Filename], edit{e.Start.Offset, e.End.Offset, e.New})
		}
		if r.flags.diff && r.showsSecret(byFile, secrets, secretLines) {
			plan.withheld = append(plan.withheld, f)
			continue
		}
		if conflicts(plan.edits, byFile) {
			continue
		}
		for name, es := range byFile {
			plan.edits[name] = appendNew(plan.edits[name], es)
		}
		plan.applied++
	}
	return plan
}

// showsSecret reports whether a diff of these edits would show one of the
// secrets: whether an edit lies within diffContext lines of one, or adds
// one. secretLines caches, per file, the line ranges the secrets occupy.
func (r *run) showsSecret(byFile map[string][]edit, secrets []string, secretLines map[string][][2]int) bool {
	if len(secrets) == 0 {
		return false
	}
	for name, es := range byFile {
		src, err := r.readFile(name)
		if err != nil {
			return true // cannot tell: do not risk it
		}
		spans, ok := secretLines[name]
		if !ok {
			for _, sec := range secrets {
				for i := 0; ; {
					j := bytes.Index(src[i:], []byte(sec))
					if j < 0 {
						break
					}
					start := i + j
					spans = append(spans, [2]int{lineAt(src, start), lineAt(src, start+len(sec))})
					i = start + len(sec)
				}
			}
			secretLines[name] = spans
		}
		for _, e := range es {
			for _, sec := range secrets {
				if strings.Contains(e.text, sec) {
					return true
				}
			}
			from, to := lineAt(src, e.start)-diffContext, lineAt(src, e.end)+diffContext
			for _, s := range spans {
				if s[0] <= to && from <= s[1] {
					return true
				}
			}
		}
	}
	return false
}

// lineAt returns the 1-based line of a byte offset.
func lineAt(src []byte, off int) int {
	off = min(max(off, 0), len(src))
	return bytes.Count(src[:off], []byte("\n")) + 1
}

// conflicts reports whether any new edit overlaps an accepted one (other
// than being identical to it: two findings may offer the same import).
// Two insertions at one point conflict, since their order would be
// arbitrary, unless both insert imports.
func conflicts(accepted, proposed map[string][]edit) bool {
	for name, es := range proposed {
		for _, e := range es {
			for _, a := range accepted[name] {
				if a == e {
					continue
				}
				if e.start < a.end && a.start < e.end {
					return true
				}
				if e.start == a.start && (e.start == e.end || a.start == a.end) {
					if e.start == e.end && a.start == a.end && isImportInsertion(e.text) && isImportInsertion(a.text) {
						continue
					}
					return true
				}
			}
		}
	}
	return false
}

// importInsertion matches the text of an edit that adds one import spec
// (as the fix package writes them): `"time"\n\t`, `\n\t"time"`,
// `\n\nimport "time"`, optionally with a name.
var importInsertion = regexp.MustCompile(`^\s*(import\s+)?([A-Za-z_][A-Za-z0-9_]*\s+|\.\s+)?"[^"\s]+"\s*$`)

func isImportInsertion(text string) bool { return importInsertion.MatchString(text) }

func appendNew(list, es []edit) []edit {
	for _, e := range es {
		dup := false
		for _, a := range list {
			dup = dup || a == e
		}
		if !dup {
			list = append(list, e)
		}
	}
	return list
}

// applyEdits applies non-overlapping edits; insertions at one point go in
// the order of their text (imports sorted).
func applyEdits(src []byte, es []edit) ([]byte, error) {
	es = append([]edit(nil), es...)
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].start != es[j].start {
			return es[i].start < es[j].start
		}
		if (es[i].start == es[i].end) != (es[j].start == es[j].end) {
			return es[i].start == es[i].end // an insertion before a replacement
		}
		return strings.TrimSpace(es[i].text) < strings.TrimSpace(es[j].text)
	})
	var b bytes.Buffer
	last := 0
	for _, e := range es {
		if e.start < last || e.end > len(src) || e.start > e.end {
			return nil, fmt.Errorf("invalid edit [%d,%d)", e.start, e.end)
		}
		b.Write(src[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(src[last:])
	return b.Bytes(), nil
}

// readFile returns a file's contents as this run sees them: with the
// fixes of earlier -fix rounds.
func (r *run) readFile(name string) ([]byte, error) {
	if data, ok := r.overlay[name]; ok {
		return data, nil
	}
	return os.ReadFile(name)
}

// printDiffs prints a patch from the original contents of the files to
// their fixed contents. A hunk that would show a secret is left out, and
// said so on stderr: the patch never carries a secret, and the hunks
// printed still apply (their line numbers account for the ones left out).
func (r *run) printDiffs(names []string, original map[string][]byte, secrets []string) {
	for _, name := range names {
		rel := r.relPath(name)
		var kept []hunk
		for _, h := range diffHunks(string(original[name]), string(r.overlay[name])) {
			if secret.Contains(h.text(), secrets) {
				fmt.Fprintf(r.opts.Stderr, "prodlint: -diff leaves out a hunk of %s at line %d: it would show a secret; `prodlint -fix` applies it\n", rel, h.oldStart+1)
				continue
			}
			kept = append(kept, h)
		}
		fmt.Fprint(r.opts.Stdout, renderDiff("a/"+rel, "b/"+rel, kept))
	}
}

// secretTexts returns the secret values that the findings' marked ranges
// hold (secret.Mark), read from the source (with earlier fixes), so that
// no output prints them whole.
func (r *run) secretTexts(findings []*finding) []string {
	var out []string
	for _, f := range findings {
		out = append(out, r.secretValues(f)...)
	}
	return secret.Merge(nil, out)
}

// dropUnusedImports removes the imports that the fixes left unused: a fix
// that replaces context.Background() with the request's context can take
// the last use of "context". Only an import used in before (as a
// package-qualified name) and no longer in after is removed, so an import
// whose name cannot be told from its path is never touched.
func dropUnusedImports(before, after []byte) []byte {
	fset := token.NewFileSet()
	old, err := parser.ParseFile(fset, "", before, parser.ParseComments)
	if err != nil {
		return after
	}
	updated, err := parser.ParseFile(fset, "", after, parser.ParseComments)
	if err != nil {
		return after
	}
	oldUses, newUses := qualifierUses(old), qualifierUses(updated)
	changed := false
	for _, imp := range append([]*ast.ImportSpec(nil), updated.Imports...) {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		name := ""
		if imp.Name != nil {
			name = imp.Name.Name
		} else {
			name = path[strings.LastIndex(path, "/")+1:]
		}
		if name == "_" || name == "." || oldUses[name] == 0 || newUses[name] > 0 {
			continue
		}
		if imp.Name != nil {
			changed = astutil.DeleteNamedImport(fset, updated, name, path) || changed
		} else {
			changed = astutil.DeleteImport(fset, updated, path) || changed
		}
	}
	if !changed {
		return after
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, updated); err != nil {
		return after
	}
	return b.Bytes()
}

// qualifierUses counts the uses of each name as the X of a selector
// (pkg.Name) that does not resolve to a declaration in the file.
func qualifierUses(f *ast.File) map[string]int {
	uses := map[string]int{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil {
				uses[id.Name]++
			}
		}
		return true
	})
	return uses
}
