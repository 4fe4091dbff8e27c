package handlers

import (
	"context"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"

	"http-timeout/reqctx/svc"
)

func ginHandler(c *gin.Context) {
	svc.Verify(c, "t")                   // want `\[http-timeout\] svc.Verify sends a request .* and c is a request's context`
	svc.Verify(c.Request.Context(), "t") // want `\[http-timeout\] svc.Verify sends a request .* and c.Request.Context\(\) is a request's context`

	ctx, cancel := context.WithTimeout(c, 3*time.Second)
	defer cancel()
	svc.Verify(ctx, "t") // twin: a deadline added here
}

func echoHandler(c echo.Context) error {
	_, err := svc.Verify(c.Request().Context(), "t") // want `\[http-timeout\] svc.Verify sends a request .* and c.Request\(\).Context\(\) is a request's context`
	if err != nil {
		return err
	}
	return svc.VerifyTimed(c.Request().Context(), "t") // twin: a client with a Timeout
}
