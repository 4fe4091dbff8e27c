package loopback

import (
	"io"
	"net"
	"net/http"
)

// control is a daemon's local control API: its router is served only on a
// unix domain socket, which only processes of the same host can reach.
type control struct{}

func (c *control) upgrade(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	w.Write(b)
}

func (c *control) configure(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	w.Write(b)
}

// RunControl serves upgrade on net.ListenUnix and configure through an
// http.Server on net.Listen("unix", path): both quiet.
func RunControl(path string) error {
	c := &control{}
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/upgrade", c.upgrade)
	go http.Serve(ln, mux)

	ln2, err := net.Listen("unix", path+".config")
	if err != nil {
		return err
	}
	cfg := http.NewServeMux()
	cfg.HandleFunc("/configure", c.configure)
	srv := http.Server{Handler: cfg}
	return srv.Serve(ln2)
}

// socketTwin is served on a listener whose network comes from
// configuration: it may be TCP on every interface, so it is reported.
func (c *control) socketTwin(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(b)
}

// RunConfigured serves socketTwin on a configured network.
func RunConfigured(network, addr string) error {
	c := &control{}
	ln, err := net.Listen(network, addr)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/twin", c.socketTwin)
	return http.Serve(ln, mux)
}
