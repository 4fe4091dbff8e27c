// Package shutdownlib is a library: it cannot know the process lifecycle,
// so its serving calls are quiet.
package shutdownlib

import "net/http"

func Run(srv *http.Server) error { return srv.ListenAndServe() }

func RunDefault() error { return http.ListenAndServe(":8080", nil) }
