// Package cmdcobra holds command-line commands: one invocation of the
// program runs a command's function once, as it runs main once, so a
// response it leaves open is not a leak that grows; nor is one left open
// by a helper only that function starts, once. Helpers called from a loop,
// a method, recursively or from outside the package stay reported.
package cmdcobra

import (
	"context"
	"errors"
	"net/http"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"
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
				_ = fetchStatus(u)
			}
			_ = fetchStatus(args[0])
		},
	}
}

// fetchStatus is a helper the command calls in a loop: each turn that
// takes the status-error return leaks a connection.
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

func NewTopicsCommand() *cobra.Command {
	return &cobra.Command{
		Use: "topics",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return errors.New("want a repository and a topic")
			}
			if err := editTopics(context.Background(), args[0], args[1]); err != nil {
				return err
			}
			return quietReturnsOnceInCommand(args)
		},
	}
}

// editTopics runs once per run of the topics command, and starts
// getTopics once, in an errgroup.
func editTopics(ctx context.Context, repo, topic string) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		topics, err := getTopics(ctx, repo)
		if err != nil {
			return err
		}
		return setTopics(ctx, repo, append(topics, topic))
	})
	return g.Wait()
}

// getTopics leaves the body open on a status error: once per run of the
// program, which then ends with that error.
func getTopics(ctx context.Context, repo string) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.example.com/repos/"+repo+"/topics", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return []string{repo}, nil
}

func setTopics(ctx context.Context, repo string, topics []string) error { return ctx.Err() }

// quietReturnsOnceInCommand pages through a listing in a loop; a status
// error returns with one body open, and ends the function's only run.
func quietReturnsOnceInCommand(pages []string) error {
	for _, u := range pages {
		resp, err := http.Get(u)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return errors.New(resp.Status)
		}
		resp.Body.Close()
	}
	return nil
}

// Twins: the same shapes where the function runs more than once.

type syncer struct{ repo string }

// run is a method: anything holding a syncer may call it any number of times.
func (s *syncer) run(ctx context.Context) error {
	_, err := getLabels(ctx, s.repo)
	return err
}

func getLabels(ctx context.Context, repo string) ([]string, error) {
	resp, err := http.Get("https://api.example.com/repos/" + repo + "/labels") // want `\[http-bodyclose\] the body of the response from http.Get is not closed on the path that reaches the return`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return nil, nil
}

func NewCrawlCommand() *cobra.Command {
	return &cobra.Command{
		Use: "crawl",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := crawl(args[0], 3); err != nil {
				return err
			}
			return pageAll(args)
		},
	}
}

// crawl calls itself: one run of the command sends many times.
func crawl(u string, depth int) error {
	resp, err := http.Get(u) // want `\[http-bodyclose\] the body of the response from http.Get is not closed on the path that reaches the return`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	resp.Body.Close()
	if depth > 0 {
		return crawl(u+"/next", depth-1)
	}
	return nil
}

// pageAll runs once, but its status error goes round the loop to send again.
func pageAll(pages []string) error {
	var failed error
	for _, u := range pages {
		resp, err := http.Get(u) // want `\[http-bodyclose\] the body of the response from http.Get is not closed on the path that reaches the return`
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			failed = errors.New(resp.Status)
			continue
		}
		resp.Body.Close()
	}
	return failed
}
