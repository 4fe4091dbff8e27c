package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// preCommit returns the pre-commit command: the one on PATH, whoever runs
// the tests; when there is none, Debian's package installed as root (CI
// runs as root; apt-get update only when the first install fails, as on a
// machine whose package lists are stale or empty). Anyone else is told what
// to install: the test never skips, since the hook is a documented route.
func preCommit(t *testing.T) string {
	t.Helper()
	if path, err := exec.LookPath("pre-commit"); err == nil {
		if r := run(t, "/", nil, path, "--version"); r.code != 0 {
			t.Fatalf("%s --version failed (exit %d): reinstall pre-commit\n%s", path, r.code, r.output())
		}
		return path
	}
	if os.Geteuid() != 0 {
		t.Fatal("pre-commit is not on PATH, and TestPreCommitHook runs prodlint's hook through it. Install it with\n" +
			"\tpip install --user pre-commit     (and put ~/.local/bin on PATH)\n" +
			"or\tsudo apt-get install pre-commit\n" +
			"(as root, make test installs Debian's package itself)")
	}
	t.Log("pre-commit is not on PATH: installing Debian's package (apt-get install pre-commit)")
	env := []string{"DEBIAN_FRONTEND=noninteractive"}
	if r := run(t, "/", env, "apt-get", "install", "-y", "pre-commit"); r.code != 0 {
		if u := run(t, "/", env, "apt-get", "update"); u.code != 0 {
			t.Fatalf("apt-get update failed, so pre-commit cannot be installed from Debian's packages; install it another way (pip install pre-commit):\n%s", u.output())
		}
		if r := run(t, "/", env, "apt-get", "install", "-y", "pre-commit"); r.code != 0 {
			t.Fatalf("apt-get install pre-commit failed; install it another way (pip install pre-commit):\n%s", r.output())
		}
	}
	path, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Fatal("pre-commit is not on PATH after apt-get install pre-commit")
	}
	return path
}

// goodMain is production-ready: a client with a timeout, the key from the
// environment.
const goodMain = `package main

import (
	"fmt"
	"net/http"
	"os"
	"time"
)

var client = &http.Client{Timeout: 10 * time.Second}

func main() {
	if os.Getenv("AWS_ACCESS_KEY_ID") == "" {
		fmt.Println("AWS_ACCESS_KEY_ID is not set")
		return
	}
	resp, err := client.Get("https://api.internal/v1/status")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	fmt.Println(resp.Status)
}
`

// hookRepo is a fresh git repository to try the hook in.
type hookRepo struct {
	t   *testing.T
	dir string
	pc  string
	env []string
}

func newHookRepo(t *testing.T) *hookRepo {
	pc := preCommit(t)
	// pre-commit builds the hook with the Go on PATH; the shared module
	// cache spares it downloading prodlint's dependencies again, and a
	// home of its own keeps the environment it builds fresh.
	gomodcache := strings.TrimSpace(run(t, repoRoot, nil, "go", "env", "GOMODCACHE").stdout)
	h := &hookRepo{t: t, dir: t.TempDir(), pc: pc,
		env: []string{"PRE_COMMIT_HOME=" + t.TempDir(), "GOMODCACHE=" + gomodcache, "GOWORK=off"}}
	h.git("init", "-q")
	h.git("config", "user.email", "ci@example.com")
	h.git("config", "user.name", "CI")
	return h
}

func (h *hookRepo) git(args ...string) {
	h.t.Helper()
	if r := run(h.t, h.dir, nil, "git", args...); r.code != 0 {
		h.t.Fatalf("git %s:\n%s", strings.Join(args, " "), r.output())
	}
}

func (h *hookRepo) write(name, content string) {
	h.t.Helper()
	path := filepath.Join(h.dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

// tryRepo runs this checkout's hook on the staged files.
func (h *hookRepo) tryRepo() result {
	h.t.Helper()
	return run(h.t, h.dir, h.env, h.pc, "try-repo", repoRoot, "prodlint")
}

func TestPreCommitHook(t *testing.T) {
	h := newHookRepo(t)
	git, write, tryRepo := h.git, h.write, h.tryRepo
	write("go.mod", "module example.com/service\n\ngo 1.22\n")

	// A good change: the hook passes and the commit goes through.
	write("main.go", goodMain)
	git("add", ".")
	if r := tryRepo(); r.code != 0 {
		t.Fatalf("the hook refused production-ready code (exit %d):\n%s", r.code, r.output())
	}
	git("commit", "-q", "-m", "good")

	// A bad change: the hook fails with prodlint's diagnostics.
	write("main.go", readFile(t, filepath.Join("testdata", "acceptance", "main.go")))
	git("add", ".")
	r := tryRepo()
	if r.code == 0 {
		t.Fatalf("the hook let an http.Get and a hardcoded key through:\n%s", r.output())
	}
	wantFindings(t, r.output(), "main.go", "http-timeout", "secret-literal")
}

// In a repository whose modules live in subdirectories (no go.mod at the
// root), the hook analyzes the modules that hold a staged file, each once,
// and only those.
func TestPreCommitHookInSubdirectoryModules(t *testing.T) {
	h := newHookRepo(t)
	h.write("services/api/go.mod", "module example.com/api\n\ngo 1.22\n")
	h.write("services/worker/go.mod", "module example.com/worker\n\ngo 1.22\n")
	// The api module already holds code with findings: committed before
	// the hook was adopted, and not staged again below.
	bad := readFile(t, filepath.Join("testdata", "acceptance", "main.go"))
	h.write("services/api/main.go", bad)
	h.write("services/worker/main.go", goodMain)
	h.git("add", ".")
	h.git("commit", "-q", "-m", "start")

	// A bad change in worker: the findings name the file from the root,
	// and api, which holds no staged file, is not analyzed.
	h.write("services/worker/main.go", bad)
	h.git("add", ".")
	r := h.tryRepo()
	if r.code == 0 || strings.Contains(r.output(), "does not contain main module") {
		t.Fatalf("the hook let a bad change through or could not load the module (exit %d):\n%s", r.code, r.output())
	}
	wantFindings(t, r.output(), "services/worker/main.go", "http-timeout", "secret-literal")
	if strings.Contains(r.output(), "services/api/") {
		t.Errorf("the hook analyzed services/api, which holds no staged file:\n%s", r.output())
	}
}
