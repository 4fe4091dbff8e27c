package secrets

import (
	"regexp"
	"strings"

	"github.com/prodlint/prodlint/internal/secret"
)

// A detector finds one documented credential format in a string value.
type detector struct {
	what   string   // the credential, with its article: "an AWS access key id"
	shape  string   // the format as the docs describe it
	source string   // where the format is documented
	hints  []string // one of them occurs in every match: the cheap prefilter
	find   func(v string) []hit
	// pattern and group are a token format's expression and the group
	// that is the token, before find drops placeholders and tokens of
	// little variety (nil for the other formats).
	pattern *regexp.Regexp
	group   int
}

// A hit is one credential found in a value.
type hit struct {
	what       string
	secret     string // the credential itself: matched against allow, never printed
	shown      string // what the message may show: masked, or a description
	start, end int    // the credential's span within the value
	// connString marks a connection string: the whole literal is then the
	// configuration value the fix reads from the environment.
	connString bool
	// inline marks a password inside a URL, DSN or connection string,
	// wherever it sits in the literal.
	inline bool
}

// minBodyEntropy is the variety a token's random part must have: real
// tokens are random, hand-typed fakes ("AKIA0000000000000000") are not.
const minBodyEntropy = 2.5

// tokenDetector matches a token format: pattern's group (0 for the whole
// match) is the token, whose first prefixLen characters are a fixed prefix.
func tokenDetector(what, shape, source, pattern string, group, prefixLen int, hints ...string) detector {
	re := regexp.MustCompile(pattern)
	return detector{what: what, shape: shape, source: source, hints: hints, pattern: re, group: group, find: func(v string) []hit {
		var hits []hit
		for _, m := range re.FindAllStringSubmatchIndex(v, -1) {
			start, end := m[2*group], m[2*group+1]
			tok := v[start:end]
			if isPlaceholder(tok) || entropy(tok[min(prefixLen, len(tok)):]) < minBodyEntropy {
				continue
			}
			hits = append(hits, hit{what: what, secret: tok, shown: secret.Mask(tok), start: start, end: end})
		}
		return hits
	}}
}

// detectors lists the credential formats secret-literal knows, most
// specific first: a value is reported once per credential it holds.
var detectors = []detector{
	tokenDetector("an AWS access key id", "AKIA (long-term) or ASIA (temporary) followed by 16 upper-case letters or digits",
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids",
		`\b((?:AKIA|ASIA)[A-Z0-9]{16})\b`, 1, 4, "AKIA", "ASIA"),
	tokenDetector("an AWS secret access key", "40 base64 characters assigned to aws_secret_access_key in configuration text",
		"https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html",
		`(?i:aws_?secret_?access_?key)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+]|$)`, 1, 0,
		"secret_access_key", "SECRET_ACCESS_KEY", "SecretAccessKey", "secretAccessKey"),
	tokenDetector("a GitHub token", "ghp_ (personal), gho_ (OAuth), ghu_ (user-to-server), ghs_ (installation) or ghr_ (refresh) followed by 36 letters or digits",
		"https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/",
		`\b(gh[pousr]_[A-Za-z0-9]{36})\b`, 1, 4, "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
	tokenDetector("a GitHub fine-grained personal access token", "github_pat_ followed by 22 letters or digits, an underscore and 59 more",
		"https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats",
		`\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b`, 1, 11, "github_pat_"),
	tokenDetector("a Slack token", "xoxb-, xoxp-, xoxa-, xoxo-, xoxr- or xoxs- followed by dash-separated numeric ids and a random part",
		"https://api.slack.com/authentication/token-types",
		`\b(xox[abposr]-(?:[0-9]+-)+[A-Za-z0-9]{16,})\b`, 1, 5, "xox"),
	tokenDetector("a Slack incoming webhook URL", "https://hooks.slack.com/services/T…/B…/ followed by 24 letters or digits",
		"https://api.slack.com/messaging/webhooks",
		`(https://hooks\.slack\.com/services/T[A-Z0-9]{8,}/B[A-Z0-9]{8,}/[A-Za-z0-9]{24})\b`, 1, 34, "hooks.slack.com/services/"),
	tokenDetector("a Stripe live secret key", "sk_live_ (secret) or rk_live_ (restricted) followed by 24 or more letters or digits; sk_test_ keys are not reported",
		"https://docs.stripe.com/keys",
		`\b([sr]k_live_[A-Za-z0-9]{24,})\b`, 1, 8, "k_live_"),
	tokenDetector("an Anthropic API key", "sk-ant-api03- (or another sk-ant- kind and version) followed by 32 or more letters, digits, - or _",
		"https://docs.anthropic.com/en/api/overview#authentication",
		`\b(sk-ant-[a-z]+[0-9]{2}-[A-Za-z0-9_-]{32,})`, 1, 13, "sk-ant-"),
	tokenDetector("an OpenAI API key", "sk-proj-, sk-svcacct- or sk-admin- followed by 40 or more letters, digits, - or _; or a legacy sk- key holding T3BlbkFJ or 48 letters and digits",
		"https://platform.openai.com/docs/api-reference/authentication",
		`\b(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|sk-[A-Za-z0-9]{48})(?:[^A-Za-z0-9_-]|$)`, 1, 3, "sk-"),
	tokenDetector("a Google API key", "AIza followed by 35 letters, digits, - or _",
		"https://cloud.google.com/docs/authentication/api-keys",
		`\b(AIza[0-9A-Za-z_-]{35})(?:[^0-9A-Za-z_-]|$)`, 1, 4, "AIza"),
	tokenDetector("a SendGrid API key", "SG. followed by 22 characters, a dot and 43 characters (letters, digits, - or _)",
		"https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
		`\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?:[^A-Za-z0-9_-]|$)`, 1, 3, "SG."),
	tokenDetector("a Twilio API key SID", "SK followed by 32 lower-case hex digits (its secret is reported when it stands next to it)",
		"https://www.twilio.com/docs/iam/api-keys",
		`\b(SK[0-9a-f]{32})\b`, 1, 2, "SK"),
	{
		what: "a PEM private key", shape: "a -----BEGIN … PRIVATE KEY----- block (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP or PKCS #8) with a body of at least 64 base64 characters; a lone header line is not reported",
		source: "https://www.rfc-editor.org/rfc/rfc7468", hints: []string{"PRIVATE KEY"}, find: findPEM,
	},
	{
		what: "a URL with an inline password", shape: "scheme://user:password@host (postgres, mysql, mongodb, redis, amqp, https, …)",
		source: "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1", hints: []string{"://"}, find: findURLPassword,
	},
	{
		what: "a MySQL DSN with an inline password", shape: "user:password@tcp(host)/db or user:password@unix(socket)/db",
		source: "https://github.com/go-sql-driver/mysql#dsn-data-source-name", hints: []string{"@tcp(", "@unix("}, find: findMySQLPassword,
	},
	{
		what: "a connection string with an inline password", shape: "key=value pairs with password= (or pwd=) next to host=, server=, user= or dbname=",
		source: "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-KEYWORD-VALUE",
		hints:  []string{"password=", "PASSWORD=", "Password=", "pwd=", "PWD=", "Pwd=", "password =", "Password ="}, find: findKeyValuePassword,
	},
}

// findCredentials returns the credentials of the known formats in v,
// leaving out any that overlaps one found before it.
func findCredentials(v string) []hit {
	var hits []hit
	for _, d := range detectors {
		if !containsAny(v, d.hints) {
			continue
		}
		for _, h := range d.find(v) {
			if !overlapsAny(h, hits) {
				hits = append(hits, h)
			}
		}
	}
	return hits
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func overlapsAny(h hit, hits []hit) bool {
	for _, o := range hits {
		if h.start < o.end && o.start < h.end {
			return true
		}
	}
	return false
}

var (
	pemBegin = regexp.MustCompile(`-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----`)
	pemBody  = regexp.MustCompile(`[A-Za-z0-9+/]`)
)

// findPEM finds private key blocks that hold key material. A header line
// alone is a constant a parser compares against, not a key.
func findPEM(v string) []hit {
	var hits []hit
	for _, m := range pemBegin.FindAllStringSubmatchIndex(v, -1) {
		body := v[m[1]:]
		end := len(v)
		if i := strings.Index(body, "-----END"); i >= 0 {
			body = body[:i]
			end = m[1] + i
			if j := strings.Index(v[end+len("-----END"):], "-----"); j >= 0 {
				end += len("-----END") + j + len("-----")
			}
		}
		// Drop RFC 1421 headers (Proc-Type, DEK-Info) before counting.
		var material strings.Builder
		for _, line := range strings.Split(body, "\n") {
			if !strings.Contains(line, ":") {
				material.WriteString(line)
			}
		}
		if len(pemBody.FindAllString(material.String(), 64)) < 64 || isPlaceholder(material.String()) {
			continue
		}
		label := v[m[2]:m[3]]
		hits = append(hits, hit{what: "a PEM " + label + " block", secret: v[m[0]:end], shown: "-----BEGIN " + label + "-----", start: m[0], end: end})
	}
	return hits
}

var urlUserinfo = regexp.MustCompile(`\b([a-zA-Z][a-zA-Z0-9+.-]*)://([^\s:/?#@"'` + "`" + `]*):([^\s/?#@"'` + "`" + `]+)@([^\s/?#"'` + "`" + `]+)`)

// findURLPassword finds URLs that carry a password in their userinfo
// (postgres://app:s3cret@db.internal/app), unless the password is a
// placeholder or a well-known default, or the host is a local or example
// one.
func findURLPassword(v string) []hit {
	var hits []hit
	for _, m := range urlUserinfo.FindAllStringSubmatchIndex(v, -1) {
		scheme, user, pass, host := v[m[2]:m[3]], v[m[4]:m[5]], v[m[6]:m[7]], v[m[8]:m[9]]
		if !realPassword(user, pass) || localHost(host) {
			continue
		}
		shown := scheme + "://" + secret.Mask(user) + ":****@" + host
		hits = append(hits, hit{what: "a " + scheme + " URL with an inline password", secret: pass, shown: shown, start: m[0], end: m[1], connString: m[0] == 0, inline: true})
	}
	return hits
}

var mysqlDSN = regexp.MustCompile(`^([^\s:@/()]+):([^\s@/()]+)@(?:tcp|unix)\(([^)]*)\)`)

// findMySQLPassword finds a go-sql-driver/mysql DSN with a password.
func findMySQLPassword(v string) []hit {
	m := mysqlDSN.FindStringSubmatchIndex(v)
	if m == nil {
		return nil
	}
	user, pass, host := v[m[2]:m[3]], v[m[4]:m[5]], v[m[6]:m[7]]
	if !realPassword(user, pass) || localHost(host) {
		return nil
	}
	return []hit{{what: "a MySQL DSN with an inline password", secret: pass, shown: secret.Mask(user) + ":****@tcp(" + host + ")", start: m[0], end: m[1], connString: true, inline: true}}
}

var (
	kvPassword = regexp.MustCompile(`(?i)(?:^|[\s;])(?:password|pwd)(?:=|\s+=\s+)('[^']+'|[^\s;'(),]{4,})(?:[\s;]|$)`)
	kvPeer     = regexp.MustCompile(`(?i)(?:^|[\s;])(host|server|data source|user|user id|uid|dbname|database)(?:=|\s+=\s+)('[^']*'|[A-Za-z0-9_.:/\[\]-]+)`)
)

// findKeyValuePassword finds password= in a libpq or ADO.NET style
// connection string ("host=db user=app password=... dbname=app").
func findKeyValuePassword(v string) []hit {
	m := kvPassword.FindStringSubmatchIndex(v)
	if m == nil {
		return nil
	}
	peers := kvPeer.FindAllStringSubmatch(v, -1)
	if len(peers) == 0 {
		return nil
	}
	user, host := "", ""
	for _, p := range peers {
		switch strings.ToLower(p[1]) {
		case "host", "server", "data source":
			host = strings.Trim(p[2], "'")
		case "user", "user id", "uid":
			user = strings.Trim(p[2], "'")
		}
	}
	pass := strings.Trim(v[m[2]:m[3]], "'")
	if !realPassword(user, pass) || (host != "" && localHost(host)) {
		return nil
	}
	return []hit{{what: "a connection string with an inline password", secret: pass, shown: "password=****", start: m[2], end: m[3], connString: true, inline: true}}
}

// defaultPasswords are the stock passwords of local databases, brokers
// and tutorials: "postgres://postgres:postgres@db", "guest:guest".
var defaultPasswords = map[string]bool{
	"password": true, "pass": true, "passwd": true, "pwd": true, "pw": true, "secret": true,
	"root": true, "admin": true, "postgres": true, "mysql": true, "guest": true, "test": true,
	"user": true, "username": true, "dev": true, "local": true, "default": true, "token": true,
	"apikey": true, "api_key": true, "key": true, "x-oauth-basic": true,
}

// realPassword reports whether pass, the password of user, could be a
// real one: not empty, a placeholder, a template or environment
// reference, an upper-case name (PASSWORD, DB_PASS), a stock password or
// the user name again.
func realPassword(user, pass string) bool {
	switch {
	case pass == "", pass == user, isPlaceholder(pass),
		envVarName.MatchString(pass), defaultPasswords[strings.ToLower(pass)],
		strings.Trim(pass, "*x.") == "":
		return false
	}
	return true
}

// localHost reports whether host (with an optional port) is the local
// machine or a documentation domain: connection strings for local
// development and examples, not production credentials.
func localHost(host string) bool {
	h := strings.ToLower(host)
	if i := strings.LastIndex(h, "@"); i >= 0 {
		h = h[i+1:]
	}
	if strings.HasPrefix(h, "[") {
		if i := strings.Index(h, "]"); i >= 0 {
			h = h[1:i]
		}
	} else if i := strings.LastIndex(h, ":"); i >= 0 && strings.Count(h, ":") == 1 {
		h = h[:i]
	}
	switch h {
	case "localhost", "127.0.0.1", "0.0.0.0", "::1", "host.docker.internal":
		return true
	}
	return strings.HasSuffix(h, ".localhost") || strings.HasSuffix(h, ".test") ||
		strings.HasSuffix(h, ".invalid") || strings.HasSuffix(h, ".example") ||
		h == "example.com" || h == "example.org" || h == "example.net" ||
		strings.HasSuffix(h, ".example.com") || strings.HasSuffix(h, ".example.org") || strings.HasSuffix(h, ".example.net")
}
