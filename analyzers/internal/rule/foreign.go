package rule

import (
	"go/ast"
	"go/token"
	"regexp"
	"sort"
	"strings"
)

// GosecChecks maps the gosec checks that report what a prodlint rule
// reports to those rules: an author who wrote "#nosec G114" (or
// //nolint:gosec) has already judged the finding, and prodlint honours
// that judgement when rules.toml keeps honor_nolint on. gosec's G114
// flags the package-level http.ListenAndServe and Serve, which have no
// Server to shut down, so accepting it accepts the missing shutdown too.
var GosecChecks = map[string][]string{
	"G101": {"secret-literal"},                         // hard-coded credentials
	"G104": {"http-error"},                             // errors not checked
	"G112": {"server-timeout"},                         // http.Server without ReadHeaderTimeout
	"G114": {"server-timeout", "no-graceful-shutdown"}, // http.ListenAndServe/Serve: no timeouts, no Server
	"G402": {"tls-insecure"},                           // InsecureSkipVerify, old TLS versions
}

// LinterChecks maps golangci-lint linters (besides gosec, which goes by
// GosecChecks) that report what a prodlint rule reports to those rules,
// for //nolint:LINTER.
var LinterChecks = map[string][]string{
	"bodyclose":     {"http-bodyclose"},
	"noctx":         {"ctx-variant"},
	"contextcheck":  {"ctx-background"},
	"rowserrcheck":  {"sql-rows-err"},
	"sqlclosecheck": {"sql-rows-close"},
}

// ForeignSuppressions returns, for documentation, the suppressions of other
// linters that silence rule id, or nil when none does besides the blanket
// //nolint and //nolint:all.
func ForeignSuppressions(id string) []string {
	var forms []string
	var gosec []string
	for g, ids := range GosecChecks {
		if contains(ids, id) {
			gosec = append(gosec, g)
		}
	}
	if len(gosec) > 0 {
		sort.Strings(gosec)
		for _, g := range gosec {
			forms = append(forms, "#nosec "+g)
		}
		forms = append(forms, "#nosec", "//nolint:gosec")
	}
	var linters []string
	for l, ids := range LinterChecks {
		if contains(ids, id) {
			linters = append(linters, "//nolint:"+l)
		}
	}
	sort.Strings(linters)
	forms = append(forms, linters...)
	return forms
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// foreign is one suppression comment of another linter: golangci-lint's
// //nolint or gosec's #nosec. It silences the rules it maps to over a
// range of lines: the statement or declaration it trails or precedes.
type foreign struct {
	from, to int  // the lines it covers
	all      bool // //nolint or //nolint:all: every rule
	rules    map[string]bool
}

// nosecRuleID matches a gosec check id in a #nosec directive.
var nosecRuleID = regexp.MustCompile(`\bG\d{3}\b`)

// parseForeign parses one comment as a //nolint or #nosec directive, or
// returns nil. Like golangci-lint, "//nolint" alone or "//nolint:all"
// names every linter and a further "//" starts the reason; like gosec,
// "#nosec" opens the comment, optionally followed by check ids and a
// "--" justification.
func parseForeign(text string) *foreign {
	body, ok := strings.CutPrefix(text, "//")
	if !ok {
		body = strings.TrimSuffix(strings.TrimPrefix(text, "/*"), "*/")
	}
	body = strings.TrimSpace(body)
	switch {
	case strings.HasPrefix(body, "nolint"):
		rest := body[len("nolint"):]
		if i := strings.Index(rest, "//"); i >= 0 {
			rest = rest[:i]
		}
		rest = strings.TrimSpace(rest)
		if rest == "" {
			return &foreign{all: true}
		}
		names, ok := strings.CutPrefix(rest, ":")
		if !ok {
			return nil // e.g. "nolintlint reports ..."
		}
		f := &foreign{rules: map[string]bool{}}
		for _, name := range strings.Split(strings.Fields(names + " ")[0], ",") {
			switch name = strings.ToLower(strings.TrimSpace(name)); name {
			case "all", "prodlint":
				f.all = true
			case "gosec":
				for _, ids := range GosecChecks {
					f.add(ids)
				}
			default:
				f.add(LinterChecks[name])
			}
		}
		return f
	case strings.HasPrefix(body, "#nosec"):
		directive := body[len("#nosec"):]
		if i := strings.Index(directive, "--"); i >= 0 {
			directive = directive[:i]
		}
		f := &foreign{rules: map[string]bool{}}
		ids := nosecRuleID.FindAllString(directive, -1)
		if len(ids) == 0 {
			for _, rs := range GosecChecks {
				f.add(rs)
			}
		}
		for _, id := range ids {
			f.add(GosecChecks[id])
		}
		return f
	}
	return nil
}

func (f *foreign) add(ids []string) {
	for _, id := range ids {
		f.rules[id] = true
	}
}

// silences reports whether f covers a finding of rule id on line.
func (f *foreign) silences(id string, line int) bool {
	return line >= f.from && line <= f.to && (f.all || f.rules[id])
}

// parseForeignDirectives collects the //nolint and #nosec comments of f,
// each with the lines it covers: a comment trailing code covers its line
// and the statement or declaration that ends there (gosec ties a comment
// to that node); a comment on a line of its own covers the statement or
// declaration that starts on the next line, as golangci-lint and gosec do.
func parseForeignDirectives(fset *token.FileSet, f *ast.File, codeLines map[int]bool) []*foreign {
	var out []*foreign
	var starts, ends map[int]int // line -> widest node's other end
	for _, group := range f.Comments {
		for _, c := range group.List {
			d := parseForeign(c.Text)
			if d == nil || (!d.all && len(d.rules) == 0) {
				continue
			}
			if starts == nil {
				starts, ends = nodeLines(fset, f)
			}
			line := fset.Position(c.Pos()).Line
			if codeLines[line] {
				d.from, d.to = line, line
				if start, ok := ends[line]; ok {
					d.from = start
				}
			} else {
				// A comment of its own, or in a doc comment: the node
				// that follows the comment group.
				next := fset.Position(group.End()).Line + 1
				d.from, d.to = line+1, next
				if end, ok := starts[next]; ok {
					d.to = end
				}
			}
			out = append(out, d)
		}
	}
	return out
}

// nodeLines indexes the statements, declarations and specs of f by the
// line they start on (to the last line of the widest one) and the line
// they end on (to the first line of the widest one).
func nodeLines(fset *token.FileSet, f *ast.File) (starts, ends map[int]int) {
	starts, ends = map[int]int{}, map[int]int{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case ast.Stmt, ast.Decl, ast.Spec:
		case nil:
			return false
		default:
			return true
		}
		from, to := fset.Position(n.Pos()).Line, fset.Position(n.End()).Line
		if cur, ok := starts[from]; !ok || to > cur {
			starts[from] = to
		}
		if cur, ok := ends[to]; !ok || from < cur {
			ends[to] = from
		}
		return true
	})
	return starts, ends
}

// ForeignRules returns the sorted ids of the rules the comment text
// silences as a //nolint or #nosec directive, or nil; "*" stands for
// every rule.
func ForeignRules(text string) []string {
	f := parseForeign(text)
	if f == nil {
		return nil
	}
	if f.all {
		return []string{"*"}
	}
	var ids []string
	for id := range f.rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
