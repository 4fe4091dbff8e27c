package config

import (
	"strings"
)

// KeyLine returns the 1-based line of data on which the key path is
// defined, or 0 when it cannot be found. The TOML library reports unknown
// keys and type mismatches without a position, so the file is scanned
// here: table headers ([a.b], [[a.b]]) set the current table, and a
// "key = value" line defines the current table's path plus its (possibly
// dotted) key. A path that names a table is found at its header.
func KeyLine(data []byte, path []string) int {
	want := strings.Join(path, "\x00")
	var table []string
	inMultiline := ""
	for i, line := range strings.Split(string(data), "\n") {
		s := strings.TrimSpace(line)
		if inMultiline != "" {
			if strings.Contains(s, inMultiline) {
				inMultiline = ""
			}
			continue
		}
		if s == "" || s[0] == '#' {
			continue
		}
		if s[0] == '[' {
			header := strings.Trim(stripComment(s), "[] \t")
			table = splitKey(header)
			if strings.Join(table, "\x00") == want {
				return i + 1
			}
			continue
		}
		eq := indexOutsideQuotes(s, '=')
		if eq < 0 {
			continue
		}
		key := append(append([]string{}, table...), splitKey(strings.TrimSpace(s[:eq]))...)
		joined := strings.Join(key, "\x00")
		if joined == want || strings.HasPrefix(joined, want+"\x00") {
			return i + 1
		}
		// A prefix of the path defined inline (rules = {...}) is the
		// best place to point at.
		if strings.HasPrefix(want, joined+"\x00") {
			return i + 1
		}
		rest := strings.TrimSpace(s[eq+1:])
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(rest, q) && !strings.Contains(rest[3:], q) {
				inMultiline = q
			}
		}
	}
	return 0
}

// splitKey splits a dotted TOML key into its parts, unquoting quoted parts.
func splitKey(key string) []string {
	var parts []string
	var cur strings.Builder
	quote := byte(0)
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else {
				cur.WriteByte(c)
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			parts = append(parts, strings.TrimSpace(cur.String()))
			cur.Reset()
		case c == ' ' || c == '\t':
		default:
			cur.WriteByte(c)
		}
	}
	return append(parts, strings.TrimSpace(cur.String()))
}

func indexOutsideQuotes(s string, target byte) int {
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == target:
			return i
		}
	}
	return -1
}

func stripComment(s string) string {
	if i := indexOutsideQuotes(s, '#'); i >= 0 {
		return s[:i]
	}
	return s
}
