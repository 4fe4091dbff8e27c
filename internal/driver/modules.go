package driver

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/prodlint/prodlint/analyzers"
)

// modulesOf runs prodlint once in each module that holds one of the files
// named on the command line (-modules-of): the nearest directory above a
// file with a go.mod. A rules.toml governs every module below it, so it
// selects those. This is how the pre-commit hook works in a repository
// whose modules live in subdirectories: pre-commit passes the changed
// files, and each module's ./... is analyzed once. Paths are printed
// relative to the directory prodlint was started in.
func modulesOf(opts Options, f *flags) int {
	base := opts.Dir
	if base == "" {
		var err error
		if base, err = os.Getwd(); err != nil {
			fmt.Fprintf(opts.Stderr, "prodlint: %v\n", err)
			return ExitUsage
		}
	}
	mods := map[string]bool{}
	for _, name := range f.patterns {
		path := name
		if !filepath.IsAbs(path) {
			path = filepath.Join(base, path)
		}
		dir := filepath.Dir(path)
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			dir = path
		}
		if filepath.Base(path) == analyzers.ConfigFileName {
			for _, m := range modulesBelow(dir) {
				mods[m] = true
			}
		}
		if root := findModuleRoot(dir); root != "" {
			mods[root] = true
		} else if filepath.Ext(path) == ".go" {
			fmt.Fprintf(opts.Stderr, "prodlint: %s is in no module (no go.mod above it): not analyzed\n", name)
		}
	}
	var roots []string
	for m := range mods {
		roots = append(roots, m)
	}
	sort.Strings(roots)
	code := ExitClean
	for _, root := range roots {
		sub := opts
		sub.Dir = root
		sub.RelTo = base
		each := *f
		each.modulesOf = false
		each.patterns = []string{"./..."}
		for _, p := range []*string{&each.config, &each.cpuprofile, &each.memprofile} {
			if *p != "" && !filepath.IsAbs(*p) {
				*p = filepath.Join(base, *p)
			}
		}
		r := &run{opts: sub, flags: &each}
		code = max(code, r.main())
	}
	return code
}

// modulesBelow returns the directories at or below dir that hold a go.mod,
// skipping what the go command skips (testdata, vendor, and names
// starting with . or _).
func modulesBelow(dir string) []string {
	var out []string
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			name := d.Name()
			if path != dir && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() == "go.mod" {
			out = append(out, filepath.Dir(path))
		}
		return nil
	})
	return out
}
