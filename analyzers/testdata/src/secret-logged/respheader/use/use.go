// Package use prints headers that functions of another package return.
package use

import (
	"fmt"
	"log"
	"net/http"

	"secret-logged/respheader/client"
)

// A response's header, however it arrives, is what the peer answered.
func quietResponseHeader(c *http.Client) {
	_, h, err := client.Find(c, "http://upstream/find")
	if err != nil {
		log.Printf("find failed: %v (header %v)", err, h)
	}
	relayed, _ := client.Relay(c, "http://upstream/find")
	fmt.Printf("relayed header: %+v\n", relayed)
}

// The request's header, or one that may be it, carries its credentials.
func requestHeaderReturned(c *http.Client, req *http.Request) {
	sent, _ := client.Sent(c, req)
	log.Printf("sent %v", sent) // want `\[secret-logged\] log\.Printf logs the whole http\.Header sent`
	either := client.Either(c, req)
	log.Printf("got %v", either) // want `\[secret-logged\] log\.Printf logs the whole http\.Header either`
}

// A variable that is a response's header only until it is assigned again.
func reassigned(c *http.Client, req *http.Request) {
	_, h, _ := client.Find(c, "http://upstream/find")
	h = req.Header
	log.Printf("header %v", h) // want `\[secret-logged\] log\.Printf logs the whole http\.Header req\.Header`
}
