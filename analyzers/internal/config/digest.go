package config

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Digest identifies the configuration a run started in dir would read, for
// build systems that cache results by their tool's identity (go vet keys
// every package's result on the vet tool's -V=full answer; golangci-lint
// on its analyzers' names). It changes whenever a file that may govern
// one of the packages changes: the file envPath names, when set (it then
// governs every package); otherwise every rules.toml in the tree that
// holds dir's packages (the workspace or module root above dir, else dir)
// and every rules.toml the walk up from that root would reach.
//
// The files of the tree count by their path relative to its root and their
// contents, not by where the tree is: the same module checked out
// elsewhere (a fresh CI workspace) has the same digest.
//
// A file that cannot be read counts by its error, so that it becoming
// readable changes the digest too. Directories the go command never takes
// packages from (names starting with "." or "_", testdata, vendor) are not
// searched.
func Digest(dir, envPath string) string {
	h := sha256.New()
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	root := treeRoot(abs)
	if envPath != "" {
		file, err := filepath.Abs(envPath)
		if err != nil {
			file = envPath
		}
		// Its exclude globs are relative to where it is: named inside the
		// tree (PRODLINT_CONFIG=$PWD/ci/rules.toml) by its path there,
		// elsewhere by its absolute path.
		name := file
		if rel, err := filepath.Rel(root, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			name = filepath.ToSlash(rel)
		}
		fmt.Fprintf(h, "env %s\n", name)
		hashFile(h, file)
		return hex.EncodeToString(h.Sum(nil))
	}
	files := treeFiles(root)
	// The walk up from any package stops after the repository root, as
	// Loader.ForDir does.
	for d := root; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
		if fi, err := os.Stat(filepath.Join(d, FileName)); err == nil && !fi.IsDir() {
			files = append(files, filepath.Join(d, FileName))
		}
	}
	sort.Strings(files)
	for _, f := range files {
		// Named relative to the root: a checkout in another directory
		// with the same files has the same configuration, and go vet's
		// cached facts of dependencies stay valid there.
		rel, err := filepath.Rel(root, f)
		if err != nil {
			rel = f
		}
		fmt.Fprintf(h, "file %s\n", filepath.ToSlash(rel))
		hashFile(h, f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TreeDirs returns the directories whose configuration governs some
// package of the tree a run started in dir analyzes (the tree Digest
// covers): its root, and every directory below it that holds a
// rules.toml. Loader.ForDir of each gives every configuration in force
// for those packages (the nearest rules.toml governs a package).
func TreeDirs(dir string) []string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	root := treeRoot(abs)
	dirs := []string{root}
	for _, f := range treeFiles(root) {
		if d := filepath.Dir(f); d != root {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// treeFiles returns the rules.toml files in the tree below root, in the
// directories the go command takes packages from.
func treeFiles(root string) []string {
	var files []string
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable directory holds no package either
		}
		if d.IsDir() {
			if path != root && skipDir(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() == FileName {
			files = append(files, path)
		}
		return nil
	})
	return files
}

// treeRoot returns the directory whose tree holds the packages a run in
// dir may analyze: the outermost directory with a go.work, else the
// nearest with a go.mod, at or above dir and not above the repository
// root; dir itself when there is neither.
func treeRoot(dir string) string {
	mod, work := "", ""
	for d := dir; ; {
		if mod == "" && isFile(filepath.Join(d, "go.mod")) {
			mod = d
		}
		if isFile(filepath.Join(d, "go.work")) {
			work = d
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	switch {
	case work != "" && os.Getenv("GOWORK") != "off":
		return work
	case mod != "":
		return mod
	}
	return dir
}

func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor"
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && !fi.IsDir()
}

// hashFile writes path's contents, or the error reading it, to h.
func hashFile(h io.Writer, path string) {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(h, "error %v\n", err)
		return
	}
	defer f.Close()
	if _, err := io.Copy(h, f); err != nil {
		fmt.Fprintf(h, "error %v\n", err)
	}
	fmt.Fprintln(h)
}
