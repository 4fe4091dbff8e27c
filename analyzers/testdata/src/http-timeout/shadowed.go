package httptimeout

import "net/http"

// The name "time" is taken by a local variable, so the fix imports the
// time package under a free alias: the result builds.
func shadowedTime(u string, time int) {
	c := &http.Client{} // want `\[http-timeout\] this http.Client has no Timeout`
	c.Get(u)
	_ = time
}
