// Package use builds requests without a context and hands them to the
// senders of another package of the module.
package use

import (
	"context"
	"net/http"

	"ctx-variant/fact/apiclient"
)

func status(ctx context.Context, c *apiclient.Client, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Send(ctx, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func statusVia(ctx context.Context, c *apiclient.Client, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := apiclient.SendVia(c, ctx, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func statusUnattached(ctx context.Context, c *apiclient.Client, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil) // want `\[ctx-variant\] http.NewRequest cannot be cancelled`
	if err != nil {
		return err
	}
	resp, err := c.SendAsIs(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
