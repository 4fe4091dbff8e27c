package driver

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/prodlint/prodlint/analyzers"
)

// explainFlag is -explain: a boolean flag ("-explain" prints every
// silenced candidate of the run) that also takes a position
// ("-explain=FILE:LINE" prints those on that line).
type explainFlag struct {
	on   bool
	file string // "" for the whole run
	line int
}

func (e *explainFlag) IsBoolFlag() bool { return true }

func (e *explainFlag) String() string {
	switch {
	case e == nil || !e.on:
		return "false"
	case e.file == "":
		return "true"
	}
	return e.file + ":" + strconv.Itoa(e.line)
}

func (e *explainFlag) Set(s string) error {
	*e = explainFlag{}
	if b, err := strconv.ParseBool(s); err == nil {
		e.on = b
		return nil
	}
	i := strings.LastIndex(s, ":")
	if i <= 0 {
		return fmt.Errorf("want FILE:LINE, got %q", s)
	}
	line, err := strconv.Atoi(s[i+1:])
	if err != nil || line < 1 {
		return fmt.Errorf("want FILE:LINE with a line number, got %q", s)
	}
	e.on, e.file, e.line = true, s[:i], line
	return nil
}

// explainer collects what -explain prints: the candidates the rules'
// quiet forms silenced. The analysis calls add from its goroutines.
type explainer struct {
	mu       sync.Mutex
	silences []analyzers.Silence
	file     string // absolute, or "" for every file
	line     int
}

func (x *explainer) add(s analyzers.Silence) {
	if x.file != "" && (s.Pos.Line != x.line || !samePath(s.Pos.Filename, x.file)) {
		return
	}
	x.mu.Lock()
	x.silences = append(x.silences, s)
	x.mu.Unlock()
}

func samePath(a, b string) bool {
	if a == b {
		return true
	}
	ea, err1 := filepath.EvalSymlinks(a)
	eb, err2 := filepath.EvalSymlinks(b)
	return err1 == nil && err2 == nil && ea == eb
}

// print writes one line per silenced candidate, sorted by position:
// "file:line:col: quiet: [rule-id] form-name: the form's sentence".
func (x *explainer) print(w io.Writer, rel func(string) string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	seen := map[string]bool{}
	var lines []analyzers.Silence
	for _, s := range x.silences {
		k := fmt.Sprintf("%s:%d:%d:%s:%s", s.Pos.Filename, s.Pos.Line, s.Pos.Column, s.Rule, s.Form.Name)
		if !seen[k] { // a package analyzed twice (with and without its tests) says it once
			seen[k] = true
			lines = append(lines, s)
		}
	}
	sort.Slice(lines, func(i, j int) bool {
		a, b := lines[i], lines[j]
		if a.Pos.Filename != b.Pos.Filename {
			return a.Pos.Filename < b.Pos.Filename
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column < b.Pos.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Form.Name < b.Form.Name
	})
	for _, s := range lines {
		fmt.Fprintf(w, "%s:%d:%d: quiet: [%s] %s: %s\n", rel(s.Pos.Filename), s.Pos.Line, s.Pos.Column, s.Rule, s.Form.Name, s.Form.Doc)
	}
	if len(lines) == 0 {
		where := "in this run"
		if x.file != "" {
			where = fmt.Sprintf("on %s:%d", rel(x.file), x.line)
		}
		fmt.Fprintf(w, "prodlint: no candidate was silenced by a quiet form %s\n", where)
	}
}
