// Package cli is a minimal stub of github.com/urfave/cli/v3.
package cli

import "context"

type Command struct {
	Name   string
	Action func(context.Context, *Command) error
}

func (c *Command) String(name string) string { return "" }
func (c *Command) Bool(name string) bool     { return false }
