package httptimeoutreplaced

import (
	"net/http"
	"time"
)

// A package that replaces http.DefaultClient bounds http.Get too.
func setup() {
	http.DefaultClient = &http.Client{Timeout: time.Minute}
}

func fetch(u string) {
	http.Get(u)
	http.DefaultClient.Head(u)
}
