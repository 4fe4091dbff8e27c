package secrets

import "strings"

// maxMaskStars bounds the asterisks of a masked value, so that a long
// secret (a PEM block, a connection string) does not fill the line.
const maxMaskStars = 16

// mask returns the form of a secret that findings may show: its first 4
// characters, then asterisks ("AKIA****************"). A value shorter
// than 16 characters shows at most a quarter of itself, so that no output
// of prodlint ever carries a whole secret or most of one.
func mask(secret string) string {
	rs := []rune(secret)
	show := 4
	if len(rs) < 16 {
		show = len(rs) / 4
	}
	stars := len(rs) - show
	stars = max(4, min(stars, maxMaskStars))
	return string(rs[:show]) + strings.Repeat("*", stars)
}
