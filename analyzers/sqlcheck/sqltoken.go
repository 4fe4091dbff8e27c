package sqlcheck

import (
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/summary/sqlsum"
)

// tokKind is the kind of a SQL token.
type tokKind int

const (
	tWord   tokKind = iota // keyword or identifier, upper-cased in text
	tString                // '...' or E'...' or $tag$...$tag$; text is the content
	tIdent                 // "quoted identifier"
	tNumber
	tParam // $1, ?, :name
	tPunct // ( ) , ; . *
	tOp    // any other operator: ||, =, ::, <>, ...
	tHole  // a value the Go code inserts (a non-constant part, a Sprintf verb)
)

// hole stands in the query text for the parts the Go code computes.
const hole = sqlsum.Hole

// sqlToken is one SQL token: its kind, its text and its byte offset in the
// query.
type sqlToken struct {
	kind tokKind
	text string
	off  int
}

func (t sqlToken) is(kind tokKind, text string) bool { return t.kind == kind && t.text == text }

// tokenize splits a PostgreSQL/MySQL query into tokens. It skips -- and
// /* */ comments (nested, as PostgreSQL allows) and keeps string literals,
// quoted identifiers and dollar-quoted bodies as single tokens, so that no
// check ever looks inside them. Unterminated constructs run to the end.
func tokenize(s string) []sqlToken {
	var toks []sqlToken
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '-' && strings.HasPrefix(s[i:], "--"):
			i = skipLine(s, i)
		case c == '#' && !strings.HasPrefix(s[i:], "#>") && !strings.HasPrefix(s[i:], "#-"): // MySQL comment
			i = skipLine(s, i)
		case c == '/' && strings.HasPrefix(s[i:], "/*"):
			i = skipBlockComment(s, i)
		case c == '\'':
			end, text := quoted(s, i, '\'', false)
			toks = append(toks, sqlToken{tString, text, i})
			i = end
		case (c == 'E' || c == 'e') && i+1 < len(s) && s[i+1] == '\'' && !isWordByte(prev(s, i)):
			end, text := quoted(s, i+1, '\'', true)
			toks = append(toks, sqlToken{tString, text, i})
			i = end
		case c == '"' || c == '`':
			end, text := quoted(s, i, c, false)
			toks = append(toks, sqlToken{tIdent, text, i})
			i = end
		case c == '$' && i+1 < len(s) && isDigit(s[i+1]):
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			toks = append(toks, sqlToken{tParam, s[i:j], i})
			i = j
		case c == '$':
			if end, text, ok := dollarQuoted(s, i); ok {
				toks = append(toks, sqlToken{tString, text, i})
				i = end
				continue
			}
			toks = append(toks, sqlToken{tOp, "$", i})
			i++
		case c == '?':
			toks = append(toks, sqlToken{tParam, "?", i})
			i++
		case c == ':' && i+1 < len(s) && isWordStart(s[i+1]) && prev(s, i) != ':':
			j := i + 1
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			toks = append(toks, sqlToken{tParam, s[i:j], i})
			i = j
		case c == hole:
			toks = append(toks, sqlToken{tHole, "", i})
			i++
		case isWordStart(c):
			j := i
			for j < len(s) && (isWordByte(s[j]) || s[j] == '$') {
				j++
			}
			toks = append(toks, sqlToken{tWord, strings.ToUpper(s[i:j]), i})
			i = j
		case isDigit(c):
			j := i
			for j < len(s) && (isDigit(s[j]) || s[j] == '.' || s[j] == 'e' || s[j] == 'E') {
				j++
			}
			toks = append(toks, sqlToken{tNumber, s[i:j], i})
			i = j
		case strings.IndexByte("(),;.*[]", c) >= 0:
			toks = append(toks, sqlToken{tPunct, string(c), i})
			i++
		default:
			j := i + 1
			for j < len(s) && strings.IndexByte("+-<>=~!@#%^&|`?:/", s[j]) >= 0 &&
				!strings.HasPrefix(s[j:], "--") && !strings.HasPrefix(s[j:], "/*") {
				j++
			}
			toks = append(toks, sqlToken{tOp, s[i:j], i})
			i = j
		}
	}
	return toks
}

func skipLine(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(s)
}

func skipBlockComment(s string, i int) int {
	depth := 0
	for i < len(s) {
		switch {
		case strings.HasPrefix(s[i:], "/*"):
			depth++
			i += 2
		case strings.HasPrefix(s[i:], "*/"):
			depth--
			i += 2
			if depth == 0 {
				return i
			}
		default:
			i++
		}
	}
	return len(s)
}

// quoted reads a literal that starts with the quote at s[i]; a doubled
// quote is an escaped one, and so is a backslash-escaped one in E'...'.
func quoted(s string, i int, q byte, backslash bool) (end int, text string) {
	var b strings.Builder
	for j := i + 1; j < len(s); j++ {
		switch {
		case backslash && s[j] == '\\' && j+1 < len(s):
			b.WriteByte(s[j+1])
			j++
		case s[j] == q && j+1 < len(s) && s[j+1] == q:
			b.WriteByte(q)
			j++
		case s[j] == q:
			return j + 1, b.String()
		default:
			b.WriteByte(s[j])
		}
	}
	return len(s), b.String()
}

// dollarQuoted reads $tag$...$tag$ starting at s[i].
func dollarQuoted(s string, i int) (end int, text string, ok bool) {
	j := i + 1
	for j < len(s) && isWordByte(s[j]) {
		j++
	}
	if j >= len(s) || s[j] != '$' {
		return 0, "", false
	}
	tag := s[i : j+1]
	body := j + 1
	k := strings.Index(s[body:], tag)
	if k < 0 {
		return len(s), s[body:], true
	}
	return body + k + len(tag), s[body : body+k], true
}

func prev(s string, i int) byte {
	if i == 0 {
		return ' '
	}
	return s[i-1]
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isWordStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}
func isWordByte(c byte) bool { return isWordStart(c) || isDigit(c) }
