package driver

import (
	"fmt"
	"strings"
)

// unifiedDiff returns a unified diff of two texts with three lines of
// context, or "" when they are equal.
func unifiedDiff(oldName, newName, oldText, newText string) string {
	return renderDiff(oldName, newName, diffHunks(oldText, newText))
}

// hunk is one hunk of a unified diff.
type hunk struct {
	oldStart, oldCount int // 0-based line before which the hunk starts, lines it covers
	newCount           int
	body               string // the lines, each prefixed with ' ', '-' or '+'
}

func (h hunk) text() string { return h.body }

// renderDiff prints hunks of one file as a unified diff. The new-side
// line numbers are computed from the hunks given, so that a patch from
// which hunks were left out still applies.
func renderDiff(oldName, newName string, hunks []hunk) string {
	if len(hunks) == 0 {
		return ""
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	delta := 0
	for _, h := range hunks {
		fmt.Fprintf(&out, "@@ -%s +%s @@\n%s", hunkRange(h.oldStart, h.oldCount), hunkRange(h.oldStart+delta, h.newCount), h.body)
		delta += h.newCount - h.oldCount
	}
	return out.String()
}

// diffHunks returns the hunks of a unified diff of two texts with
// diffContext lines of context. Fixes are local, so the common prefix and
// suffix are trimmed before a quadratic LCS of the rest.
func diffHunks(oldText, newText string) []hunk {
	if oldText == newText {
		return nil
	}
	a, b := splitLines(oldText), splitLines(newText)
	ops := diffLines(a, b)
	const context = diffContext
	var hunks []hunk
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk runs from context lines before the first change to
		// context lines after the last change that is within 2*context
		// lines of the previous one.
		start := max(i-context, 0)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j
			} else if j-end > 2*context {
				break
			}
		}
		stop := min(end+context+1, len(ops))
		h := hunk{oldStart: ops[start].aLine}
		var body strings.Builder
		for _, op := range ops[start:stop] {
			switch op.kind {
			case ' ':
				h.oldCount++
				h.newCount++
			case '-':
				h.oldCount++
			case '+':
				h.newCount++
			}
			body.WriteByte(op.kind)
			body.WriteString(op.text)
			if !strings.HasSuffix(op.text, "\n") {
				body.WriteString("\n\\ No newline at end of file\n")
			}
		}
		h.body = body.String()
		hunks = append(hunks, h)
		i = stop
	}
	return hunks
}

func hunkRange(start, count int) string {
	if count == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if count == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

type diffOp struct {
	kind         byte // ' ', '-', '+'
	text         string
	aLine, bLine int // 0-based line numbers before this op
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func diffLines(a, b []string) []diffOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	// lcs[i][j] = length of the LCS of am[i:] and bm[j:].
	lcs := make([][]int32, len(am)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(bm)+1)
	}
	for i := len(am) - 1; i >= 0; i-- {
		for j := len(bm) - 1; j >= 0; j-- {
			if am[i] == bm[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []diffOp
	ai, bi := 0, 0
	emit := func(kind byte, text string) {
		ops = append(ops, diffOp{kind: kind, text: text, aLine: ai, bLine: bi})
		switch kind {
		case ' ':
			ai++
			bi++
		case '-':
			ai++
		case '+':
			bi++
		}
	}
	for _, l := range a[:pre] {
		emit(' ', l)
	}
	i, j := 0, 0
	for i < len(am) || j < len(bm) {
		switch {
		case i < len(am) && j < len(bm) && am[i] == bm[j]:
			emit(' ', am[i])
			i++
			j++
		case i < len(am) && (j == len(bm) || lcs[i+1][j] >= lcs[i][j+1]):
			emit('-', am[i])
			i++
		default:
			emit('+', bm[j])
			j++
		}
	}
	for _, l := range a[len(a)-suf:] {
		emit(' ', l)
	}
	return ops
}
