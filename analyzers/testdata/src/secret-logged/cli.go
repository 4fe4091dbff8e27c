package secretlogged

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"os"

	"github.com/spf13/cobra"
	"github.com/urfave/cli/v3"
)

type accessToken struct {
	Name  string
	Token string
}

func newAccessToken(t *accessToken) error { return nil }
func newSecretKey() (string, error)       { return "", nil }

var internalToken string

// A command-line command that prints the secret it has just made writes
// its output to the operator's terminal, not a log.

// From gitea cmd/generate.go:98 (gitea generate secret SECRET_KEY).
func runGenerateSecretKey(_ context.Context, c *cli.Command) error {
	secretKey, err := newSecretKey()
	if err != nil {
		return err
	}
	fmt.Printf("%s", secretKey)
	return nil
}

// From gitea cmd/admin_user_generate_access_token.go:91,93 and
// cmd/admin_user_create.go:155,238.
func runGenerateAccessToken(ctx context.Context, c *cli.Command) error {
	t := &accessToken{Name: c.String("token-name")}
	if err := newAccessToken(t); err != nil {
		return err
	}
	if c.Bool("raw") {
		fmt.Printf("%s\n", t.Token)
	} else {
		fmt.Printf("Access token was successfully created: %s\n", t.Token)
	}
	var password string
	password, _ = newSecretKey()
	fmt.Fprintf(os.Stdout, "generated random password is '%s'\n", password)
	return nil
}

var printTokenCmd = &cobra.Command{
	Use: "token",
	RunE: func(cmd *cobra.Command, args []string) error {
		token, err := newSecretKey()
		fmt.Println(token)
		return err
	},
}

// Still reported: a command that logs the secret, or prints one it did not
// make (the process's configured secret).
func runServe(ctx context.Context, c *cli.Command) error {
	secretKey, _ := newSecretKey()
	log.Printf("secret key %s", secretKey)           // want `log\.Printf logs secretKey, a secret-named variable`
	fmt.Printf("internal token %s\n", internalToken) // want `fmt\.Printf logs internalToken, a secret-named variable`
	fmt.Printf("token %s\n", c.String("token"))
	return nil
}

// Still reported: the same print outside a command handler.
func generateAndPrint() {
	secretKey, _ := newSecretKey()
	fmt.Printf("%s", secretKey) // want `fmt\.Printf logs secretKey, a secret-named variable`
}

type authCollection struct{ Name string }

// From pocketbase apis/middlewares.go:406: a name logged under the key
// "auth" is a label, not a credential.
func logAuthCollection(ctx context.Context, auth *authCollection, sessionID string) {
	slog.InfoContext(ctx, "request", slog.String("auth", auth.Name))
	slog.InfoContext(ctx, "request", "auth", auth.Name)
	slog.InfoContext(ctx, "request", slog.String("auth", sessionID)) // want `slog\.String logs sessionID under the secret-named key "auth"`
}
