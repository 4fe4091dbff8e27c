package driver

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

func (r *run) load(tests bool) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: metadataMode, Dir: r.opts.Dir, Tests: tests, Overlay: r.overlay}
	pkgs, err := packages.Load(cfg, r.flags.patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(r.flags.patterns, " "))
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
		if len(p.Errors) == 0 && !p.IllTyped && p.Types != nil {
			ok = append(ok, p)
			continue
		}
		r.failed = true
		errs := p.Errors
		if len(errs) == 0 {
			lines = append(lines, fmt.Sprintf("%s: package could not be type-checked", p.ID))
		}
		for _, e := range errs {
			line := e.Msg
			if e.Pos != "" && e.Pos != "-" {
				line = e.Pos + ": " + e.Msg
			}
			if !seen[line] {
				seen[line] = true
				lines = append(lines, line)
			}
		}
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
