package driver

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"sort"
	"strings"
)

// edit is a text edit resolved to byte offsets in a file.
type edit struct {
	start, end int
	text       string
}

// applyFixes applies the first suggested fix of each finding, skipping a
// fix that overlaps one already taken, and writes the files (or, with
// -diff, prints their diffs). It returns the findings left unfixed.
func (r *run) applyFixes(findings []*finding) ([]*finding, error) {
	accepted := map[string][]edit{} // filename -> edits
	var remaining []*finding
	applied := 0
	for _, f := range findings {
		if len(f.Fixes) == 0 {
			remaining = append(remaining, f)
			continue
		}
		byFile := map[string][]edit{}
		for _, e := range f.Fixes[0].Edits {
			byFile[e.Start.Filename] = append(byFile[e.Start.Filename], edit{e.Start.Offset, e.End.Offset, e.New})
		}
		if conflicts(accepted, byFile) {
			remaining = append(remaining, f)
			continue
		}
		for name, es := range byFile {
			accepted[name] = appendNew(accepted[name], es)
		}
		applied++
	}
	secrets := r.secretTexts(findings)
	names := make([]string, 0, len(accepted))
	for name := range accepted {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		old, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		updated, err := applyEdits(old, accepted[name])
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if formatted, err := format.Source(updated); err == nil {
			updated = formatted
		}
		if r.flags.diff {
			rel := r.relPath(name)
			fmt.Fprint(r.opts.Stdout, unifiedDiff("a/"+rel, "b/"+rel, redact(string(old), secrets), redact(string(updated), secrets)))
			continue
		}
		info, err := os.Stat(name)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(name, updated, info.Mode().Perm()); err != nil {
			return nil, err
		}
	}
	if !r.flags.diff && applied > 0 {
		fmt.Fprintf(r.opts.Stderr, "prodlint: applied %d fixes to %d files\n", applied, len(names))
	}
	return remaining, nil
}

// conflicts reports whether any new edit overlaps an accepted one (other
// than being identical to it: two findings may offer the same import).
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
					return true // two insertions at one point: order would be arbitrary
				}
			}
		}
	}
	return false
}

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

func applyEdits(src []byte, es []edit) ([]byte, error) {
	sort.Slice(es, func(i, j int) bool { return es[i].start < es[j].start })
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

// secretTexts returns the flagged secret values of secret-literal
// findings, read from the source, so that no output prints them whole.
func (r *run) secretTexts(findings []*finding) []string {
	var out []string
	for _, f := range findings {
		if f.Rule != "secret-literal" {
			continue
		}
		src, err := os.ReadFile(f.Posn.Filename)
		if err != nil || f.End.Offset > len(src) || f.Posn.Offset >= f.End.Offset {
			continue
		}
		lit := strings.Trim(string(src[f.Posn.Offset:f.End.Offset]), "\"`")
		if len(lit) >= 8 {
			out = append(out, lit)
		}
	}
	// Longest first, so that a secret containing another is masked whole.
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// redact masks every occurrence of the secrets in s: the first four
// characters stay, the rest become asterisks.
func redact(s string, secrets []string) string {
	for _, sec := range secrets {
		s = strings.ReplaceAll(s, sec, Mask(sec))
	}
	return s
}

// Mask keeps the first four characters of a secret and hides the rest.
func Mask(secret string) string {
	if len(secret) <= 4 {
		return strings.Repeat("*", len(secret))
	}
	return secret[:4] + strings.Repeat("*", len(secret)-4)
}
