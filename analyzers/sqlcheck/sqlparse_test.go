package sqlcheck

import "testing"

func TestSelectStars(t *testing.T) {
	tests := []struct {
		sql   string
		stars int
	}{
		{"SELECT * FROM users", 1},
		{"select distinct on (a) * from t", 1},
		{"SELECT id, * FROM t", 1},
		{"SELECT id FROM a UNION SELECT * FROM b", 1},
		{"WITH x AS (SELECT * FROM t) SELECT * FROM x", 1},
		{"WITH x AS (SELECT * FROM t) SELECT id FROM x", 0},
		{"(SELECT * FROM t)", 0},
		{"SELECT count(*) FROM t", 0},
		{"SELECT EXISTS (SELECT * FROM t)", 0},
		{"SELECT t.* FROM t", 0},
		{"SELECT a * b FROM t", 0},
		{"SELECT id FROM t -- SELECT * FROM t", 0},
		{"SELECT id /* SELECT * /* nested */ FROM t */ FROM t", 0},
		{"SELECT 'SELECT * FROM t' FROM t", 0},
		{"SELECT E'it\\'s SELECT * ' FROM t", 0},
		{`SELECT "SELECT * FROM" FROM t`, 0},
		{"SELECT $fn$ SELECT * FROM t $fn$", 0},
		{"INSERT INTO a SELECT * FROM b", 0},
		{"UPDATE t SET a = 1 RETURNING *", 0},
		{"SELECT id FROM t; SELECT * FROM u", 1},
		{"SELECT *", 1},
	}
	for _, tt := range tests {
		got := 0
		for _, st := range statements(tokenize(tt.sql)) {
			got += len(st.selectStars())
		}
		if got != tt.stars {
			t.Errorf("%q: %d stars, want %d", tt.sql, got, tt.stars)
		}
	}
}

func TestLikes(t *testing.T) {
	tests := []struct {
		sql     string
		leading bool
	}{
		{"SELECT 1 FROM t WHERE a LIKE '%x'", true},
		{"SELECT 1 FROM t WHERE a NOT ILIKE '%' || $1", true},
		{"SELECT 1 FROM t WHERE a LIKE ('%' || $1)", true},
		{"SELECT 1 FROM t WHERE a LIKE concat('%', ?)", true},
		{"SELECT 1 FROM t WHERE a LIKE 'x%'", false},
		{"SELECT 1 FROM t WHERE a LIKE $1 || '%'", false},
		{"SELECT 1 FROM t WHERE a LIKE lower($1)", false},
	}
	for _, tt := range tests {
		sts := statements(tokenize(tt.sql))
		likes := sts[0].likes()
		if len(likes) != 1 || likes[0].leading != tt.leading {
			t.Errorf("%q: likes = %+v, want one with leading = %v", tt.sql, likes, tt.leading)
		}
	}
}
