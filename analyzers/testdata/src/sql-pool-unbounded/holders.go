package sqlpoolunbounded

import (
	"database/sql"
	"time"
)

// Store keeps its pool in a field that is limited elsewhere in the package.
type Store struct {
	db *sql.DB
}

func newStore(dsn string) (*Store, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	return &Store{db: db}, nil
}

func (s *Store) tune(n int) { s.db.SetMaxOpenConns(n) }

// cache keeps its pool in a field nobody limits.
type cache struct {
	db   *sql.DB
	name string
}

func newCache(dsn string) (*cache, error) {
	c := &cache{name: "cache"}
	var err error
	c.db, err = sql.Open("postgres", dsn) // want `\[sql-pool-unbounded\] sql.Open returns`
	if err != nil {
		return nil, err
	}
	c.db.SetConnMaxIdleTime(time.Minute)
	return c, nil
}

// Repo embeds the pool; the promoted SetMaxOpenConns limits it.
type Repo struct {
	*sql.DB
}

func newRepo(dsn string) (*Repo, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	r := &Repo{DB: db}
	r.SetMaxOpenConns(8)
	return r, nil
}

// An unexported opener whose caller limits the pool.
func openDB(dsn string) (*sql.DB, error) {
	return sql.Open("postgres", dsn)
}

func setup(dsn string) error {
	db, err := openDB(dsn)
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(5)
	return nil
}

// An unexported opener whose only caller never limits the pool.
func dial(dsn string) (*sql.DB, error) {
	return sql.Open("postgres", dsn) // want `\[sql-pool-unbounded\] sql.Open returns`
}

func useDial(dsn string) {
	db, err := dial(dsn)
	if err == nil {
		db.Ping()
	}
}

// Exported opener in a library: the caller, in another package, may limit it.
func Open(dsn string) (*sql.DB, error) {
	return sql.Open("postgres", dsn)
}

// A pool stored in a package variable that main-time code limits.
var shared *sql.DB

func initShared(dsn string) (err error) {
	shared, err = sql.Open("postgres", dsn)
	return err
}

func tuneShared() { shared.SetMaxOpenConns(16) }

// Handed to another package (here: stored in a slice): out of sight.
func openMany(dsns []string) []*sql.DB {
	var dbs []*sql.DB
	for _, dsn := range dsns {
		db, err := sql.Open("postgres", dsn)
		if err != nil {
			continue
		}
		dbs = append(dbs, db)
	}
	return dbs
}

// The result is limited through a call of the opener.
func limitedViaCall(dsn string) {
	conn().SetMaxOpenConns(3)
}

func conn() *sql.DB {
	db, _ := sql.Open("postgres", "x")
	return db
}
