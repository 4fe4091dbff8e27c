package apis

// github.com/go-resty/resty/v2: an HTTP client whose requests are sent by
// the Request's verb methods and Execute (and by Client.Execute, used by
// them). They return (*resty.Response, error).
var resty = Library{
	Path: "github.com/go-resty/resty/v2",
	Sends: []Send{
		{Funcs{"Request", []string{"Get", "Head", "Post", "Put", "Patch", "Delete", "Options", "Send", "Execute"}}, SendRequest},
	},
}
