// Package decodeuse calls the request helpers of another package of the
// module: the read happens there, the finding is here, at the call.
package decodeuse

import (
	"net/http"

	"request-body-unbounded/fact/decode"
	"request-body-unbounded/fact/mw"
)

type item struct{ Name string }

func create(w http.ResponseWriter, r *http.Request) {
	var it item
	if err := decode.JSON(w, r, &it); err != nil { // want `\[request-body-unbounded\] decode.JSON reads r.Body whole with no size limit`
		return
	}
}

func raw(w http.ResponseWriter, r *http.Request) {
	w.Write(decode.Bytes(r.Body)) // want `\[request-body-unbounded\] decode.Bytes reads r.Body whole with no size limit`
}

// Twins: the helper limits the body itself, the handler limits it
// through another package's helper first, or the helper reads no body.
func createLimited(w http.ResponseWriter, r *http.Request) {
	var it item
	decode.LimitedJSON(w, r, &it)
}

func createAfterLimit(w http.ResponseWriter, r *http.Request) {
	mw.LimitRequest(w, r)
	var it item
	decode.JSON(w, r, &it)
}

func header(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(decode.Header(r)))
}
