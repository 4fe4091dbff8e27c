package secrets

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// loggedArg is an argument of a log or print sink that holds a secret, a
// candidate of secret-logged.
type loggedArg struct {
	lc  *loggedChecker
	arg ast.Expr
	// verb is the printf verb that prints the argument, or 0.
	verb rune
	// cmd is the command-line command handler a fmt print is in; mainFn
	// the function of a main package it is in (zero cursors otherwise).
	cmd, mainFn inspector.Cursor
	// named: the secret is known only by a name; sel is the field
	// selection that named it, if any.
	named bool
	sel   *types.Selection
}

// loggedArgQuiet are the safe forms of a printed secret: it is not
// printed, it is a command's output, or only its name says it is a
// credential.
var loggedArgQuiet = []rule.QuietForm[loggedArg]{
	{
		Name:    "type-or-address-verb",
		Doc:     "An argument printed with %T or %p: the type or the address is printed, not the value.",
		Applies: func(c loggedArg) bool { return c.verb == 'T' || c.verb == 'p' },
	},
	{
		Name: "command-output",
		Doc: "fmt.Print* of a variable the function made (or its field) inside a command-line command handler (a " +
			"function taking a urfave/cli *cli.Context or *cli.Command, or a *cobra.Command): a command that generates " +
			"a key or creates a token and prints it writes its output to the operator's terminal, not a log (logging " +
			"it with log or slog, or printing the process's configured secret, is still reported).",
		Applies: func(c loggedArg) bool { return c.cmd.Valid() && madeIn(c.lc.TypesInfo, c.cmd, c.arg) },
	},
	{
		Name: "created-credential-output",
		Doc: "fmt.Print* in a main package of a variable the function assigned from a call whose name starts with a " +
			"creating verb (Create, Generate, Issue, New, Mint, Sign...): a command-line program printing the " +
			"credential it was run to create.",
		Applies: func(c loggedArg) bool {
			return c.mainFn.Valid() && madeIn(c.lc.TypesInfo, c.mainFn, c.arg) && createdByCall(c.lc.TypesInfo, c.mainFn, c.arg)
		},
	},
	{
		Name: "redacted-header-copy",
		Doc: "A local http.Header (a copy such as req.Header.Clone()) in which Authorization, and every other " +
			"credential header the package writes or a cookie Jar adds, is overwritten with a constant or deleted " +
			"before the log on every path to it (unconditionally, or under `if h.Get(K) != \"\"`, also in a loop over " +
			"constant header names that does so for each), with no later " +
			"assignment of the variable or the header: the author logged a censored copy; the original header, a " +
			"conditional overwrite or another credential header left in is still reported.",
		Applies: func(c loggedArg) bool { return c.lc.redactedHeaderCopy(c.arg) },
	},
	{
		Name: "token-of-another-kind",
		Doc: "A field named Token of a type whose own name says which kind of token it holds with a word that " +
			"names no credential (a consistency, revision or sync token type such as RevisionToken): the type, not " +
			"the field, says what the value is.",
		Applies: func(c loggedArg) bool { return c.named && tokenOfAnotherKind(c.sel) },
	},
	{
		Name: "lexical-token",
		Doc: "A field named Token of a struct that also records a position in a text (a text/scanner.Position, " +
			"go/token.Pos or Position field, or a Line, Column or Offset field): a token of a parser or lexer, a " +
			"piece of the input, not a credential.",
		Applies: func(c loggedArg) bool { return c.named && lexicalToken(c.sel) },
	},
	{
		Name: "name-only",
		Doc: "A value whose only sign of a credential is a name: a secret-named variable or field, a value logged " +
			"under a secret-named key, or a struct printed whole with a secret-named field; reported only when " +
			"rules.toml sets names = true, since such names as often hold consistency, pagination, lexical or " +
			"challenge tokens, or the output of a command that creates a credential.",
		Applies: func(c loggedArg) bool { return c.named && !c.lc.opts.Names },
	},
}

// bareTokenField reports whether sel selects a field whose name is the
// single word token, and returns the struct type it belongs to.
func bareTokenField(sel *types.Selection) (*types.Named, *types.Struct, bool) {
	if sel == nil || sel.Kind() != types.FieldVal {
		return nil, nil, false
	}
	if w := splitWords(sel.Obj().Name()); len(w) != 1 || w[0] != "token" {
		return nil, nil, false
	}
	recv := sel.Recv()
	if p, ok := recv.Underlying().(*types.Pointer); ok {
		recv = p.Elem()
	}
	n, _ := types.Unalias(recv).(*types.Named)
	st, ok := recv.Underlying().(*types.Struct)
	return n, st, ok && len(sel.Index()) == 1
}

// credentialQualifiers before a final "token" in a type's name make the
// token a credential: AccessToken, IDToken, APIToken, SessionToken.
var credentialQualifiers = map[string]bool{
	"access": true, "refresh": true, "auth": true, "authentication": true, "authorization": true, "bearer": true,
	"api": true, "session": true, "id": true, "identity": true, "oauth": true, "oauth2": true, "jwt": true, "bot": true,
	"app": true, "personal": true, "service": true, "csrf": true, "xsrf": true, "login": true, "user": true,
	"client": true, "device": true, "deploy": true, "registration": true, "join": true, "invite": true,
	"invitation": true, "reset": true, "verification": true, "confirmation": true, "magic": true, "security": true,
	"signed": true, "sso": true, "saml": true, "federation": true, "workload": true, "account": true, "admin": true,
	"root": true, "master": true, "private": true, "secret": true, "webhook": true, "upload": true, "download": true,
}

// tokenOfAnotherKind reports whether sel selects a field named Token of a
// type named <word>Token whose qualifying words name no credential.
func tokenOfAnotherKind(sel *types.Selection) bool {
	n, _, ok := bareTokenField(sel)
	if !ok || n == nil {
		return false
	}
	words := splitWords(n.Obj().Name())
	if len(words) < 2 || words[len(words)-1] != "token" {
		return false
	}
	for _, w := range words[:len(words)-1] {
		if credentialQualifiers[w] || isSecretWord(w) || fixtureWords[w] {
			return false
		}
	}
	return true
}

// lexicalToken reports whether sel selects a field named Token of a
// struct that records a position in a text.
func lexicalToken(sel *types.Selection) bool {
	_, st, ok := bareTokenField(sel)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if match.IsNamed(f.Type(), "text/scanner", "Position") || match.IsNamed(f.Type(), "go/token", "Pos", "Position") {
			return true
		}
		if b, ok := f.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
			switch f.Name() {
			case "Line", "Column", "Col", "Offset":
				return true
			}
		}
	}
	return false
}

// credentialTypes are fields that hold a credential by their type's
// contract, whatever the variable that holds the struct is called.
var credentialTypes = []struct {
	pkg, typ string
	fields   []string
}{
	{"golang.org/x/oauth2", "Token", []string{"AccessToken", "RefreshToken"}},
	{"golang.org/x/oauth2", "Config", []string{"ClientSecret"}},
	{"golang.org/x/oauth2/clientcredentials", "Config", []string{"ClientSecret"}},
}

// credentialByType returns what e holds when it selects a field that is a
// credential by its type's contract (an oauth2.Token's AccessToken), or "".
func credentialByType(info *types.Info, e ast.Expr) string {
	f := match.FieldSelection(info, e)
	for _, ct := range credentialTypes {
		if match.IsFieldOf(f, ct.pkg, ct.typ, ct.fields...) {
			return "the " + f.Name() + " of an " + pathBase(ct.pkg) + "." + ct.typ
		}
	}
	return ""
}

func pathBase(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[i+1:]
		}
	}
	return path
}

// loggedCollected are the safe forms secret-logged decides while it
// collects candidates: the value is never one.
var loggedCollected = rule.Collected(
	rule.Form{Name: "not-a-credential-name", Doc: "Names that mention a credential but hold something else " +
		"(passwordHash, tokenURL, tokenCount, authMode, secretName) or are not about credentials (tokenizer, " +
		"author), and pagination tokens (NextToken, PageToken)."},
	rule.Form{Name: "transformed-value", Doc: "Values passed through any other function (mask(token), " +
		"hash(token), len(token)) or sliced (token[:4]), and variables assigned from a function named like " +
		"redact, mask, hash or sanitize."},
	rule.Form{Name: "constant-value", Doc: "Constants: their text is in the source, not a credential of the " +
		"running process."},
	rule.Form{Name: "non-string-value", Doc: "Non-string values known only by a name (a token.Token, a struct " +
		"named token)."},
	rule.Form{Name: "other-writer", Doc: "fmt.Fprint* to writers other than os.Stdout and os.Stderr (a " +
		"response, a buffer): not a log."},
	rule.Form{Name: "other-header", Doc: "Header values other than the credential " +
		"headers (Authorization, Cookie, API-key headers)."},
	rule.Form{Name: "response-header", Doc: "The Header field of an *http.Response: what " +
		"a peer answered, which holds none of the Authorization, Cookie or API-key headers of the request; also a " +
		"variable declared with one and never assigned again, and the result of a function of the analyzed " +
		"module(s) that returns one on every return (followed through its summary, in any package)."},
	rule.Form{Name: "stand-in-name", Doc: "Names of stand-ins (exampleToken, fakeAPIKey, testSecret)."},
	rule.Form{Name: "label-under-secret-key", Doc: "Values named as labels " +
		"(Name, Type, Method, Provider...) under a secret-named key (\"auth\": collection.Name)."},
	rule.Form{Name: "struct-hides-credentials", Doc: "Structs whose type controls " +
		"its own printing (a String, Format, GoString, Error, LogValue, MarshalLogObject or MarshalZerologObject " +
		"method; MarshalJSON for a structured logger), fields a structured logger does not encode (unexported, " +
		"or tagged json:\"-\"), credentials behind a nested pointer, which fmt prints as an address, and " +
		"credentials in a nested struct field named for something else (a packet's connect parameters, which " +
		"often belong to a variant the value does not carry)."},
	rule.Form{Name: "env-key-no-credential", Doc: "Environment reads of keys that " +
		"name no credential, and url.URL.Redacted."},
	rule.Form{Name: "signed-token-length", Doc: "The length of a signed token."},
	rule.Form{Name: "redacted-request-copy", Doc: "An httputil.DumpRequest or DumpRequestOut of the result of a " +
		"function of the package that returns a censored copy of a request (newReq := *req; newReq.Header = h; " +
		"return &newReq), h being a redacted header copy as `redacted-header-copy` says (also through a loop over " +
		"constant header names that overwrites or deletes each), set once, unconditionally, and not written after."},
)
