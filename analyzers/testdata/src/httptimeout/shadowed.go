package httptimeout

import "net/http"

// No fix here: the name "time" is taken by a local variable, so an added
// time.Second would not compile.
func shadowedTime(u string, time int) {
	c := &http.Client{} // want `\[http-timeout\] this http.Client has no Timeout`
	c.Get(u)
	_ = time
}
