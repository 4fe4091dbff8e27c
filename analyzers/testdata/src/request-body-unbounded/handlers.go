package requestbody

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"io/ioutil"
	"net/http"
)

type order struct{ ID string }

func readAll(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body into memory with no size limit: one large or endless upload exhausts the server's memory, and the client's retry does it again; wrap the body first: r.Body = http.MaxBytesReader\(w, r.Body, limit\)`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Write(data)
}

// Safe twin: the body is limited first.
func quietHandlerLimitsBody(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	data, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
		return
	}
	w.Write(data)
}

func readAllIoutil(rw http.ResponseWriter, req *http.Request) {
	data, _ := ioutil.ReadAll(req.Body) // want `\[request-body-unbounded\] ioutil.ReadAll\(req.Body\) reads the whole request body`
	rw.Write(data)
}

// Safe twin: the read itself is limited.
func readAllLimitReader(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	w.Write(data)
}

func decodeJSON(w http.ResponseWriter, r *http.Request) {
	var o order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil { // want `\[request-body-unbounded\] json.NewDecoder\(r.Body\).Decode reads a request body of any size: one large upload exhausts the server's memory, and the client's retry does it again; wrap the body first`
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

// Safe twin: limited with io.LimitReader in place.
func decodeJSONLimited(w http.ResponseWriter, r *http.Request) {
	var o order
	_ = json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&o)
}

func decodeXMLVar(w http.ResponseWriter, r *http.Request) {
	dec := xml.NewDecoder(r.Body) // want `\[request-body-unbounded\] xml.NewDecoder\(r.Body\).Decode reads a request body of any size`
	var o order
	if err := dec.Decode(&o); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

// Safe twin: a decoder that only streams tokens never holds a whole value.
func jsonTokens(w http.ResponseWriter, r *http.Request) {
	dec := json.NewDecoder(r.Body)
	for dec.More() {
		if _, err := dec.Token(); err != nil {
			return
		}
	}
}

func multipartHuge(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(1 << 30); err != nil { // want `\[request-body-unbounded\] r.ParseMultipartForm keeps up to 1073741824 bytes of every upload in memory and the rest on disk, with no limit on the body: a few large uploads exhaust memory and disk; keep maxMemory small and wrap the body first.*no fix is offered: choose the limit from the largest upload`
		return
	}
}

// Safe twin: the net/http default memory limit.
func multipartDefault(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		return
	}
}

// Safe twin: a huge memory limit on a limited body.
func multipartLimited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 100<<20)
	if err := r.ParseMultipartForm(1 << 30); err != nil {
		return
	}
}

// Two reads: one finding, at the first.
func twoReads(w http.ResponseWriter, r *http.Request) {
	var a, b order
	json.NewDecoder(r.Body).Decode(&a) // want `\[request-body-unbounded\] json.NewDecoder\(r.Body\).Decode`
	json.NewDecoder(r.Body).Decode(&b)
}

// The ResponseWriter is unnamed: reported, but no fix.
func unnamedWriter(_ http.ResponseWriter, r *http.Request) {
	io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\)`
}

// Safe twin: the request is unnamed, so its body is never read.
func unnamedRequest(w http.ResponseWriter, _ *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

// Safe twin: a response body is not a request body.
func proxy(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://backend.internal/status")
	if err != nil {
		return
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	w.Write(data)
}
