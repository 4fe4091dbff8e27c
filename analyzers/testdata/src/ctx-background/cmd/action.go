package main

import (
	"context"

	"github.com/urfave/cli/v3"
)

// From gitea cmd/migrate.go:37, cmd/migrate_storage.go:228 and
// cmd/doctor.go:135: a urfave/cli v3 action's ctx is the process's root
// context, as main's is; the one-shot command owns its contexts.
func quietCliActionRoot(ctx context.Context, cmd *cli.Command) error {
	return migrate(context.Background(), func(ctx context.Context) error { return nil })
}

func migrate(ctx context.Context, f func(context.Context) error) error { return f(ctx) }

var command = &cli.Command{
	Name: "doctor",
	Action: func(ctx context.Context, cmd *cli.Command) error {
		return migrate(context.TODO(), nil)
	},
}
