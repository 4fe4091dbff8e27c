// Package forged sets the framework's context field itself, to a context
// that is not a request's: the field's values are not known here, so a
// value of the framework's type is a context of unknown origin.
package forged

import (
	"context"

	"http-timeout/reqctx/svc"
	"http-timeout/reqctx/web"
)

func background() *web.Context {
	return &web.Context{Base: &web.Base{RequestContext: web.FromContext(context.Background())}}
}

func use(ctx *web.Context) {
	svc.Verify(ctx, "t")
}
