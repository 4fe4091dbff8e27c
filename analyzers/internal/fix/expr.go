package fix

import (
	"math/bits"
	"strconv"
	"time"
)

// Duration writes d as a Go expression in its largest exact unit, using
// the time package under the name timeName (from NameAt): "time.Minute",
// "30 * time.Second", "1500 * time.Millisecond".
func Duration(d time.Duration, timeName string) string {
	units := []struct {
		unit time.Duration
		name string
	}{
		{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"},
		{time.Millisecond, "Millisecond"}, {time.Microsecond, "Microsecond"}, {time.Nanosecond, "Nanosecond"},
	}
	for _, u := range units {
		if d%u.unit != 0 {
			continue
		}
		if d == u.unit {
			return timeName + "." + u.name
		}
		return strconv.FormatInt(int64(d/u.unit), 10) + " * " + timeName + "." + u.name
	}
	return timeName + ".Duration(" + strconv.FormatInt(int64(d), 10) + ")" // unreachable: every duration is whole nanoseconds
}

// Size writes a byte count as a Go expression: powers of two from 1 KiB
// up as shifts ("1<<20"), other counts in decimal.
func Size(n int64) string {
	if n >= 1<<10 && n&(n-1) == 0 {
		return "1<<" + strconv.Itoa(bits.TrailingZeros64(uint64(n)))
	}
	return strconv.FormatInt(n, 10)
}
