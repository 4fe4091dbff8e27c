// Package quiet holds the quiet forms of sql-pool-unbounded
// (rule.FixtureFunc), each beside a reported twin.
package quiet

import "database/sql"

func quietPoolLimited(dsn string) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return
	}
	db.SetMaxOpenConns(10)
	go db.Ping()
}

func quietPoolLeavesPackage(dsn string) map[string]*sql.DB {
	db, _ := sql.Open("postgres", dsn)
	return map[string]*sql.DB{"main": db}
}

func quietPoolConfined(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("CREATE DATABASE app")
	return err
}

func poolTwin(dsn string) {
	db, err := sql.Open("postgres", dsn) // want `\[sql-pool-unbounded\] sql.Open returns a \*sql.DB whose pool is never limited`
	if err != nil {
		return
	}
	go db.Ping()
}
