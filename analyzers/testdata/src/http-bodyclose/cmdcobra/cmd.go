// Package cmdcobra holds command-line commands: one invocation of the
// program runs a command's function once, as it runs main once, so a
// response it leaves open is not a leak that grows. The helpers a command
// calls may be called from anywhere, and stay reported.
package cmdcobra

import (
	"errors"
	"net/http"

	"github.com/spf13/cobra"
)

func NewSetRegistryCommand() *cobra.Command {
	return &cobra.Command{Use: "set-registry-url", RunE: setRegistryURL}
}

// setRegistryURL checks the registry once, then saves it: the one response
// it discards is held until the program exits.
func setRegistryURL(cmd *cobra.Command, args []string) error {
	if len(args) != 1 {
		return errors.New("want one URL")
	}
	if _, err := http.Get(args[0]); err != nil {
		return err
	}
	return nil
}

func NewPingCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "ping"}
	// Quiet: a literal held by a command's run field.
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		resp, err := http.Get("https://api.example.com/ping")
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return errors.New(resp.Status)
		}
		return resp.Body.Close()
	}
	return cmd
}

// Twins.

func NewWatchCommand() *cobra.Command {
	return &cobra.Command{
		Use: "watch",
		Run: func(cmd *cobra.Command, args []string) {
			for _, u := range args {
				http.Get(u) // want `\[http-bodyclose\] the response of http.Get is discarded`
			}
			_ = fetchStatus(args[0])
		},
	}
}

// fetchStatus is a helper the command calls: a later change may call it
// from a loop or a server.
func fetchStatus(u string) error {
	resp, err := http.Get(u) // want `\[http-bodyclose\] the body of the response from http.Get is not closed on the path that reaches the return`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// probe is a command's function that the package also calls elsewhere.
func probe(cmd *cobra.Command, args []string) error {
	_, err := http.Get(args[0]) // want `\[http-bodyclose\] the response of http.Get is discarded`
	return err
}

func NewProbeCommand() *cobra.Command {
	return &cobra.Command{Use: "probe", RunE: probe}
}

func probeAll(urls []string) {
	for _, u := range urls {
		_ = probe(nil, []string{u})
	}
}
