// Package requestbodybodyvar reads the request body through a local
// variable that holds r.Body: the read is as unbounded as r.Body itself.
package requestbodybodyvar

import (
	"encoding/json"
	"io"
	"net/http"
)

func reportedReadThroughVar(w http.ResponseWriter, r *http.Request) {
	body := r.Body
	data, err := io.ReadAll(body) // want `\[request-body-unbounded\] io.ReadAll\(body\) \(body is r.Body\) reads the whole request body into memory with no size limit`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Write(data)
}

func reportedDecodeThroughVar(w http.ResponseWriter, r *http.Request) {
	var in io.Reader = r.Body
	var v map[string]any
	if err := json.NewDecoder(in).Decode(&v); err != nil { // want `\[request-body-unbounded\] json.NewDecoder\(in\) \(in is r.Body\).Decode reads a request body of any size`
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

// The body is limited before the variable takes it.
func limitedThenVar(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	body := r.Body
	data, _ := io.ReadAll(body)
	w.Write(data)
}

// The variable holds the limited reader, not r.Body.
func limitedVar(w http.ResponseWriter, r *http.Request) {
	body := http.MaxBytesReader(w, r.Body, 1<<20)
	data, _ := io.ReadAll(body)
	w.Write(data)
}

// The variable is also assigned a bounded reader: not r.Body alone.
func reassignedVar(w http.ResponseWriter, r *http.Request) {
	var body io.Reader = r.Body
	if r.ContentLength > 0 {
		body = io.LimitReader(r.Body, r.ContentLength)
	}
	data, _ := io.ReadAll(body)
	w.Write(data)
}

// store keeps uploads; its helper reads the body through a variable.
type store struct{ last []byte }

func (s *store) save(id string, w http.ResponseWriter, r *http.Request) {
	body := r.Body
	data, err := io.ReadAll(body)
	if err != nil {
		http.Error(w, id, http.StatusBadRequest)
		return
	}
	s.last = data
}

func (s *store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.save(r.URL.Path, w, r) // want `\[request-body-unbounded\] store.save reads r.Body whole with no size limit`
}

// limitedStore limits the body before its helper reads it.
type limitedStore struct{ s store }

func (l *limitedStore) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"limits the request body"
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	l.s.save(r.URL.Path, w, r)
}
