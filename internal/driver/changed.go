package driver

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// changedLines are the lines of a repository's files that differ from a
// revision (-new-from-rev): the lines `git diff REV` adds or changes, and
// every line of a file git does not track yet (unless ignored).
type changedLines struct {
	lines    map[string][][2]int // real path -> 1-based inclusive ranges
	all      map[string]bool     // untracked files: every line is new
	resolved map[string]string   // filename -> real path, memoized
}

// gitChangedLines runs git in dir.
func gitChangedLines(dir, rev string) (*changedLines, error) {
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	root := strings.TrimSpace(string(top))
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	if _, err := git(root, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("%q is not a revision of the repository at %s", rev, root)
	}
	out, err := git(root, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "-U0", rev, "--")
	if err != nil {
		return nil, err
	}
	c := &changedLines{lines: parseUnifiedZero(root, out), all: map[string]bool{}, resolved: map[string]string{}}
	untracked, err := git(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for _, name := range strings.Split(string(untracked), "\x00") {
		if name != "" {
			c.all[filepath.Join(root, filepath.FromSlash(name))] = true
		}
	}
	return c, nil
}

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return out, nil
}

// parseUnifiedZero reads the new-side line ranges of a `git diff -U0`.
func parseUnifiedZero(root string, diff []byte) map[string][][2]int {
	out := map[string][][2]int{}
	file := ""
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if strings.HasPrefix(name, `"`) {
				if u, err := strconv.Unquote(name); err == nil {
					name = u
				}
			}
			file = ""
			if rest, ok := strings.CutPrefix(name, "b/"); ok {
				file = filepath.Join(root, filepath.FromSlash(rest))
			}
		case strings.HasPrefix(line, "@@ ") && file != "":
			// @@ -a[,b] +c[,d] @@
			fields := strings.Fields(line)
			if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
				continue
			}
			start, count := parseRange(fields[2][1:])
			if count > 0 {
				out[file] = append(out[file], [2]int{start, start + count - 1})
			}
		}
	}
	return out
}

func parseRange(s string) (start, count int) {
	a, b, hasCount := strings.Cut(s, ",")
	start, _ = strconv.Atoi(a)
	count = 1
	if hasCount {
		count, _ = strconv.Atoi(b)
	}
	return start, count
}

// has reports whether line of filename changed.
func (c *changedLines) has(filename string, line int) bool {
	real, ok := c.resolved[filename]
	if !ok {
		real = filename
		if r, err := filepath.EvalSymlinks(filename); err == nil {
			real = r
		}
		c.resolved[filename] = real
	}
	if c.all[real] {
		return true
	}
	for _, rg := range c.lines[real] {
		if rg[0] <= line && line <= rg[1] {
			return true
		}
	}
	return false
}
