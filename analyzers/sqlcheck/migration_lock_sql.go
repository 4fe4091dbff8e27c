package sqlcheck

import "strings"

// lockFinding is a statement that takes a blocking lock on a table that
// may be large, and why.
type lockFinding struct {
	what string // the statement, as the message names it
	why  string // the lock it takes and for how long
	do   string // what to do instead
	// concurrentlyAt is, for CREATE INDEX, the offset in the query where
	// " CONCURRENTLY" goes; 0 otherwise.
	concurrentlyAt int
	// The safe forms of a statement that would otherwise lock (see
	// migrationLockQuiet): it acts on a table the same text creates, or it
	// is written in the form that does not block.
	newTable, concurrently, notValid, usingIndex, stableDefault bool
}

// volatileFuncs are PostgreSQL functions whose DEFAULT is evaluated per
// row, so that ADD COLUMN rewrites the table. now(), current_timestamp and
// other stable functions are evaluated once (PostgreSQL 11 and later).
var volatileFuncs = map[string]bool{
	"RANDOM": true, "GEN_RANDOM_UUID": true, "UUID_GENERATE_V1": true, "UUID_GENERATE_V1MC": true,
	"UUID_GENERATE_V4": true, "CLOCK_TIMESTAMP": true, "TIMEOFDAY": true, "NEXTVAL": true,
	"GEN_RANDOM_BYTES": true, "UUIDV7": true, "UUIDV4": true,
}

var serialTypes = map[string]bool{
	"SMALLSERIAL": true, "SERIAL": true, "BIGSERIAL": true, "SERIAL2": true, "SERIAL4": true, "SERIAL8": true,
}

// migrationLocks returns the blocking statements of a PostgreSQL script,
// and the statements of the same kinds written in a safe form (one of the
// flags of lockFinding set). Statements on a table the same script
// creates are marked newTable: a new table is empty and nobody waits on it.
func migrationLocks(sts []statement) []lockFinding {
	created := map[string]bool{}
	for _, st := range sts {
		if st.word(0) == "CREATE" {
			i := 1
			for st.word(i) == "TEMP" || st.word(i) == "TEMPORARY" || st.word(i) == "UNLOGGED" {
				i++
			}
			if st.word(i) == "TABLE" {
				i++
				if st.word(i) == "IF" && st.word(i+1) == "NOT" && st.word(i+2) == "EXISTS" {
					i += 3
				}
				name, _ := st.tableName(i)
				created[name] = true
			}
		}
	}
	var out []lockFinding
	for _, st := range sts {
		switch st.word(0) {
		case "CREATE":
			if f, ok := st.createIndexLock(created); ok {
				out = append(out, f)
			}
		case "ALTER":
			out = append(out, st.alterTableLocks(created)...)
		}
	}
	return out
}

// tableName reads a possibly schema-qualified, possibly quoted table name
// at i and returns its last part, normalized, and the index after it.
func (st statement) tableName(i int) (string, int) {
	name := ""
	for i < len(st.toks) {
		switch t := st.toks[i]; t.kind {
		case tWord:
			name = strings.ToLower(t.text)
		case tIdent:
			name = t.text
		default:
			return name, i
		}
		i++
		if i < len(st.toks) && st.toks[i].is(tPunct, ".") {
			i++
			continue
		}
		break
	}
	return name, i
}

func (st statement) createIndexLock(created map[string]bool) (lockFinding, bool) {
	i := 1
	if st.word(i) == "UNIQUE" {
		i++
	}
	if st.word(i) != "INDEX" {
		return lockFinding{}, false
	}
	if st.word(i+1) == "CONCURRENTLY" {
		return lockFinding{concurrently: true}, true
	}
	at := st.toks[i].off + len("INDEX")
	for ; i < len(st.toks); i++ {
		if st.depth[i] == 0 && st.word(i) == "ON" {
			break
		}
	}
	i++
	if st.word(i) == "ONLY" {
		i++
	}
	table, _ := st.tableName(i)
	return lockFinding{
		what:           "CREATE INDEX without CONCURRENTLY",
		why:            "holds a SHARE lock on the table for the whole index build: every INSERT, UPDATE and DELETE waits, for minutes on a large table",
		do:             "use CREATE INDEX CONCURRENTLY, run outside a transaction",
		concurrentlyAt: at,
		newTable:       created[table],
	}, true
}

func (st statement) alterTableLocks(created map[string]bool) []lockFinding {
	if st.word(1) != "TABLE" {
		return nil
	}
	i := 2
	if st.word(i) == "IF" && st.word(i+1) == "EXISTS" {
		i += 2
	}
	if st.word(i) == "ONLY" {
		i++
	}
	table, i := st.tableName(i)
	var out []lockFinding
	start := i
	for j := i; j <= len(st.toks); j++ {
		if j < len(st.toks) && !(st.depth[j] == 0 && st.toks[j].is(tPunct, ",")) {
			continue
		}
		if f, ok := st.actionLock(start, j); ok {
			f.newTable = created[table]
			out = append(out, f)
		}
		start = j + 1
	}
	return out
}

// actionLock checks one action of an ALTER TABLE, tokens [i, end).
func (st statement) actionLock(i, end int) (lockFinding, bool) {
	a := statement{toks: st.toks[i:end], depth: st.depth[i:end]}
	switch a.word(0) {
	case "ALTER":
		j := 1
		if a.word(j) == "COLUMN" {
			j++
		}
		j++ // the column
		if a.word(j) == "TYPE" || a.word(j) == "SET" && a.word(j+1) == "DATA" && a.word(j+2) == "TYPE" {
			return lockFinding{
				what: "ALTER COLUMN ... TYPE",
				why:  "rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock: reads and writes stop until it ends",
				do:   "add a column of the new type, backfill it in batches, then switch reads and writes to it",
			}, true
		}
	case "ADD":
		j := 1
		if a.word(j) == "CONSTRAINT" {
			j += 2
		}
		switch a.word(j) {
		case "FOREIGN", "CHECK":
			if a.has("NOT", "VALID") {
				return lockFinding{notValid: true}, true
			}
			return lockFinding{
				what: "ADD CONSTRAINT ... " + a.word(j) + " without NOT VALID",
				why:  "scans the whole table to validate existing rows while holding a lock that blocks writes",
				do:   "add it NOT VALID, then run ALTER TABLE ... VALIDATE CONSTRAINT in a separate statement, which lets writes through",
			}, true
		case "PRIMARY", "UNIQUE":
			if a.has("USING", "INDEX") {
				return lockFinding{usingIndex: true}, true
			}
			return lockFinding{
				what: "ADD CONSTRAINT ... " + a.word(j) + " without USING INDEX",
				why:  "builds its index under an ACCESS EXCLUSIVE lock: reads and writes stop until the build ends",
				do:   "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... USING INDEX",
			}, true
		case "EXCLUDE":
		default:
			return a.addColumnLock()
		}
	}
	return lockFinding{}, false
}

// addColumnLock checks ADD [COLUMN] [IF NOT EXISTS] name type ...
func (a statement) addColumnLock() (lockFinding, bool) {
	rewrite := lockFinding{
		why: "rewrites the whole table under an ACCESS EXCLUSIVE lock, since each row needs its own value: reads and writes stop until it ends",
		do:  "add the column with no default (or a constant one), set the default afterwards, and backfill existing rows in batches",
	}
	for j := 1; j < len(a.toks); j++ {
		if a.depth[j] != 0 {
			continue
		}
		switch w := a.word(j); {
		case serialTypes[w]:
			rewrite.what = "ADD COLUMN ... " + w
			return rewrite, true
		case w == "DEFAULT" && volatileFuncs[a.word(j+1)]:
			rewrite.what = "ADD COLUMN with a volatile DEFAULT " + strings.ToLower(a.word(j+1)) + "()"
			return rewrite, true
		case w == "STORED":
			rewrite.what = "ADD COLUMN ... GENERATED ... STORED"
			return rewrite, true
		}
	}
	if a.has("DEFAULT") {
		return lockFinding{stableDefault: true}, true // a constant or a stable function: stored once, no rewrite
	}
	return lockFinding{}, false
}

// has reports whether the words appear in sequence at depth 0.
func (st statement) has(words ...string) bool {
	for i := 0; i+len(words) <= len(st.toks); i++ {
		ok := st.depth[i] == 0
		for k, w := range words {
			ok = ok && st.word(i+k) == w
		}
		if ok {
			return true
		}
	}
	return false
}
