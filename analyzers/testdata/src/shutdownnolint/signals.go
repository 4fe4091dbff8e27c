package main

import (
	"os"
	"os/signal"
	"syscall"
)

// stopSignals: the program handles termination signals, so it runs under a
// supervisor that stops it by signal, and a server it never shuts down is
// cut mid-response.
func stopSignals() chan os.Signal {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM)
	return ch
}
