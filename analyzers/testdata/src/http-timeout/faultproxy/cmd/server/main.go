// Command server links the shared client: production code imports it.
package main

import "http-timeout/faultproxy/internal/shared"

func main() {
	if err := shared.NewClient("http://upstream:8080").Reset(); err != nil {
		panic(err)
	}
}
