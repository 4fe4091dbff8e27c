package main

import (
	"context"
	"os/signal"
	"syscall"
)

// main starts the process: there is no caller whose context to keep.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	_ = context.TODO()
}
