module example.com/jwt

go 1.22

require github.com/golang-jwt/jwt/v5 v5.2.1

replace github.com/golang-jwt/jwt/v5 => ./third_party/jwt
