package sqlsum

import "testing"

func TestSprintfText(t *testing.T) {
	if got, want := sprintfText("LIKE '%%%s%%' LIMIT %[2]d"), "LIKE '%\x00%' LIMIT \x00"; got != want {
		t.Errorf("sprintfText = %q, want %q", got, want)
	}
}
