package poolperrequest

import (
	"net/http"
	"time"
)

// A package-level client and transport are built once per process: quiet.
// (Regression: walking up from a package-level literal reached the root
// cursor and panicked.)
var sharedClient = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 10}, Timeout: 10 * time.Second}

var _ = sharedClient
