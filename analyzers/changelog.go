package analyzers

import (
	"bufio"
	"bytes"
	"strings"
)

// SinceFromChangelog reads CHANGELOG.md and returns, for each rule id listed
// under a "New rules" heading, the version section that first lists it: the
// last such section in the file, since the file runs newest first. A
// section heading is "## VERSION" or "## [VERSION] - DATE"; bullets start
// with the rule id in backquotes.
func SinceFromChangelog(text []byte) map[string]string {
	since := map[string]string{}
	version, inNewRules := "", false
	sc := bufio.NewScanner(bytes.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			version = strings.TrimSpace(strings.TrimPrefix(line, "## "))
			if i := strings.Index(version, " "); i > 0 {
				version = version[:i]
			}
			version = strings.Trim(version, "[]")
			inNewRules = false
		case strings.HasPrefix(line, "### "):
			inNewRules = strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(line, "### ")), "New rules")
		case inNewRules && version != "" && strings.HasPrefix(line, "- `"):
			rest := strings.TrimPrefix(line, "- `")
			if i := strings.Index(rest, "`"); i > 0 {
				since[rest[:i]] = version
			}
		}
	}
	return since
}
