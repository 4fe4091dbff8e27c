// Package secretliteralhelptext: a connection string in a flag's usage or a
// command's help text is an example of the syntax, shown by --help to
// everyone, not a credential.
package secretliteralhelptext

import "flag"

var (
	dsn    = flag.String("dsn", "", "connection string: [USER[:PASSWORD]@]HOST[:PORT]/DB")
	redis  = flag.String("redis", "", "redis URL: redis://:<password>@host:6379/0")
	broker = flag.String("amqp", "", "broker URL, e.g. amqp://admin:Xk9vR2mQp7Lw@broker:5672/")
)

// Command is a command-line command with help text.
type Command struct {
	Name        string
	Usage       string
	Description string
}

var migrate = Command{
	Name:        "migrate",
	Usage:       "migrate --db mysql://root:Tq7wPz3kLm9x@db.internal:3306/app",
	Description: "connects with postgres://app:Hj4kLp9wQz2v@pg.internal:5432/app unless --db is given",
}

// Twins: the same URL as the flag's default value is the credential the
// program runs with, and a key of a known format in help text still leaks.
var (
	brokerDefault = flag.String("amqp-default", "amqp://admin:Xk9vR2mQp7Lw@broker:5672/", "broker URL") // want `\[secret-literal\] string literal holds a amqp URL with an inline password`
	keyHelp       = flag.String("key", "", "AWS key, e.g. AKIAZ3MSJ7QX2PLVTK4N")                        // want `\[secret-literal\] string literal holds an AWS access key id`
)

// A connection string in a flag's usage, registered in a function.
func quietHelpText(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database URL, e.g. postgres://app:Xk9vR2mQp7Lw@db:5432/app")
}
