package main

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httputil"
	"os"
)

// censored returns a copy of req whose header has every credential
// header overwritten, in a loop over constant header names.
func censored(req *http.Request) *http.Request {
	names := []string{"Authorization", "X-Auth-Token"}
	headers := req.Header.Clone()
	for _, name := range names {
		if headers.Get(name) == "" {
			continue
		}
		headers.Set(name, "<censored>")
	}
	copied := *req
	copied.Header = headers
	return &copied
}

// The request dumped is the censored copy a function of the package
// returns: quiet.
func quietRedactedRequestCopy(req *http.Request) {
	data, _ := httputil.DumpRequest(censored(req), false)
	fmt.Fprintf(os.Stderr, "request: %s", data)
}

// A header copy censored in a loop and then logged: quiet too.
func loopRedactedHeader(req *http.Request) {
	head := req.Header.Clone()
	for _, name := range []string{"Authorization", "Cookie"} {
		head.Del(name)
	}
	log.Printf("sending %v", head)
}

// partlyCensored forgets Authorization.
func partlyCensored(req *http.Request) *http.Request {
	headers := req.Header.Clone()
	for _, name := range []string{"X-Auth-Token"} {
		headers.Set(name, "<censored>")
	}
	copied := *req
	copied.Header = headers
	return &copied
}

// recensored censors, then puts the caller's credential back.
func recensored(req *http.Request, token string) *http.Request {
	headers := req.Header.Clone()
	headers.Del("Authorization")
	copied := *req
	copied.Header = headers
	copied.Header.Set("Authorization", token)
	return &copied
}

// maybeCensored censors only when asked.
func maybeCensored(req *http.Request, censor bool) *http.Request {
	copied := *req
	if censor {
		headers := req.Header.Clone()
		headers.Del("Authorization")
		copied.Header = headers
	}
	return &copied
}

// Twins: a dump of the request itself, of a copy that keeps Authorization,
// of one whose credential is put back, and of one censored on some paths.
func redactedRequestCopyTwins(req *http.Request, token string) {
	raw, _ := httputil.DumpRequest(req, false)
	fmt.Fprintf(os.Stderr, "request: %s", raw) // want `\[secret-logged\] fmt.Fprintf logs an httputil.DumpRequest dump`
	part, _ := httputil.DumpRequest(partlyCensored(req), false)
	fmt.Fprintf(os.Stderr, "request: %s", part) // want `\[secret-logged\] fmt.Fprintf logs an httputil.DumpRequest dump`
	back, _ := httputil.DumpRequest(recensored(req, token), false)
	fmt.Fprintf(os.Stderr, "request: %s", back) // want `\[secret-logged\] fmt.Fprintf logs an httputil.DumpRequest dump`
	maybe, _ := httputil.DumpRequest(maybeCensored(req, token != ""), false)
	fmt.Fprintf(os.Stderr, "request: %s", maybe) // want `\[secret-logged\] fmt.Fprintf logs an httputil.DumpRequest dump`
}

// A loop that censors only some of the names it ranges over, under a
// condition of its own: the logged copy is reported.
func loopRedactedHeaderTwin(req *http.Request, skip string) {
	head := req.Header.Clone()
	for _, name := range []string{"Authorization"} {
		if name == skip {
			continue
		}
		head.Del(name)
	}
	log.Printf("sending %v", head) // want `\[secret-logged\] log.Printf logs the whole http.Header head`
}
