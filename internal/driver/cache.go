package driver

import (
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"go/build"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/prodlint/prodlint/internal/exehash"
)

// resultCache keeps each package's findings, keyed by everything they
// depend on: prodlint's own executable, the rules, the configuration that
// governs the package, the package's files and, transitively, those of its
// dependencies (a module-cache dependency by its version, a standard
// library package by the Go release). A re-run after editing one file
// re-analyzes that package and its importers only; the go command's list
// step is the rest of its cost. Each package's facts are kept beside its
// findings (factStore), so that the unchanged dependencies of the packages
// re-analyzed are not analyzed again.
type resultCache struct {
	dir  string
	salt string
	keys map[*packages.Package]string
}

// CacheEnv names the environment variable that moves the result cache
// ("off" disables it).
const CacheEnv = "PRODLINT_CACHE"

// openCache returns the cache, or nil when it is disabled or unusable.
func (r *run) openCache() *resultCache {
	if r.flags.noCache {
		return nil
	}
	dir := os.Getenv(CacheEnv)
	if dir == "off" {
		return nil
	}
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "prodlint")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil
	}
	salt, err := r.cacheSalt()
	if err != nil {
		return nil
	}
	c := &resultCache{dir: dir, salt: salt, keys: map[*packages.Package]string{}}
	c.trim()
	return c
}

// cacheSalt covers what every key depends on: the executable (so a new
// build of prodlint never replays old results), the rules, the flags that
// change findings, and the Go release whose standard library is analyzed.
func (r *run) cacheSalt() (string, error) {
	h := sha256.New()
	sum, err := exehash.Sum()
	if err != nil {
		return "", err
	}
	h.Write(sum)
	for _, rl := range r.opts.Rules {
		fmt.Fprintf(h, "rule %s %t %s\n", rl.ID, rl.Enabled, rl.Severity)
	}
	fmt.Fprintf(h, "enable %q disable %q tests %q\n", r.flags.enable, r.flags.disable, r.flags.tests)
	if r.fixed != nil {
		fmt.Fprintf(h, "config %s\n", fileDigest(r.fixed.Path))
	}
	goroot := build.Default.GOROOT
	version, _ := os.ReadFile(filepath.Join(goroot, "VERSION"))
	fmt.Fprintf(h, "goroot %s %s %s/%s %q\n", goroot, version, build.Default.GOOS, build.Default.GOARCH, build.Default.BuildTags)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// key returns the cache key of a root package under the configuration
// file that governs it (configPath, "" for the defaults). testOnly says
// whether the package is an internal one that only tests import, which
// other packages' files decide (config.ImportScanner), so an edit of an
// importer changes the key.
func (c *resultCache) key(p *packages.Package, configPath string, testOnly bool) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\nconfig %s\ntest-only %t\n%s\n", c.salt, fileDigest(configPath), testOnly, c.pkgKey(p))
	return hex.EncodeToString(h.Sum(nil))
}

// pkgKey digests a package's sources and, recursively, its imports.
func (c *resultCache) pkgKey(p *packages.Package) string {
	if k, ok := c.keys[p]; ok {
		return k
	}
	h := sha256.New()
	fmt.Fprintf(h, "pkg %s %s\n", p.ID, p.Name)
	for _, e := range p.Errors {
		fmt.Fprintf(h, "error %s %s\n", e.Pos, e.Msg)
	}
	switch {
	case isStd(p):
		fmt.Fprintf(h, "std %q\n", p.GoFiles) // the Go release is in the salt
	case p.Module != nil && p.Module.Version != "" && p.Module.Replace == nil:
		fmt.Fprintf(h, "module %s@%s %q\n", p.Module.Path, p.Module.Version, p.GoFiles) // immutable in the module cache
	default:
		if p.Module != nil {
			fmt.Fprintf(h, "go %s\n", p.Module.GoVersion)
		}
		for _, name := range p.GoFiles {
			fmt.Fprintf(h, "file %s %s\n", name, fileDigest(name))
		}
	}
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		fmt.Fprintf(h, "import %s %s\n", path, c.pkgKey(p.Imports[path]))
	}
	k := hex.EncodeToString(h.Sum(nil))
	c.keys[p] = k
	return k
}

func isStd(p *packages.Package) bool {
	src := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return len(p.GoFiles) > 0 && strings.HasPrefix(p.GoFiles[0], src)
}

// fileDigest returns the SHA-256 of a file's contents, or a marker for a
// file that cannot be read (so that the key still changes with it).
func fileDigest(path string) string {
	if path == "" {
		return "none"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "unreadable"
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func (c *resultCache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key)
}

// get returns the findings stored under key.
func (c *resultCache) get(key string) ([]*finding, bool) {
	f, err := os.Open(c.path(key))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var out []*finding
	if err := gob.NewDecoder(f).Decode(&out); err != nil {
		return nil, false
	}
	now := time.Now()
	os.Chtimes(c.path(key), now, now) // recently used entries survive trimming
	return out, true
}

// put stores findings under key, atomically: concurrent runs never read a
// half-written entry.
func (c *resultCache) put(key string, findings []*finding) {
	path := c.path(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "tmp-")
	if err != nil {
		return
	}
	if findings == nil {
		findings = []*finding{}
	}
	err = gob.NewEncoder(tmp).Encode(findings)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
	}
}

// trim removes entries unused for a week, at most once a day.
func (c *resultCache) trim() {
	marker := filepath.Join(c.dir, "trimmed")
	if fi, err := os.Stat(marker); err == nil && time.Since(fi.ModTime()) < 24*time.Hour {
		return
	}
	os.WriteFile(marker, nil, 0o644)
	cutoff := time.Now().Add(-7 * 24 * time.Hour)
	entries, _ := filepath.Glob(filepath.Join(c.dir, "*", "*"))
	for _, e := range entries {
		if fi, err := os.Stat(e); err == nil && fi.ModTime().Before(cutoff) {
			os.Remove(e)
		}
	}
}
