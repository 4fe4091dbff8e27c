package apis

// sqlCalls are the database/sql methods that reach the database.
var sqlCalls = []string{
	"Query", "QueryContext", "QueryRow", "QueryRowContext", "Exec", "ExecContext",
	"Prepare", "PrepareContext", "Ping", "PingContext", "Begin", "BeginTx", "Conn",
}

// sqlPool is what a *sql.DB built per call does.
var sqlPool = Pool{
	What: "connection pool",
	Failure: "pays a fresh connect and authentication, and pools left open hold their connections until the " +
		"database hits max_connections",
	Advice: "open the *sql.DB once at startup and share it",
}

// database/sql: the pool, its queries and rows, and Begin's twin.
var databaseSQL = Library{
	Path: "database/sql",
	Sends: []Send{
		{Funcs{"DB", sqlCalls}, SendRequest},
		{Funcs{"Tx", sqlCalls}, SendRequest},
		{Funcs{"Conn", sqlCalls}, SendRequest},
		{Funcs{"Stmt", sqlCalls}, SendRequest},
	},
	Pools: []Pool{withFuncs(sqlPool, Funcs{"", []string{"Open", "OpenDB"}})},
	Queries: []Query{
		{[]string{"DB", "Tx", "Conn"}, []string{"Query", "QueryRow"}, 0, QueryRows},
		{[]string{"DB", "Tx", "Conn"}, []string{"QueryContext", "QueryRowContext"}, 1, QueryRows},
		{[]string{"DB", "Tx", "Conn"}, []string{"Exec"}, 0, QueryExec},
		{[]string{"DB", "Tx", "Conn"}, []string{"ExecContext"}, 1, QueryExec},
		{[]string{"DB", "Tx", "Conn"}, []string{"Prepare"}, 0, QueryPrepare},
		{[]string{"DB", "Tx", "Conn"}, []string{"PrepareContext"}, 1, QueryPrepare},
	},
	Rows: []Type{{"Rows", true}},
	Twins: []Twin{
		{Funcs: Funcs{"DB", []string{"Begin"}}, TwinName: "BeginTx", Shape: NilOptions},
	},
	Cancelled: "the query keeps running and holds a pool connection",
}

// withFuncs returns p for the functions f.
func withFuncs(p Pool, f Funcs) Pool {
	p.Funcs = f
	return p
}

// github.com/jmoiron/sqlx: query methods of its own (the database/sql ones
// are promoted from the embedded *sql.DB and match there).
var sqlx = Library{
	Path: "github.com/jmoiron/sqlx",
	Queries: []Query{
		{[]string{"DB", "Tx"}, []string{"Queryx", "QueryRowx"}, 0, QueryRows},
		{[]string{"DB", "Tx"}, []string{"QueryxContext", "QueryRowxContext", "Select", "Get"}, 1, QueryRows},
		{[]string{"DB", "Tx"}, []string{"SelectContext", "GetContext"}, 2, QueryRows},
		{[]string{"DB", "Tx"}, []string{"MustExec", "NamedExec"}, 0, QueryExec},
		{[]string{"DB", "Tx"}, []string{"MustExecContext", "NamedExecContext"}, 1, QueryExec},
	},
	Rows: []Type{{"Rows", true}},
}

// github.com/jackc/pgx/v5: a connection's queries and its Rows interface.
var pgx = Library{
	Path: "github.com/jackc/pgx/v5",
	Queries: []Query{
		{[]string{"Conn"}, []string{"Query", "QueryRow"}, 1, QueryRows},
		{[]string{"Conn"}, []string{"Exec"}, 1, QueryExec},
	},
	Rows: []Type{{"Rows", false}},
}

// github.com/jackc/pgx/v5/pgxpool: the pool's queries.
var pgxpool = Library{
	Path: "github.com/jackc/pgx/v5/pgxpool",
	Queries: []Query{
		{[]string{"Pool"}, []string{"Query", "QueryRow"}, 1, QueryRows},
		{[]string{"Pool"}, []string{"Exec"}, 1, QueryExec},
	},
}
