// Package main is an admin command that creates an API token and prints
// it: the token is the command's output to the operator, not a log line.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
)

// Token is a created API token.
type Token struct {
	ID     string
	Secret string
}

type adminClient struct{}

func (adminClient) CreateToken(name string) (Token, error) { return Token{}, nil }

func generatePassword() string { return "" }

func loadToken() string { return os.Getenv("API_TOKEN") }

func main() {
	name := flag.String("name", "", "token name")
	flag.Parse()
	var c adminClient
	tok, err := c.CreateToken(*name)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tok.Secret)
	password := generatePassword()
	fmt.Printf("password: %s\n", password)

	// Twins: logging the created token sends it to the log pipeline, and
	// printing a token the program was configured with is a leak.
	log.Printf("created %s", tok.Secret) // want `\[secret-logged\]`
	token := loadToken()
	fmt.Println(token) // want `\[secret-logged\]`
}
