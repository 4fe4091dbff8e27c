// Command secrets calls GitHub and S3 with credentials read from the
// environment, and logs only that they are set.
package main

import (
	"fmt"
	"log"
	"os"
)

type githubClient struct {
	Token string
	Owner string
}

func main() {
	awsAccessKeyID := os.Getenv("AWS_ACCESS_KEY_ID")
	c := githubClient{
		Token: os.Getenv("GITHUB_TOKEN"),
		Owner: "prodlint",
	}
	if c.Token == "" || awsAccessKeyID == "" {
		log.Fatal("GITHUB_TOKEN and AWS_ACCESS_KEY_ID must be set")
	}
	log.Printf("calling GitHub for %s (token set: %t)", c.Owner, c.Token != "")
	fmt.Println("S3 client ready")
}
