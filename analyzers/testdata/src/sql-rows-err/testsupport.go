package sqlrowserr

// A test-support file (it imports testify): a debugging dump that tests
// call is not production code.
//
// From the corpus: gitea models/unittest/unit_tests.go:174
// (DumpQueryResult).

import (
	"database/sql"
	"fmt"

	"github.com/stretchr/testify/require"
)

func DumpQueryResult(t require.TestingT, db *sql.DB, query string) {
	rows, err := db.Query(query)
	require.NoError(t, err)
	defer rows.Close()
	for rows.Next() {
		var name string
		require.NoError(t, rows.Scan(&name))
		fmt.Println(name)
	}
}
