package broad

import (
	stdctx "context"
	"net/http"
)

// The fixes reuse the file's own name for the context package.
func aliased(ctx stdctx.Context) error {
	go func() {
		_ = work(stdctx.TODO()) // want `use stdctx.WithoutCancel\(ctx\)`
	}()
	return work(stdctx.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's`
}

// A request whose name is rebound to something else is not in scope.
func requestShadowed(w http.ResponseWriter, r *http.Request) {
	{
		r := "not a request"
		_ = r
		_ = work(stdctx.Background())
	}
}
