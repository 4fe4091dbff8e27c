package driver

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/prodlint/prodlint/internal/secret"
)

func (r *run) load(tests bool) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: metadataMode, Dir: r.opts.Dir, Tests: tests, Overlay: r.overlay}
	pkgs, err := packages.Load(cfg, r.flags.patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		// As go build and go list do: a warning, and a clean (empty) run.
		fmt.Fprintf(r.opts.Stderr, "prodlint: warning: %q matched no packages\n", strings.Join(r.flags.patterns, " "))
		return nil, nil
	}
	return withoutRedundantVariants(pkgs), nil
}

// wantTests decides whether to load test variants: the -tests flag, else
// the configuration that governs the working directory.
func (r *run) wantTests() (bool, error) {
	if r.flags.tests != "" {
		return r.flags.tests == "true", nil
	}
	dir := r.opts.Dir
	if dir == "" {
		var err error
		if dir, err = os.Getwd(); err != nil {
			return false, err
		}
	}
	cfg, err := r.configFor(dir)
	if err != nil {
		return false, err
	}
	return cfg.Tests, nil
}

// withoutRedundantVariants drops generated test mains, and a package whose
// test variant ("p [p.test]") is present: the variant holds all of its
// files, so analyzing both would double the work and the findings.
func withoutRedundantVariants(pkgs []*packages.Package) []*packages.Package {
	hasVariant := map[string]bool{}
	for _, p := range pkgs {
		if i := strings.Index(p.ID, " ["); i > 0 && p.ID[:i] == p.PkgPath {
			hasVariant[p.PkgPath] = true
		}
	}
	var out []*packages.Package
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, ".test") || (p.ID == p.PkgPath && hasVariant[p.PkgPath]) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// reportLoadErrors prints the errors of packages that could not be loaded
// or type-checked, positioned where the compiler would put them, and
// returns the packages that can be analyzed.
func (r *run) reportLoadErrors(pkgs []*packages.Package) []*packages.Package {
	var ok []*packages.Package
	seen := map[string]bool{}
	var lines []string
	for _, p := range pkgs {
		if loaded(p) {
			ok = append(ok, p)
			continue
		}
		r.failed = true
		r.broken[p.ID] = "load-error"
		errs := p.Errors
		if len(errs) == 0 {
			lines = append(lines, fmt.Sprintf("%s: package could not be type-checked", p.ID))
		}
		var msgs []string
		for _, e := range errs {
			line := maskConstants(e.Msg)
			if e.Pos != "" && e.Pos != "-" {
				line = e.Pos + ": " + line
			}
			msgs = append(msgs, line)
			if !seen[line] {
				seen[line] = true
				lines = append(lines, line)
			}
		}
		note := fmt.Sprintf("package %s not analyzed: it does not load or type-check", p.ID)
		if len(msgs) > 0 {
			note += ": " + strings.Join(msgs, "; ")
		}
		r.notes = append(r.notes, notification{ID: "load-error", Package: p.ID, Message: note})
		lines = append(lines, fmt.Sprintf("prodlint: package %s not analyzed: it does not load or type-check", p.ID))
	}
	sort.SliceStable(lines, func(i, j int) bool {
		// Errors first, then the "not analyzed" lines, each sorted.
		pi, pj := strings.HasPrefix(lines[i], "prodlint: "), strings.HasPrefix(lines[j], "prodlint: ")
		if pi != pj {
			return pj
		}
		return lines[i] < lines[j]
	})
	for _, l := range lines {
		fmt.Fprintln(r.errw, l)
	}
	return ok
}

// loaded reports whether a package given to analyze loaded and
// type-checked.
func loaded(p *packages.Package) bool {
	return len(p.Errors) == 0 && !p.IllTyped && p.Types != nil
}

// stringConstant matches a string constant quoted in a type error, e.g.
// `"AKIA..." (untyped string constant)`: in a package that does not
// type-check, no rule can run, and the constant may be a secret.
var stringConstant = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"( \((?:untyped string )?constant)`)

// maskConstants masks the string constants quoted in a compiler message
// with secret.Mask, as findings mask secrets.
func maskConstants(msg string) string {
	return stringConstant.ReplaceAllStringFunc(msg, func(m string) string {
		sub := stringConstant.FindStringSubmatch(m)
		return `"` + secret.Mask(sub[1]) + `"` + sub[2]
	})
}
