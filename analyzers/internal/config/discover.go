package config

import (
	"os"
	"path/filepath"
	"sync"
)

// Loader finds and loads rules.toml files, caching each by path so that a
// driver analyzing many packages reads every file once.
type Loader struct {
	specs []RuleSpec

	mu        sync.Mutex
	found     map[string]string // directory -> config path ("" for none)
	files     map[string]loaded // config path -> result
	overrides map[string]bool   // rule id -> enabled, from the command line

	// Imports answers which internal packages only tests import; the
	// analysis and the driver's cache keys read the same scans.
	Imports ImportScanner
}

type loaded struct {
	cfg *Config
	err error
}

// NewLoader returns a Loader that validates files against specs.
func NewLoader(specs []RuleSpec) *Loader {
	return &Loader{specs: specs, found: map[string]string{}, files: map[string]loaded{}}
}

// Override switches a rule on or off in every configuration the loader
// returns from now on, as the command line's -enable and -disable do. It
// reports false for an unknown rule id.
func (l *Loader) Override(id string, on bool) bool {
	known := false
	for _, s := range l.specs {
		known = known || s.ID == id
	}
	if !known {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.overrides == nil {
		l.overrides = map[string]bool{}
	}
	l.overrides[id] = on
	return true
}

func (l *Loader) applyOverrides(cfg *Config) *Config {
	for id, on := range l.overrides {
		cfg.SetEnabled(id, on)
	}
	return cfg
}

// Specs returns the rule specifications the loader validates against.
func (l *Loader) Specs() []RuleSpec { return l.specs }

// Load reads the file at path (cached).
func (l *Loader) Load(path string) (*Config, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.loadLocked(abs, path)
}

func (l *Loader) loadLocked(abs, display string) (*Config, error) {
	if r, ok := l.files[abs]; ok {
		return r.cfg, r.err
	}
	cfg, err := LoadFile(display, l.specs)
	if cfg != nil {
		cfg.Path = abs
		l.applyOverrides(cfg)
	}
	l.files[abs] = loaded{cfg, err}
	return cfg, err
}

// ForDir returns the configuration that governs dir: the nearest rules.toml
// in dir or one of its parents, stopping after a directory that holds a
// .git entry (the repository root), or the defaults when there is none.
func (l *Loader) ForDir(dir string) (*Config, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	path, ok := l.found[abs]
	if !ok {
		path = findUp(abs)
		l.found[abs] = path
	}
	if path == "" {
		return l.applyOverrides(Default(l.specs)), nil
	}
	return l.loadLocked(path, path)
}

func findUp(dir string) string {
	for {
		candidate := filepath.Join(dir, FileName)
		if fi, err := os.Stat(candidate); err == nil && !fi.IsDir() {
			return candidate
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
