package config

import (
	goparser "go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// ImportScanner answers whether an internal package is imported only by
// test code. It reads the import lines of the Go files in the tree that may
// import the package (the tree rooted at the parent of its innermost
// "internal" directory, by the go command's rule), once per tree. The zero
// value is ready to use and safe for concurrent use.
type ImportScanner struct {
	mu    sync.Mutex
	trees map[string]*treeImports // tree root directory -> its imports
}

// treeImports records, for each import path, whether a test file and
// whether a non-test file of the tree imports it.
type treeImports struct {
	once sync.Once
	test map[string]bool
	prod map[string]bool
}

// ImportedOnlyByTests reports whether the package with the given import
// path, whose files are in dir, is an internal package that test code
// imports and no other file can or does: a test harness (a client of a
// test proxy, a fixture loader) that only test binaries link, even when it
// does not import testing itself. Only internal packages qualify: any
// other package may be imported from outside the module, where no scan can
// see. A package no file imports is not test code by this rule.
func (s *ImportScanner) ImportedOnlyByTests(dir, importPath string) bool {
	root, ok := internalTreeRoot(dir, importPath)
	if !ok {
		return false
	}
	s.mu.Lock()
	if s.trees == nil {
		s.trees = map[string]*treeImports{}
	}
	t := s.trees[root]
	if t == nil {
		t = &treeImports{}
		s.trees[root] = t
	}
	s.mu.Unlock()
	t.once.Do(func() { t.scan(root) })
	return t.test[importPath] && !t.prod[importPath]
}

// internalTreeRoot returns the directory of the tree allowed to import the
// package: the parent of the innermost "internal" element of importPath,
// found by walking dir up as many levels as importPath has elements from
// that "internal" on.
func internalTreeRoot(dir, importPath string) (string, bool) {
	elems := strings.Split(importPath, "/")
	i := len(elems) - 1
	for i >= 0 && elems[i] != "internal" {
		i--
	}
	if i < 0 || dir == "" {
		return "", false
	}
	root := filepath.Clean(dir)
	for range len(elems) - i {
		parent := filepath.Dir(root)
		if parent == root {
			return "", false
		}
		root = parent
	}
	return root, true
}

// scan reads the imports of every Go file under root, leaving out vendor
// and testdata directories and those the go command ignores ("." and "_"
// prefixes). A file with a syntax error still counts by the imports read
// before it.
func (t *treeImports) scan(root string) {
	t.test, t.prod = map[string]bool{}, map[string]bool{}
	fset := token.NewFileSet()
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		f, _ := goparser.ParseFile(fset, path, nil, goparser.ImportsOnly)
		if f == nil {
			return nil
		}
		into := t.prod
		if IsTestFile(path, f) {
			into = t.test
		}
		for _, imp := range f.Imports {
			if p, err := strconv.Unquote(imp.Path.Value); err == nil {
				into[p] = true
			}
		}
		return nil
	})
}
