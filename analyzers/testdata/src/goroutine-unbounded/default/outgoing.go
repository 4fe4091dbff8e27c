package goroutineunboundeddefault

import "net/http"

// From an event-stream client: a function handed only requests its package
// has just built sends them and reads the answers. It serves no client, so
// a goroutine per chunk of an answer is not one per served request (by
// default it is left to input-loops).
func watchEvents(url string, handle func([]byte)) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	return readEvents(req, handle)
}

func readEvents(req *http.Request, handle func([]byte)) error {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	for {
		chunk := make([]byte, 1024)
		n, err := resp.Body.Read(chunk)
		if n > 0 {
			go handle(chunk[:n])
		}
		if err != nil {
			return err
		}
	}
}

// The same reading handed the request a handler serves: a goroutine per
// chunk of what each client uploads.
func relay(w http.ResponseWriter, r *http.Request) {
	_ = readUpload(r, func([]byte) {})
}

func readUpload(req *http.Request, handle func([]byte)) error {
	for {
		chunk := make([]byte, 1024)
		n, err := req.Body.Read(chunk)
		if n > 0 {
			go handle(chunk[:n]) // want `\[goroutine-unbounded\] go statement in a loop of request-serving code starts a goroutine per item on every request`
		}
		if err != nil {
			return err
		}
	}
}

// A reader the package also hands on as a value may be given any request.
var uploadReaders = []func(*http.Request, func([]byte)) error{readAny}

func pollEvents(url string, handle func([]byte)) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	return readAny(req, handle)
}

func readAny(req *http.Request, handle func([]byte)) error {
	for {
		chunk := make([]byte, 1024)
		n, err := req.Body.Read(chunk)
		if n > 0 {
			go handle(chunk[:n]) // want `\[goroutine-unbounded\] go statement in a loop of request-serving code starts a goroutine per item on every request`
		}
		if err != nil {
			return err
		}
	}
}
