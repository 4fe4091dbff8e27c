// Package methods declares handlers as methods. A method the package never
// refers to, and that no interface in view asks of its type, is registered
// by an importing package or by none (dead code): it is judged where it is
// registered. A method an interface asks for may be registered through
// that interface, which names it nowhere: it is judged here.
package methods

import (
	"io"
	"net/http"
)

type API struct{}

func (a *API) Create(w http.ResponseWriter, r *http.Request) { // want Create:"reads the request body unlimited"
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

// Twin: Server asks for Update, so Impl's Update may be registered
// through a Server.
type Server interface {
	Update(w http.ResponseWriter, r *http.Request)
}

type Impl struct{}

func (s *Impl) Update(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(data)
}

func Register(mux *http.ServeMux, s Server) {
	mux.HandleFunc("/update", s.Update)
}

// Twin: a ServeHTTP is what http.Handler asks for.
type Upload struct{}

func (u Upload) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(data)
}
