package httptimeoutoptions

import (
	"net/http"
	tm "time"
)

var pollInterval = tm.Minute

var client = &http.Client{ // want `\[http-timeout\] this http.Client has no Timeout`
	Transport: &http.Transport{
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: 10,
	},
	CheckRedirect: nil, // follow redirects
}

func poll(u string) (*http.Response, error) { return client.Get(u) }
