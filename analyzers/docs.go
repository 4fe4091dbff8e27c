package analyzers

import (
	"fmt"
	"go/format"
	"reflect"
	"sort"
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// RuleOption describes one rules.toml key of a rule.
type RuleOption struct {
	Key     string
	Default string // TOML syntax
	Doc     string
}

// RuleOptions lists a rule's rules.toml keys (besides enabled and severity)
// with their defaults, from the `toml` and `doc` tags of its options
// struct.
func RuleOptions(r *Rule) []RuleOption {
	if r.NewOptions == nil {
		return nil
	}
	v := reflect.ValueOf(r.NewOptions()).Elem()
	var out []RuleOption
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		key := config.OptionKey(f)
		if key == "" {
			continue
		}
		out = append(out, RuleOption{Key: key, Default: tomlValue(v.Field(i)), Doc: f.Tag.Get("doc")})
	}
	return out
}

// tomlValue writes a default option value in TOML syntax.
func tomlValue(v reflect.Value) string {
	if s, ok := v.Interface().(fmt.Stringer); ok && v.Type() == reflect.TypeOf(config.Duration(0)) {
		return fmt.Sprintf("%q", s.String())
	}
	switch v.Kind() {
	case reflect.String:
		return fmt.Sprintf("%q", v.String())
	case reflect.Slice:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = tomlValue(v.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v.Interface())
}

// RuleMarkdown renders a rule's documentation page.
func RuleMarkdown(r *Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", r.ID)
	fmt.Fprintf(&b, "%s.\n\n", upperFirst(r.Doc.Title))
	fmt.Fprintf(&b, "Default: %s, severity `%s`. Since: %s (CHANGELOG.md).\n\n", enabledWord(r.Enabled), r.Severity, r.Doc.Since)
	fmt.Fprintf(&b, "## Why it matters\n\n%s\n\n", strings.TrimSpace(r.Doc.Why))
	fmt.Fprintf(&b, "## Bad\n\n```go\n%s\n```\n\n", strings.TrimSpace(r.Doc.Bad))
	fmt.Fprintf(&b, "## Good\n\n```go\n%s\n```\n\n", strings.TrimSpace(r.Doc.Good))
	if len(r.Quiet) > 0 {
		b.WriteString("## What keeps it quiet\n\n")
		b.WriteString("Each safe form has a name; `prodlint -explain` prints which one silenced a candidate.\n\n")
		for _, f := range r.Quiet {
			fmt.Fprintf(&b, "- `%s`: %s\n", f.Name, f.Entry())
		}
		b.WriteString("\n")
		if r.Doc.Scope != "" {
			fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(r.Doc.Scope))
		}
	} else if r.Doc.Scope != "" {
		fmt.Fprintf(&b, "## Scope\n\n%s\n\n", strings.TrimSpace(r.Doc.Scope))
	}
	if r.Doc.Fix != "" {
		fmt.Fprintf(&b, "## Suggested fix\n\n%s\n\n", strings.TrimSpace(r.Doc.Fix))
	}
	b.WriteString("## Configuration\n\n```toml\n")
	b.WriteString(ruleTOML(r))
	b.WriteString("```\n\n")
	fmt.Fprintf(&b, "Silence one finding with `//prodlint:ignore %s <reason>` on the line or the line above.\n", r.ID)
	if forms := rule.ForeignSuppressions(r.ID); forms != nil {
		fmt.Fprintf(&b, "The equivalent suppressions of other linters also silence it, on the line or above the statement "+
			"(unless rules.toml sets `honor_nolint = false`): `%s`, `//nolint` and `//nolint:all`.\n", strings.Join(forms, "`, `"))
	}
	return b.String()
}

// ReferenceMarkdown renders the index of all rules.
func ReferenceMarkdown(rules []*Rule) string {
	var b strings.Builder
	b.WriteString("# prodlint rules\n\n")
	b.WriteString("Generated from the rule registry (`make generate`); do not edit.\n\n")
	b.WriteString("| rule | default | severity | what it reports |\n|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](%s.md) | %s | %s | %s |\n", r.ID, r.ID, enabledWord(r.Enabled), r.Severity, r.Doc.Title)
	}
	return b.String()
}

// DefaultConfigTOML renders the documented default rules.toml.
func DefaultConfigTOML(rules []*Rule) string {
	var b strings.Builder
	b.WriteString(`# prodlint configuration: the defaults, documented.
# Generated from the rule registry (make generate); copy it into your
# repository and edit. prodlint finds the nearest rules.toml walking up from
# each package directory (stopping at the repository root), or takes
# -config FILE / $PRODLINT_CONFIG.

# Globs of files whose findings are not reported, relative to this file;
# "**" matches any number of directories.
exclude = []

# Analyze test code: _test.go files, test-support files (files that import
# "testing" or a test-only library: testify, ginkgo, gomega, dockertest,
# testcontainers; harnesses, mocks, fixture loaders), and test-support
# packages (under testonly, testing, testutil, testutils, mock or mocks
# directories, starting an httptest server: fakes of an API for tests, or
# internal packages that only test files import: harnesses only test binaries
# link).
tests = false

# Analyze files marked "// Code generated ... DO NOT EDIT.".
generated = false

# Analyze packages under example directories (example, examples, _example,
# _examples): programs to read, not to deploy.
examples = false

# Honour the suppressions of gosec and golangci-lint for the rules that
# report the same check: #nosec (bare or naming G101, G104, G112, G114 or
# G402), //nolint:gosec, //nolint:bodyclose, noctx, contextcheck,
# rowserrcheck, sqlclosecheck, and the blanket //nolint and //nolint:all,
# on the line of the finding or above its statement, as those tools read them.
honor_nolint = true

# Which code is production code. Packages under a non_production directory
# (samples, benchmarks, demos, end-to-end suites, test directories, fuzzing
# harnesses, test tools, developer tools under cmd/dev, hack or the top-level
# tools) are not reported: they are run by hand or by a test harness, never
# deployed.
# Globs match a package's directory relative to its module root; "*" stays
# within a path element, "**" spans directories, and a glob that matches a
# directory matches every package below it. non_production = ["**"] marks the
# whole module (root package included) non-production: a module that is a
# test double (an emulator, a fake server, a test CA) as a whole.
# also_non_production = ["internal/emulator"] adds directory trees to the list
# without repeating it.
[production]
non_production = `)
	b.WriteString(tomlValue(reflect.ValueOf(config.DefaultNonProduction)))
	b.WriteString(`
also_non_production = []
# Directories that are production code although they match non_production,
# e.g. ["cmd/loadtest"] when that command is deployed.
production = []
`)
	for _, r := range rules {
		fmt.Fprintf(&b, "\n# %s: %s. %s\n", r.ID, r.Doc.Title, r.URL())
		b.WriteString(ruleTOML(r))
	}
	return b.String()
}

func ruleTOML(r *Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[rules.%s]\n", r.ID)
	fmt.Fprintf(&b, "enabled = %t\n", r.Enabled)
	fmt.Fprintf(&b, "severity = %q # error and warning fail the run; info is only reported\n", r.Severity)
	for _, o := range RuleOptions(r) {
		if o.Doc != "" {
			fmt.Fprintf(&b, "# %s\n", o.Doc)
		}
		fmt.Fprintf(&b, "%s = %s\n", o.Key, o.Default)
	}
	return b.String()
}

func enabledWord(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// SinceGo renders analyzers/since.go, the rule versions read from
// CHANGELOG.md.
func SinceGo(since map[string]string) string {
	ids := make([]string, 0, len(since))
	for id := range since {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	b.WriteString("// Code generated by `make generate` from CHANGELOG.md; DO NOT EDIT.\n\n")
	b.WriteString("package analyzers\n\n")
	b.WriteString("// since is the version that first shipped each rule: the oldest CHANGELOG.md\n")
	b.WriteString("// section that lists it under \"New rules\".\n")
	b.WriteString("var since = map[string]string{\n")
	for _, id := range ids {
		fmt.Fprintf(&b, "\t%q: %q,\n", id, since[id])
	}
	b.WriteString("}\n")
	if src, err := format.Source([]byte(b.String())); err == nil {
		return string(src)
	}
	return b.String()
}
