// Package requestbodyoptions runs request-body-unbounded with
// max-body-bytes = 65536 and max-multipart-memory = 1048576.
package requestbodyoptions

import (
	"io"
	nethttp "net/http"
)

func upload(w nethttp.ResponseWriter, r *nethttp.Request) {
	if err := r.ParseMultipartForm(8 << 20); err != nil { // want `\[request-body-unbounded\] r.ParseMultipartForm keeps up to 8388608 bytes`
		return
	}
}

// Safe twin: within the configured memory limit.
func uploadSmall(w nethttp.ResponseWriter, r *nethttp.Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		return
	}
}

// Safe twin: a limit that is not constant is the program's decision.
var maxMemory int64 = 1 << 30

func uploadConfigured(w nethttp.ResponseWriter, r *nethttp.Request) {
	_ = r.ParseMultipartForm(maxMemory)
}

func echo(w nethttp.ResponseWriter, r *nethttp.Request) {
	data, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\)`
	w.Write(data)
}
