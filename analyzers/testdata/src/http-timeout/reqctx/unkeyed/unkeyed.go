// Package unkeyed writes the framework's context type as an unkeyed
// literal: the field's values are not known here.
package unkeyed

import (
	"context"

	"http-timeout/reqctx/svc"
	"http-timeout/reqctx/web"
)

func background() *web.Base {
	return &web.Base{web.FromContext(context.Background()), nil}
}

func use(ctx *web.Context) {
	svc.Verify(ctx, "t")
}
