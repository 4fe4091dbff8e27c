package apis

// net/http: the HTTP client's sends, the Transport as a pool, the handler
// shape, and hijacking.
var netHTTP = Library{
	Path: "net/http",
	Sends: []Send{
		// The package funcs send through http.DefaultClient.
		{Funcs{"", []string{"Get", "Head", "Post", "PostForm"}}, SendHTTP},
		{Funcs{"Client", []string{"Do", "Get", "Head", "Post", "PostForm"}}, SendHTTP},
		{Funcs{"Transport", []string{"RoundTrip"}}, SendRoundTrip},
		{Funcs{"RoundTripper", []string{"RoundTrip"}}, SendRoundTrip},
	},
	Pools: []Pool{{
		Funcs: Funcs{"Transport", []string{"Clone"}},
		What:  "connection pool",
		Failure: "does a fresh TCP and TLS handshake, keep-alive connections are never reused, and idle ones " +
			"pile up until the process runs out of file descriptors",
		Advice: "build one Transport at startup and share it (an http.Client that wraps a shared Transport is cheap)",
	}},
	Cancelled: "the request keeps waiting on the upstream",
	Handlers: []Handler{{
		Name:    "http.HandlerFunc",
		Params:  []Param{{"net/http", "ResponseWriter", false}, {"net/http", "Request", true}},
		Writer:  0,
		Request: 1,
		Body:    "r.Body",
		Context: "r.Context()",
	}},
	Hijacks: []Funcs{
		{"Hijacker", []string{"Hijack"}},
		{"ResponseController", []string{"Hijack"}},
	},
}

// net/http/httptest: requests that are never sent, so their Context twins
// (NewRequestWithContext) carry values, not cancellation.
var httptest = Library{
	Path:                 "net/http/httptest",
	TwinsCarryValuesOnly: true,
}
