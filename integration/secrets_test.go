package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeSecrets are shaped like real credentials of each format prodlint
// knows, and flagged by it. They are built by concatenation so that this
// source file holds none of them whole; the fixture written at test time
// does.
var fakeSecrets = map[string]string{
	"awsKeyID":     "AKIA" + "QWERTYUIOPASDFGH",
	"awsSecret":    "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "zq9XkLm2Np",
	"githubToken":  "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
	"stripeKey":    "sk_live_" + "51HxYzAbCdEfGhIjKlMnOpQrSt",
	"anthropicKey": "sk-ant-" + "api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe",
	"googleKey":    "AIza" + "SyD3x9Kq7Lm2Np4Rs6Tu8Vw0Xy1Za3Bc5De",
	"dbPassword":   "Kq7!xLm2" + "#Np4Rs6Tu8",
}

// dsnPassword is the password inside a connection string.
const dsnPassword = "S3cr3tPassw0rd" + "Xyz"

// secretsModule writes a module that holds every fake secret in source and
// logs some of them, and returns its directory.
func secretsModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"log\"\n\t\"net/url\"\n)\n\n")
	names := []string{"awsKeyID", "awsSecret", "githubToken", "stripeKey", "anthropicKey", "googleKey", "dbPassword"}
	for _, name := range names {
		b.WriteString("var " + name + " = \"" + fakeSecrets[name] + "\"\n")
	}
	// A field whose env tag names its variable: the one secret with a fix,
	// so that -fix and -diff have something to show.
	b.WriteString("type dbConfig struct {\n\tDSN string `env:\"DATABASE_URL\"`\n}\n\n")
	b.WriteString("var db = dbConfig{DSN: \"postgres://app:" + dsnPassword + "@db.internal:5432/app\"}\n\n")
	// URL userinfo is a credential by its API whatever the variable is
	// called: secret-logged reports it under the default configuration.
	b.WriteString("func main() {\n\tlog.Println(\"password\", dbPassword, url.UserPassword(\"app\", dbPassword).String())\n\tfmt.Println(" + strings.Join(names, ", ") + ", db.DSN)\n}\n")
	files := map[string]string{
		"go.mod":  "module example.com/secrets\n\ngo 1.22\n",
		"main.go": b.String(),
		// awsSecret and dbPassword are credentials only by their names:
		// the tier that reports them is off by default.
		"rules.toml": "[rules.secret-literal]\nnames = true\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// assertNoSecret fails when out holds any fake secret whole.
func assertNoSecret(t *testing.T, what, out string) {
	t.Helper()
	all := []string{dsnPassword}
	for _, s := range fakeSecrets {
		all = append(all, s)
	}
	for _, s := range all {
		if strings.Contains(out, s) {
			t.Errorf("%s prints a whole secret (%s…):\n%s", what, s[:4], out)
		}
	}
}

// Every output of every integration shows flagged secrets masked, never
// whole: the text, JSON and SARIF outputs, -fix and its -diff, go vet, and
// the golangci-lint plugin's messages.
func TestNoOutputContainsAWholeSecret(t *testing.T) {
	dir := secretsModule(t)
	if src := readFile(t, filepath.Join(dir, "main.go")); !strings.Contains(src, fakeSecrets["githubToken"]) || !strings.Contains(src, dsnPassword) {
		t.Fatal("the fixture does not hold the secrets whole: the assertions below would prove nothing")
	}
	text := run(t, dir, []string{"PRODLINT_CONFIG="}, prodlintBin, "./...")
	// The fixture is only meaningful if every secret is found.
	if got := strings.Count(text.stdout, "[secret-literal]"); got != len(fakeSecrets)+1 {
		t.Fatalf("secret-literal reported %d secrets, want %d:\n%s", got, len(fakeSecrets)+1, text.output())
	}
	if !strings.Contains(text.stdout, "[secret-logged]") || !strings.Contains(text.stdout, "AKIA****") {
		t.Fatalf("want secret-logged findings and masked values:\n%s", text.output())
	}
	assertNoSecret(t, "prodlint text output", text.output())
	for _, flag := range []string{"-json", "-sarif", "-diff"} {
		r := run(t, dir, []string{"PRODLINT_CONFIG="}, prodlintBin, flag, "./...")
		// Every fix here replaces a secret: -diff leaves them all out.
		if r.code == 3 || r.code == 2 || (len(r.stdout) == 0) != (flag == "-diff") {
			t.Fatalf("prodlint %s: exit %d\n%s", flag, r.code, r.output())
		}
		assertNoSecret(t, "prodlint "+flag, r.output())
	}

	vet := goVet(t, dir, []string{"PRODLINT_CONFIG="}, "./...")
	if !strings.Contains(vet.output(), "[secret-literal]") {
		t.Fatalf("go vet reported no secret:\n%s", vet.output())
	}
	assertNoSecret(t, "go vet -vettool", vet.output())
	vetJSON := goVet(t, dir, []string{"PRODLINT_CONFIG="}, "-json", "./...")
	assertNoSecret(t, "go vet -vettool -json", vetJSON.output())

	// golangci-lint prints the flagged source line under each issue by
	// default; with print-issued-lines off (documented for repositories
	// that lint secrets) only the plugin's messages remain.
	cfg := golangciConfig("") + `output:
  formats:
    text:
      path: stdout
      print-issued-lines: false
`
	gcl := golangciLint(t, dir, cfg, "./...")
	if !strings.Contains(gcl.output(), "[secret-literal]") {
		t.Fatalf("golangci-lint reported no secret:\n%s", gcl.output())
	}
	assertNoSecret(t, "golangci-lint plugin messages", gcl.output())

	// Last, -fix rewrites the literals to environment reads; its own
	// messages name no secret either.
	fixed := run(t, dir, []string{"PRODLINT_CONFIG="}, prodlintBin, "-fix", "./...")
	assertNoSecret(t, "prodlint -fix", fixed.output())
	if src := readFile(t, filepath.Join(dir, "main.go")); !strings.Contains(src, "os.Getenv(") {
		t.Errorf("-fix did not replace the literals:\n%s", src)
	}
}
