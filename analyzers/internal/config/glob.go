package config

import (
	"path"
	"strings"
)

// MatchGlob reports whether the slash-separated name matches pattern, where
// pattern is a path.Match pattern in which a "**" element matches zero or
// more whole path elements. A pattern that names a directory also matches
// every file below it ("gen" matches "gen/a.go").
func MatchGlob(pattern, name string) bool {
	pat := strings.Split(strings.Trim(pattern, "/"), "/")
	parts := strings.Split(name, "/")
	return matchParts(pat, parts, true)
}

func matchParts(pat, parts []string, prefixOK bool) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			for i := 0; i <= len(parts); i++ {
				if matchParts(rest, parts[i:], prefixOK) {
					return true
				}
			}
			return false
		}
		if len(parts) == 0 {
			return false
		}
		if ok, err := path.Match(pat[0], parts[0]); err != nil || !ok {
			return false
		}
		pat, parts = pat[1:], parts[1:]
	}
	// The pattern is used up: it matched the whole name, or a directory
	// that contains it.
	return len(parts) == 0 || prefixOK
}

// validGlob reports whether every element of pattern is a valid
// path.Match pattern.
func validGlob(pattern string) bool {
	for _, el := range strings.Split(pattern, "/") {
		if _, err := path.Match(el, ""); err != nil {
			return false
		}
	}
	return true
}
