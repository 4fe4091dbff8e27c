// Package routes holds handlers given the framework's context; it does not
// import net/http itself.
package routes

import "http-timeout/reqctx/svc"

import "http-timeout/reqctx/web"

func page(ctx *web.Context) error {
	_, err := svc.Verify(ctx, "t") // want `\[http-timeout\] svc.Verify sends a request .* and ctx is a request's context`
	return err
}

// Twin: a job's context, of unknown origin.
func run(j *web.Job) error {
	_, err := svc.Verify(j, "t")
	return err
}
