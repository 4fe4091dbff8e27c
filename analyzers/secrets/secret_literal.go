package secrets

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// LiteralOptions are secret-literal's rules.toml keys.
type LiteralOptions struct {
	Names      bool     `toml:"names" doc:"also report high-entropy values whose only sign of a credential is a secret-like name (password, token, apiKey...) they are bound to (off by default: on code the rule had never seen, such values were nearly always something else: error-code names, setting keys, header labels, human-readable text, a test package's fixed key)"`
	Entropy    float64  `toml:"entropy" doc:"with names = true, the minimum Shannon entropy, in bits per character, of a value bound to a secret-like name (known formats are reported whatever their entropy)"`
	MinLength  int      `toml:"min_length" doc:"with names = true, the minimum length of a value bound to a secret-like name"`
	Allow      []string `toml:"allow" doc:"regular expressions; a credential (or the whole string holding it) that matches one is not reported"`
	AllowPaths []string `toml:"allow_paths" doc:"globs of files whose literals are not checked, relative to the directory of rules.toml (\"**\" spans directories)"`
}

// Literal returns the secret-literal rule.
func Literal() *rule.Rule {
	return &rule.Rule{
		ID:         "secret-literal",
		Secrets:    true,
		Severity:   config.SeverityError,
		Enabled:    true,
		NewOptions: func() any { return &LiteralOptions{Entropy: 3.0, MinLength: 10} },
		Doc: rule.Doc{
			Title: "report credentials written as string literals",
			Why: "An AWS key committed to a public repository was scraped within a minute and ran up a five-figure bill by " +
				"morning. A credential in source is in every clone, fork, CI log, container image and backup, outlives the " +
				"person who wrote it, and cannot be rotated without a deploy. The rule reports string literals (constants, " +
				"variables, struct fields, map entries, composite literals, arguments, raw strings, struct tag defaults, " +
				"constant concatenations) that hold a credential of a documented format: a provider's token with its fixed " +
				"prefix and a random body, a PEM private key, a password inside a URL, DSN or connection string. With " +
				"names = true it also reports high-entropy values bound to a secret-like name (password, passwd, secret, " +
				"token, api_key/apiKey, access_key, private_key, credential, auth) by an identifier, struct field, struct " +
				"tag, map key, parameter or comparison. That tier is off by default: on modules the rule had never seen, " +
				"nearly every value it reported by name alone was something else (an error-code name in a list of codes, " +
				"a setting key's suffix, a header field label, an error description in another script, the fixed key of a " +
				"package only tests import), while the documented formats held.\n\n" +
				"Formats:\n" + formatsDoc(),
			Bad: "const awsAccessKeyID = \"AKIA…\"\n" +
				"client := github.NewClient(Config{Token: \"ghp_…\"})",
			Good: "awsAccessKeyID := os.Getenv(\"AWS_ACCESS_KEY_ID\")\n" +
				"client := github.NewClient(Config{Token: os.Getenv(\"GITHUB_TOKEN\")})",
			Scope: "The forms marked as not candidates are decided while the literals are collected, in every tier; the " +
				"others apply to values bound to a secret-like name (names = true). Options: names turns on the name-bound " +
				"check, entropy and min_length tune it, allow lists regular expressions of accepted values, allow_paths " +
				"lists globs of files not checked.",
			Fix: "For a struct field whose env or envconfig tag names its environment variable, replace the literal with " +
				"os.Getenv of that variable, adding the os import. Elsewhere the message suggests os.Getenv of an " +
				"UPPER_SNAKE name derived from the identifier but offers no fix: a name prodlint invents would read as real " +
				"configuration, and the value would be empty wherever nobody sets it. Rotate the credential as well: it is " +
				"in the history.",
		},
		Quiet: rule.Declare(literalCollected, literalOutOfScope, rule.Forms(namedValueQuiet)),
		Run:   runLiteral,
	}
}

// formatsDoc lists the known formats with their sources, for the docs.
func formatsDoc() string {
	var b strings.Builder
	for _, d := range detectors {
		fmt.Fprintf(&b, "- %s: %s (%s)\n", d.what, d.shape, d.source)
	}
	for _, f := range pairedFormats {
		fmt.Fprintf(&b, "- %s: %s (%s)\n", f.what, f.shape, f.source)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// leakCost is the production failure every secret-literal message names.
const leakCost = "every clone, fork, CI log and container image carries it, and scrapers try keys pushed to " +
	"public repositories within minutes; read it from the environment or a secret manager, and rotate it"

func runLiteral(p *rule.Pass) error {
	opts := rule.Options[LiteralOptions](p)
	allow, err := compileAllow(opts.Allow)
	if err != nil {
		return err
	}
	lc := &literalChecker{Pass: p, opts: opts, allow: allow, allowedFile: map[*token.File]bool{}}
	for c := range p.Cursors((*ast.BasicLit)(nil), (*ast.BinaryExpr)(nil)) {
		lc.visit(c)
	}
	return nil
}

// compileAllow compiles the allow option, naming it in the error.
func compileAllow(patterns []string) ([]*regexp.Regexp, error) {
	res := make([]*regexp.Regexp, 0, len(patterns))
	for _, pat := range patterns {
		re, err := regexp.Compile(pat)
		if err != nil {
			return nil, fmt.Errorf("option allow: invalid regular expression %q: %v", pat, err)
		}
		res = append(res, re)
	}
	return res, nil
}

type literalChecker struct {
	*rule.Pass
	opts        *LiteralOptions
	allow       []*regexp.Regexp
	allowedFile map[*token.File]bool // memoised allow_paths decisions
}

// visit checks one string value: a string literal, or the outermost
// constant concatenation of strings ("AKIA" + "…").
func (lc *literalChecker) visit(c inspector.Cursor) {
	value, ok := lc.rootValue(c)
	if !ok || len(value) < min(lc.opts.MinLength, 8) || lc.fileAllowed(c.Node().Pos()) {
		return
	}
	expr := c.Node().(ast.Expr)
	c = outermost(c)
	if kind, _ := c.ParentEdge(); kind == edge.Field_Tag {
		lc.visitTag(c, value)
		return
	}
	b := bindingOf(lc.TypesInfo, c)
	hits := lc.credentials(value)
	helpText := false // a connection string in help text was left out (help-text)
	if isHelpText(b) {
		n := len(hits)
		hits = withoutConnStrings(hits)
		helpText = n > 0 && len(hits) == 0
	}
	if len(hits) > 0 {
		for _, h := range hits {
			msg := fmt.Sprintf("string literal holds %s (%s): %s", h.what, h.shown, leakCost)
			sec := rule.Secret{Values: []string{h.secret, value}, Source: expr}
			if len(hits) == 1 && (h.start == 0 && h.end == len(value) || h.connString && !strings.Contains(value, "\n")) {
				lc.reportWithFix(expr, sec, msg, b)
			} else {
				lc.ReportSecret(expr, sec, msg)
			}
		}
		return
	}
	if f := pairedSecret(lc.TypesInfo, c, value, lc.opts.Entropy); f != nil && !lc.allowed(value) {
		lc.reportWithFix(expr, rule.Secret{Values: []string{value}, Source: expr},
			fmt.Sprintf("string literal holds %s (%s): %s", f.what, value, leakCost), b)
		return
	}
	if b.kind != secretName || !lc.opts.Names {
		if lc.Explaining() {
			lc.decideNotCandidate(c, expr, value, b, helpText)
		}
		return // by default only documented formats: a name alone is no evidence
	}
	v := trimAuthScheme(value)
	if !variedEnough(v, lc.opts.MinLength, lc.opts.Entropy) {
		if lc.Explaining() {
			lc.decideNotCandidate(c, expr, value, b, helpText)
		}
		return
	}
	if lc.allowed(v) || rule.Quiet(lc.Pass, expr, namedValueQuiet, namedValue{value: v, name: b.name, siblings: lc.siblingStrings(c)}) {
		return
	}
	verb := b.verb
	if verb == "" {
		verb = "is set to"
	}
	lc.reportWithFix(expr, rule.Secret{Values: []string{v, value}, Source: expr},
		fmt.Sprintf("%s %s a hardcoded high-entropy string (%s) that looks like a credential: %s", b.label, verb, v, leakCost), b)
}

// reportWithFix reports msg with the fix that reads the environment
// variable the code names (an env struct tag). Where the name would be
// prodlint's guess, the fix would invent configuration and leave the value
// empty wherever nobody sets that variable: the name is a hint in the
// message instead.
func (lc *literalChecker) reportWithFix(expr ast.Expr, sec rule.Secret, msg string, b binding) {
	if fixes := lc.envFix(b, expr); len(fixes) > 0 {
		lc.ReportSecret(expr, sec, msg, fixes...)
		return
	}
	if b.target != nil && b.envName != "" && !b.envTagged {
		msg += fmt.Sprintf(" (for example os.Getenv(%q); no fix is offered: the variable's name and how it is set are a deployment decision)", b.envName)
	}
	lc.ReportSecret(expr, sec, msg)
}

// isHelpText reports whether the value is documentation shown to a user:
// passed as a parameter, or set to a field, named usage, help or
// description (a flag's usage, a command's help). A connection string in
// it is an example of the syntax the flag takes (--help prints it to
// everyone), not a credential; a key of a known format is still reported.
func isHelpText(b binding) bool {
	words := splitWords(b.name)
	if len(words) == 0 {
		return false
	}
	switch words[len(words)-1] {
	case "usage", "help", "description", "desc":
		return true
	}
	return false
}

// withoutConnStrings drops the connection strings from hits.
func withoutConnStrings(hits []hit) []hit {
	kept := hits[:0]
	for _, h := range hits {
		if !h.inline {
			kept = append(kept, h)
		}
	}
	return kept
}

// visitTag checks a struct tag: a credential anywhere in it, or a
// default value (default:"...", envDefault:"...") of a secret-named field.
func (lc *literalChecker) visitTag(c inspector.Cursor, tag string) {
	lit := c.Node().(ast.Expr)
	for _, h := range lc.credentials(tag) {
		lc.ReportSecret(lit, rule.Secret{Values: []string{h.secret}, Source: lit}, fmt.Sprintf("struct tag holds %s (%s): %s", h.what, h.shown, leakCost))
		return
	}
	field := c.Parent().Node().(*ast.Field)
	kind := neutral
	for _, n := range field.Names {
		kind = max(kind, classifyName(n.Name))
	}
	st := reflect.StructTag(tag)
	for _, key := range tagKeys {
		name, _, _ := strings.Cut(st.Get(key), ",")
		if kind == neutral && name != "" {
			kind = classifyName(name)
		}
	}
	if kind != secretName || !lc.opts.Names {
		return
	}
	for _, key := range []string{"default", "envDefault"} {
		d := trimAuthScheme(st.Get(key))
		if credentialShaped(d, lc.opts.MinLength, lc.opts.Entropy) && !lc.allowed(d) {
			lc.ReportSecret(lit, rule.Secret{Values: []string{d}, Source: lit},
				fmt.Sprintf("struct tag %s gives a secret-named field a hardcoded high-entropy default (%s) that looks like a credential: %s", key, d, leakCost))
			return
		}
	}
}

// credentials returns the known-format credentials in v that the allow
// option does not accept.
func (lc *literalChecker) credentials(v string) []hit {
	if lc.allowed(v) {
		return nil
	}
	hits := findCredentials(v)
	kept := hits[:0]
	for _, h := range hits {
		if !lc.allowed(h.secret) {
			kept = append(kept, h)
		}
	}
	return kept
}

func (lc *literalChecker) allowed(v string) bool {
	for _, re := range lc.allow {
		if re.MatchString(v) {
			return true
		}
	}
	return false
}

// rootValue returns the string value of a literal, or of a constant string
// concatenation, unless the node is part of a larger constant
// concatenation (checked as a whole) or an import path.
func (lc *literalChecker) rootValue(c inspector.Cursor) (string, bool) {
	switch n := c.Node().(type) {
	case *ast.BasicLit:
		if n.Kind != token.STRING {
			return "", false
		}
		if kind, _ := c.ParentEdge(); kind == edge.ImportSpec_Path {
			return "", false
		}
	case *ast.BinaryExpr:
		if !literalConcat(n) {
			return "", false
		}
	}
	if lc.inConstConcat(c) {
		return "", false
	}
	if s, ok := match.ConstString(lc.TypesInfo, c.Node().(ast.Expr)); ok {
		return s, true
	}
	if lit, ok := c.Node().(*ast.BasicLit); ok { // struct tags have no type
		s, err := strconv.Unquote(lit.Value)
		return s, err == nil
	}
	return "", false
}

// inConstConcat reports whether the expression at c is an operand of a
// concatenation of string literals, which is checked as a whole.
func (lc *literalChecker) inConstConcat(c inspector.Cursor) bool {
	top := c
	for {
		p := outermost(top).Parent()
		bin, ok := p.Node().(*ast.BinaryExpr)
		if !ok || bin.Op != token.ADD {
			break
		}
		top = p
	}
	return top != c && literalConcat(top.Node().(ast.Expr))
}

// literalConcat reports whether e is a string literal or a concatenation
// of string literals. A concatenation that names a constant is not
// checked as a whole: the constant was checked where it is declared.
func literalConcat(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return e.Kind == token.STRING
	case *ast.BinaryExpr:
		return e.Op == token.ADD && literalConcat(e.X) && literalConcat(e.Y)
	}
	return false
}

// fileAllowed reports whether the file holding pos matches allow_paths.
func (lc *literalChecker) fileAllowed(pos token.Pos) bool {
	if len(lc.opts.AllowPaths) == 0 {
		return false
	}
	tf := lc.Fset.File(pos)
	if ok, seen := lc.allowedFile[tf]; seen {
		return ok
	}
	name := tf.Name()
	rel := name
	if cfgPath := lc.Package.Config.Path; cfgPath != "" {
		if r, err := filepath.Rel(filepath.Dir(cfgPath), name); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	ok := false
	for _, g := range lc.opts.AllowPaths {
		if config.MatchGlob(g, rel) || config.MatchGlob(g, filepath.Base(name)) {
			ok = true
			break
		}
	}
	lc.allowedFile[tf] = ok
	return ok
}

// outermost climbs from c through enclosing parentheses.
func outermost(c inspector.Cursor) inspector.Cursor {
	for {
		if _, ok := c.Parent().Node().(*ast.ParenExpr); !ok {
			return c
		}
		c = c.Parent()
	}
}

// siblingStrings returns the constant strings listed with the expression
// at c, itself included, when it is an argument of a call or an element
// of a composite literal; nil otherwise, or when one of them is not a
// constant string.
func (lc *literalChecker) siblingStrings(c inspector.Cursor) []string {
	var list []ast.Expr
	switch parent := c.Parent().Node().(type) {
	case *ast.CallExpr:
		if kind, _ := c.ParentEdge(); kind == edge.CallExpr_Args {
			list = parent.Args
		}
	case *ast.CompositeLit:
		list = parent.Elts
	}
	var out []string
	for _, e := range list {
		s, ok := match.ConstString(lc.TypesInfo, e)
		if !ok {
			return nil
		}
		out = append(out, s)
	}
	return out
}
