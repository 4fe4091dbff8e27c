package apis

import "go/types"

// AnswersRequest reports whether sig has a parameter through which a
// function answers a request: the http.ResponseWriter of a handler shape,
// or the framework context of a shape that carries both the request and
// its response (a *gin.Context, an echo.Context). A function that takes
// one writes what it computed to a client, whatever it returns.
func AnswersRequest(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		for _, l := range handlerLibraries {
			for _, h := range l.Handlers {
				if h.Writer >= 0 && h.Params[h.Writer].matches(t) ||
					h.Writer < 0 && h.Request < 0 && len(h.Params) == 1 && h.Params[0].matches(t) {
					return true
				}
			}
		}
	}
	return false
}
