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

// daemonController keeps its router in a field and registers handlers
// made by its methods, as a daemon's local control API does: served only
// on a unix domain socket, quiet.
type daemonController struct {
	router *http.ServeMux
	path   string
}

func newDaemonController(path string) *daemonController {
	dc := &daemonController{router: http.NewServeMux(), path: path}
	dc.router.HandleFunc("/api/v1/prefetch", dc.setPrefetch())
	dc.router.Handle("/api/v1/upgrade", http.HandlerFunc(dc.upgradeDaemons()))
	return dc
}

func (dc *daemonController) setPrefetch() func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Write(b)
	}
}

func (dc *daemonController) upgradeDaemons() http.HandlerFunc {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Write(b)
	})
}

func (dc *daemonController) run() error {
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: dc.path, Net: "unix"})
	if err != nil {
		return err
	}
	return http.Serve(ln, dc.router)
}

// publicController is the same shape served on every interface: reported.
type publicController struct {
	router *http.ServeMux
}

func newPublicController() *publicController {
	pc := &publicController{}
	pc.router = http.NewServeMux()
	pc.router.HandleFunc("/api/v1/prefetch", pc.setPrefetch())
	return pc
}

func (pc *publicController) setPrefetch() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
		w.Write(b)
	}
}

func (pc *publicController) run() error {
	return http.ListenAndServe(":8080", pc.router)
}

// sharedController's router field is given a router made elsewhere, which
// may be served anywhere: reported, though this package serves it on a
// unix socket.
type sharedController struct {
	router *http.ServeMux
}

func newSharedController(mux *http.ServeMux, path string) error {
	sc := &sharedController{router: mux}
	sc.router.HandleFunc("/api/v1/prefetch", sc.setPrefetch())
	ln, err := net.Listen("unix", path)
	if err != nil {
		return err
	}
	return http.Serve(ln, sc.router)
}

func (sc *sharedController) setPrefetch() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
		w.Write(b)
	}
}

// reusedFactory's handler is also called directly, not only registered:
// reported.
func (dc *daemonController) reusedFactory() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
		w.Write(b)
	}
}

func (dc *daemonController) registerReused() http.HandlerFunc {
	dc.router.HandleFunc("/api/v1/reused", dc.reusedFactory())
	return dc.reusedFactory()
}
