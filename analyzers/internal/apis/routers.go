package apis

// Routers whose handlers are not http.HandlerFuncs: how each serves a
// request and reaches its body and context.

// github.com/julienschmidt/httprouter: Handle adds the route's parameters
// as a third argument.
var httprouter = Library{
	Path: "github.com/julienschmidt/httprouter",
	Handlers: []Handler{{
		Name: "httprouter.Handle",
		Params: []Param{{"net/http", "ResponseWriter", false}, {"net/http", "Request", true},
			{"github.com/julienschmidt/httprouter", "Params", false}},
		Writer:  0,
		Request: 1,
		Body:    "r.Body",
		Context: "r.Context()",
	}},
}

// github.com/gin-gonic/gin: a *gin.Context carries the request.
var gin = Library{
	Path: "github.com/gin-gonic/gin",
	Handlers: []Handler{{
		Name:    "gin.HandlerFunc",
		Params:  []Param{{"github.com/gin-gonic/gin", "Context", true}},
		Writer:  -1,
		Request: -1,
		Body:    "c.Request.Body",
		Context: "c.Request.Context()",
	}},
}

// github.com/labstack/echo/v4: an echo.Context (an interface) carries the
// request.
var echo = Library{
	Path: "github.com/labstack/echo/v4",
	Handlers: []Handler{{
		Name:    "echo.HandlerFunc",
		Params:  []Param{{"github.com/labstack/echo/v4", "Context", false}},
		Writer:  -1,
		Request: -1,
		Body:    "c.Request().Body",
		Context: "c.Request().Context()",
	}},
}

// github.com/gofiber/fiber/v2: fiber serves fasthttp requests; there is no
// *http.Request, and the body is read whole into memory by the server.
var fiber = Library{
	Path: "github.com/gofiber/fiber/v2",
	Handlers: []Handler{{
		Name:    "fiber.Handler",
		Params:  []Param{{"github.com/gofiber/fiber/v2", "Ctx", true}},
		Writer:  -1,
		Request: -1,
		Body:    "c.Body()",
		Context: "c.UserContext()",
	}},
}
