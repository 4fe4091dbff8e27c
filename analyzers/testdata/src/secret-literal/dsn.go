package secretliteral

import "database/sql"

// Connection strings with an inline password.
func connectionStrings() {
	sql.Open("postgres", "postgres://app:Zq8vR2mK7pLw@db.internal:5432/app?sslmode=require") // want `\[secret-literal\] string literal holds a postgres URL with an inline password \(postgres://\*{4}:\*{4}@db\.internal:5432\)`
	sql.Open("mysql", "app:Zq8vR2mK7pLw@tcp(db.internal:3306)/app")                          // want `holds a MySQL DSN with an inline password \(\*{4}:\*{4}@tcp\(db\.internal:3306\)\)`
	sql.Open("postgres", "host=db.internal user=app password=Zq8vR2mK7pLw dbname=app")       // want `holds a connection string with an inline password \(password=\*{4}\)`
	use("https://deploy:Xk2w9Rb7Lq@git.internal.corp/infra.git")                             // want `holds a https URL with an inline password \(https://d\*{5}:\*{4}@git\.internal\.corp\)`
	use("redis://:Vt6pQ3nW8sYz@cache.internal:6379/0")                                       // want `holds a redis URL with an inline password`
}

// False-positive traps: local, example, placeholder and default
// passwords, environment references and URLs without a password.
func connectionTraps(host, pass string) {
	sql.Open("postgres", "postgres://user:password@localhost/db?sslmode=disable")
	sql.Open("postgres", "postgres://app:${DB_PASSWORD}@db.internal/app")
	sql.Open("postgres", "postgres://app:$DB_PASSWORD@db.internal/app")
	sql.Open("postgres", "postgres://app:%s@%s/app")
	sql.Open("postgres", "postgres://app:<password>@db.internal/app")
	sql.Open("postgres", "postgres://app:PASSWORD@db.internal/app")
	sql.Open("postgres", "postgres://app@db.internal/app")
	sql.Open("postgres", "postgres://postgres:postgres@db:5432/postgres")
	sql.Open("postgres", "postgres://app:Zq8vR2mK7pLw@127.0.0.1:5432/app")
	sql.Open("postgres", "postgres://app:Zq8vR2mK7pLw@db.example.com/app")
	sql.Open("postgres", "postgres://app:****@db.internal/app")
	sql.Open("amqp", "amqp://guest:guest@rabbitmq:5672/")
	sql.Open("mysql", "root:@tcp(db.internal:3306)/app")
	sql.Open("mysql", "app:PASSWORD@tcp(db.internal:3306)/app")
	sql.Open("postgres", "host=localhost user=app password=Zq8vR2mK7pLw dbname=app")
	sql.Open("postgres", "host=db.internal user=app dbname=app sslmode=require")
	sql.Open("postgres", "postgres://app:"+pass+"@"+host+"/app")
	use("http://localhost:8080/users/@me", "https://example.com/path?token=abc", "git@github.com:org/repo.git")
}
