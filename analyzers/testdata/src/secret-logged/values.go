package secretlogged

import (
	"fmt"
	"log"
	"log/slog"
	"net/url"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

// Values that carry a credential whatever the variable's name.

func envValues() {
	dbPass := os.Getenv("DB_PASSWORD")
	log.Printf("db pass %s", dbPass) // want `log\.Printf logs the value of the environment variable DB_PASSWORD`
	dsn := fmt.Sprintf("postgres://app:%s@db:5432/app", dbPass)
	log.Println("connecting to", dsn) // want `log\.Println logs the value of the environment variable DB_PASSWORD`
	key, ok := os.LookupEnv("STRIPE_API_KEY")
	if ok {
		slog.Info("payments", "k", key) // want `slog\.Info logs the value of the environment variable STRIPE_API_KEY`
	}
	u := &url.URL{Scheme: "redis", Host: "cache:6379", User: url.UserPassword("app", os.Getenv("REDIS_PASSWORD"))}
	log.Print(u)          // want `log\.Print logs the value of the environment variable REDIS_PASSWORD \(as URL userinfo\)`
	log.Print(u.String()) // want `log\.Print logs the value of the environment variable REDIS_PASSWORD \(as URL userinfo\)`
}

func envValuesQuiet() {
	region := os.Getenv("AWS_REGION")
	log.Printf("region %s", region)
	dbPass := os.Getenv("DB_PASSWORD")
	log.Printf("db password set: %t", dbPass != "")
	u := &url.URL{Scheme: "redis", Host: "cache:6379", User: url.UserPassword("app", os.Getenv("REDIS_PASSWORD"))}
	log.Print(u.Redacted())
	log.Print(u.Host)
	h := &url.URL{Scheme: "https", Host: os.Getenv("API_HOST"), Path: "/hook/" + dbPass}
	log.Print(h)
}

func signedTokens(key []byte, sub string) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub})
	s, err := t.SignedString(key)
	if err != nil {
		return
	}
	log.Printf("issued %s", s) // want `log\.Printf logs the signed token returned by jwt\.Token\.SignedString`
}

func signedTokensQuiet(key []byte, sub string) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub})
	s, err := t.SignedString(key)
	if err != nil {
		log.Printf("signing: %v", err)
		return
	}
	log.Printf("issued a token of %d bytes for %s", len(s), sub)
}

// Structs printed whole.

type dbSettings struct {
	Host string
	Port int
	Auth credentials
}

type credentials struct {
	User     string
	Password string
}

type apiClient struct {
	baseURL string
	apiKey  string
}

type tagged struct {
	Host   string
	Secret string `json:"-"`
}

type guarded struct {
	Host     string
	Password string
}

func (g guarded) String() string { return g.Host }

type logValued struct {
	Host  string
	Token string
}

func (l logValued) LogValue() slog.Value { return slog.StringValue(l.Host) }

type plain struct {
	Host string
	Port int
}

type withPointer struct {
	Host string
	Auth *credentials
}

// packet carries the connect parameters only for one kind of packet.
type packet struct {
	Kind    byte
	Connect connectParams
}

type connectParams struct {
	ClientID string
	Password []byte
}

func structs(db dbSettings, c *apiClient, tg tagged, wp withPointer) {
	log.Printf("config: %+v", db)        // want `log\.Printf logs db printed whole, with its credential field Auth\.Password`
	fmt.Println(c)                       // want `fmt\.Println logs c printed whole, with its credential field apiKey`
	log.Printf("%v", tg)                 // want `log\.Printf logs tg printed whole, with its credential field Secret`
	slog.Info("starting", "db", db)      // want `slog\.Info logs db printed whole, with its credential field Auth\.Password`
	slog.Info("starting", "pointer", wp) // want `slog\.Info logs wp printed whole, with its credential field Auth\.Password`
}

func structsQuiet(pk packet, g guarded, l logValued, p plain, tg tagged, wp withPointer, c *apiClient) {
	log.Printf("config: %+v", g)
	log.Printf("config: %+v", l)
	slog.Info("starting", "cfg", l)
	log.Printf("config: %+v", p)
	slog.Info("starting", "cfg", tg) // json:"-" keeps it out of a structured record
	log.Printf("%v", wp)             // fmt prints a nested pointer as an address
	slog.Info("client", "c", c)      // unexported fields are not encoded
	log.Printf("client type %T at %p", c, c)
	slog.Debug("publish failed", "packet", pk) // a nested section not named for credentials
	log.Printf("%+v", pk)
	copied := c
	log.Printf("base %s", copied.baseURL)
}
