// Command cmdexit sends from functions after every call of which each path
// ends the process (os.Exit, log.Fatal): the once-before-exit form, with
// its twins.
package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
)

type options struct{ upgrade, check bool }

func main() {
	var o options
	if err := o.run(); err != nil {
		log.Fatal(err)
	}
	fmt.Println(probeOnce())
	for i := 0; i < 3; i++ {
		fmt.Println(probeInLoop())
	}
	retry(probeAsValue)
	fmt.Println(probeAsValue())
}

func (o options) run() error {
	if o.upgrade {
		err := quietOnceBeforeExit()
		if err != nil {
			fmt.Println("upgrade:", err)
			os.Exit(1)
		}
		os.Exit(3)
	}
	if o.check && !o.upgrade {
		os.Exit(checkFromArgs())
	}
	if o.check {
		fmt.Println(checkAndGoOn())
		// Twin: after this call a path returns to the caller, which goes on.
		if err := upgradeAndReturn(); err != nil {
			return err
		}
	}
	go func() {
		os.Exit(exitCode(probeThenExit()))
	}()
	go probeStarted()
	if o.upgrade && o.check {
		// Twin: after this call the path loops for ever instead of ending.
		if err := probeThenServe(); err != nil {
			os.Exit(1)
		}
		for {
			fmt.Println("serving")
		}
	}
	return nil
}

func probeThenServe() error {
	resp, err := http.Post("http://localhost:8384/rest/system/upgrade", "", nil) // want `\[http-bodyclose\] the body of the response from http.Post is never closed`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

// quietOnceBeforeExit asks a running instance to upgrade itself; both of
// run's paths after the call exit the process, so the 200 answer left open
// is never a leak that grows.
func quietOnceBeforeExit() error {
	resp, err := http.Post("http://localhost:8384/rest/system/upgrade", "", nil)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return errors.New(string(b))
	}
	return nil
}

func upgradeAndReturn() error {
	resp, err := http.Post("http://localhost:8384/rest/system/upgrade", "", nil) // want `\[http-bodyclose\] the body of the response from http.Post is never closed`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

// Twin: called once from main, but main goes on and returns: only an exit
// on every path after the call counts.
func probeOnce() int {
	resp, err := http.Get("http://localhost:8080/healthz") // want `\[http-bodyclose\] the body of the response from http.Get is never closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// Twin: called in a loop, so it sends again and again.
func probeInLoop() int {
	resp, err := http.Get("http://localhost:8080/healthz") // want `\[http-bodyclose\] the body of the response from http.Get is never closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// Twin: used as a value too, so it may be called from anywhere.
func probeAsValue() int {
	resp, err := http.Get("http://localhost:8080/healthz") // want `\[http-bodyclose\] the body of the response from http.Get is never closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// Quiet too: the call is an argument of os.Exit, in a function literal
// run once as a goroutine, so the process ends when it returns.
func probeThenExit() int {
	resp, err := http.Get("http://localhost:8080/healthz")
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// Twin: started by a go statement, so nothing after it waits for the end.
func probeStarted() int {
	resp, err := http.Get("http://localhost:8080/healthz") // want `\[http-bodyclose\] the body of the response from http.Get is never closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func exitCode(status int) int {
	if status == http.StatusOK {
		return 0
	}
	return 1
}

func retry(f func() int) {
	for i := 0; i < 3; i++ {
		if f() == http.StatusOK {
			return
		}
	}
}

// A health-check command: checkEndpoint's caller returns a code that its
// own only caller hands to os.Exit, so the process ends after every call.
// Quiet; the twin's caller returns to a path that goes on.
func checkFromArgs() int {
	if len(os.Args) < 2 || !checkEndpoint(os.Args[1]) {
		return 1
	}
	return 0
}

func checkEndpoint(url string) bool {
	if resp, err := http.Get(url); err != nil || resp.StatusCode != http.StatusOK {
		return false
	}
	return true
}

func checkAndGoOn() int {
	if !checkEndpointAgain(os.Args[1]) {
		return 1
	}
	return 0
}

func checkEndpointAgain(url string) bool {
	if resp, err := http.Get(url); err != nil || resp.StatusCode != http.StatusOK { // want `\[http-bodyclose\] the body of the response from http.Get is never closed`
		return false
	}
	return true
}
