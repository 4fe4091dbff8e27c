package httpclient

import (
	"testing"
	"time"
)

func TestDurationExpr(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{30 * time.Second, "30 * time.Second"},
		{time.Minute, "time.Minute"},
		{90 * time.Second, "90 * time.Second"},
		{2 * time.Hour, "2 * time.Hour"},
		{1500 * time.Millisecond, "1500 * time.Millisecond"},
		{7, "7 * time.Nanosecond"},
	} {
		if got := durationExpr(tc.d, "time"); got != tc.want {
			t.Errorf("durationExpr(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}
