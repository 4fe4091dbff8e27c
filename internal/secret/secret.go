// Package secret is the one place prodlint masks secrets. A rule marks a
// finding's secret (rule.Pass.ReportSecret): the values its message, fixes
// and related text may hold, which Text masks before the finding leaves
// the rule, and the source range that holds the value, carried to every
// driver as a related location whose message is Marker. The driver and
// the benchmark report read the marked ranges, so that no output (text,
// JSON, SARIF, -diff, the result cache, the baseline, the bench samples)
// ever shows a secret whole, whatever rule found it.
package secret

import (
	"go/scanner"
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Marker is the message of the related location that marks the source
// range holding a finding's secret value. Drivers that know it drop the
// location from their output; others show it as a bare note.
const Marker = "prodlint:secret"

// Mark returns the related location that marks rng as holding a secret.
func Mark(rng analysis.Range) analysis.RelatedInformation {
	return analysis.RelatedInformation{Pos: rng.Pos(), End: rng.End(), Message: Marker}
}

// IsMark reports whether rel marks a secret's source range.
func IsMark(rel analysis.RelatedInformation) bool { return rel.Message == Marker }

// maxStars bounds the asterisks of a masked value, so that a long secret
// (a PEM block, a connection string) does not fill the line.
const maxStars = 16

// Mask returns the form of a secret that output may show: its first 4
// characters, then asterisks ("AKIA****************"). A value shorter
// than 16 characters shows at most a quarter of itself, so that no output
// of prodlint ever carries a whole secret or most of one.
func Mask(value string) string {
	rs := []rune(value)
	show := 4
	if len(rs) < 16 {
		show = len(rs) / 4
	}
	stars := len(rs) - show
	stars = max(4, min(stars, maxStars))
	return string(rs[:show]) + strings.Repeat("*", stars)
}

// Text returns text with every occurrence of each value masked: the one
// function every output of a finding goes through. Longer values are
// masked first, so that a value holding another is masked whole. Values
// shorter than 4 characters are not searched for (they would mask parts
// of words): a rule never writes such a value but masked.
func Text(text string, values []string) string {
	if len(values) == 0 || text == "" {
		return text
	}
	sorted := append([]string(nil), values...)
	sort.Slice(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	for _, v := range sorted {
		if len(v) >= 4 {
			text = strings.ReplaceAll(text, v, Mask(v))
		}
	}
	return text
}

// Contains reports whether text holds one of values whole.
func Contains(text string, values []string) bool {
	for _, v := range values {
		if v != "" && strings.Contains(text, v) {
			return true
		}
	}
	return false
}

// minValue is the shortest text a marked range is taken to hide: shorter
// strings (a key name, a scheme) would mask common words everywhere.
const minValue = 8

// Values returns the secret values in src, the source of a marked range:
// the text between the quotes of each string literal of 8 characters or
// more (a concatenation holds several), or src itself without quotes when
// it holds no literal (a struct tag's contents).
func Values(src []byte) []string {
	var out []string
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(src)), src, nil, 0)
	found := false
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.STRING && len(lit) >= 2 {
			found = true
			if v := lit[1 : len(lit)-1]; len(v) >= minValue {
				out = append(out, v)
			}
		}
	}
	if !found {
		if v := strings.Trim(string(src), "\"`"); len(v) >= minValue {
			out = append(out, v)
		}
	}
	return out
}

// Merge adds values to a list, without duplicates, longest first so that
// a value containing another is masked whole.
func Merge(list, add []string) []string {
	seen := map[string]bool{}
	for _, s := range list {
		seen[s] = true
	}
	for _, s := range add {
		if !seen[s] {
			seen[s] = true
			list = append(list, s)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if len(list[i]) != len(list[j]) {
			return len(list[i]) > len(list[j])
		}
		return list[i] < list[j]
	})
	return list
}
