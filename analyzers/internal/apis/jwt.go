package apis

// The JWT libraries with the golang-jwt API. golang-jwt v4 and v5 are the
// maintained forks; github.com/dgrijalva/jwt-go is archived but still in
// many go.mod files, and github.com/golang-jwt/jwt is its v3 fork with the
// same API.
var (
	golangJWTv5  = Library{Path: "github.com/golang-jwt/jwt/v5", JWT: true}
	golangJWTv4  = Library{Path: "github.com/golang-jwt/jwt/v4", JWT: true}
	golangJWT    = Library{Path: "github.com/golang-jwt/jwt", JWT: true}
	dgrijalvaJWT = Library{Path: "github.com/dgrijalva/jwt-go", JWT: true}
)
