// Package secretlogged holds secret-logged's fixtures for the standard
// library sinks: log, log/slog and fmt.
package secretlogged

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"os"
	"strings"
)

type dbConfig struct {
	Host         string
	User         string
	Password     string
	PasswordHash string
	TokenURL     string
	TokenCount   int
}

func secretNamed(cfg dbConfig, apiKey string, clientSecret []byte, logger *log.Logger) {
	log.Printf("connecting to %s as %s with %s", cfg.Host, cfg.User, cfg.Password) // want `\[secret-logged\] log\.Printf logs cfg\.Password, a secret-named field: log lines are shipped`
	log.Println("api key:", apiKey)                                                // want `log\.Println logs apiKey, a secret-named variable`
	logger.Printf("secret=%s", clientSecret)                                       // want `log\.Logger\.Printf logs clientSecret, a secret-named variable`
	fmt.Println("using key " + apiKey)                                             // want `fmt\.Println logs apiKey`
	fmt.Fprintf(os.Stderr, "key: %s\n", apiKey)                                    // want `fmt\.Fprintf logs apiKey`
	log.Print(fmt.Sprintf("key=%s", strings.TrimSpace(apiKey)))                    // want `log\.Print logs apiKey`
	msg := "key=" + apiKey
	log.Print(msg) // want `log\.Print logs apiKey, a secret-named variable`
}

func secretNamedTraps(cfg dbConfig, apiKey string, tokenizer string, w http.ResponseWriter, sb *strings.Builder) {
	log.Printf("connecting to %s as %s", cfg.Host, cfg.User)
	log.Printf("hash=%s url=%s count=%d", cfg.PasswordHash, cfg.TokenURL, cfg.TokenCount)
	log.Printf("api key ending in %s", apiKey[len(apiKey)-4:])
	log.Printf("api key set: %t, length %d", apiKey != "", len(apiKey))
	log.Printf("tokenizer %s", tokenizer)
	log.Printf("key fingerprint %s", fingerprint(apiKey))
	fmt.Fprintf(w, "%s", apiKey) // a response, not a log
	fmt.Fprintf(sb, "%s", apiKey)
	masked := redact(apiKey)
	log.Print(masked)
	token := redact(apiKey)
	log.Print(token) // assigned from a redacting function
	const authHeader = "Authorization"
	log.Println(authHeader)
}

func fingerprint(s string) string { return s }
func redact(s string) string      { return s }

func requests(r *http.Request, ctx context.Context) {
	log.Printf("auth: %s", r.Header.Get("Authorization"))  // want `log\.Printf logs the value of the Authorization header: .*; log whether the header is present, not its value`
	slog.Info("request", "cookie", r.Header.Get("cookie")) // want `slog\.Info logs the value of the Cookie header`
	log.Println(r.Header["Authorization"])                 // want `log\.Println logs the value of the Authorization header`
	log.Println(r.Header["Authorization"][0])              // want `log\.Println logs the value of the Authorization header`
	bearer := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	log.Printf("bearer %s", bearer) // want `log\.Printf logs the value of the Authorization header`
	dump, _ := httputil.DumpRequest(r, true)
	log.Printf("%s", dump)     // want `log\.Printf logs an httputil\.DumpRequest dump, which holds the Authorization and Cookie headers: .*; log the method, path and the few headers you need instead`
	log.Println(string(dump))  // want `log\.Println logs an httputil\.DumpRequest dump`
	log.Printf("%+v", r)       // want `log\.Printf logs the whole \*http\.Request r, Authorization and Cookie headers included`
	log.Printf("%v", r.Header) // want `log\.Printf logs the whole http\.Header r\.Header`
	_, pass, _ := r.BasicAuth()
	slog.WarnContext(ctx, "login", "user", "x", "p", pass) // want `slog\.WarnContext logs the password returned by Request\.BasicAuth`
}

func requestTraps(r *http.Request) {
	log.Printf("%s %s from %s", r.Method, r.URL.Path, r.RemoteAddr)
	log.Printf("authorization header present: %t", r.Header.Get("Authorization") != "")
	log.Printf("user agent %s", r.Header.Get("User-Agent"))
	log.Println(r.Header["Content-Type"])
	dump, _ := httputil.DumpRequest(r, false)
	_ = len(dump)
	dumpLen := len(dump)
	log.Printf("dump of %d bytes", dumpLen)
}

func slogSinks(ctx context.Context, logger *slog.Logger, accessToken, user, v string) {
	slog.Info("login", "user", user, "token", accessToken)                // want `slog\.Info logs accessToken, a secret-named variable`
	slog.Info("login", "password", v)                                     // want `slog\.Info logs v under the secret-named key "password"`
	logger.Info("login", slog.String("auth", v))                          // want `slog\.String logs v under the secret-named key "auth"`
	logger.LogAttrs(ctx, slog.LevelInfo, "x", slog.Any("k", accessToken)) // want `slog\.Any logs accessToken`
	logger.With("token", accessToken).Info("ready")                       // want `slog\.Logger\.With logs accessToken`
	slog.Log(ctx, slog.LevelInfo, "login", "api_key", v)                  // want `slog\.Log logs v under the secret-named key "api_key"`
}

func slogTraps(ctx context.Context, logger *slog.Logger, accessToken, user, tokenHash string, tokenCount int) {
	slog.Info("login", "user", user, "token_hash", tokenHash)
	slog.Info("login", "token", tokenHash)
	slog.Info("login", "tokens", tokenCount)
	slog.Info("login", "token", "redacted")
	logger.Info("login", slog.String("user", user), slog.Int("token_count", tokenCount))
	logger.InfoContext(ctx, "token refreshed", "user", user)
	slog.Info("login", "token_set", accessToken != "")
}
