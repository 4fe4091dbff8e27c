// Command secrets calls GitHub and S3 with credentials written into the
// source. The keys are fake, split so that secret scanners do not take
// this file for a leak; prodlint judges the concatenated constants.
package main

import (
	"fmt"
	"log"
	"net/http"
)

// awsAccessKeyID is committed with the code: every clone has it.
const awsAccessKeyID = "AKIA" + "VQJXXVBOTHD2WTFL"

type githubClient struct {
	Token string
	Owner string
}

func main() {
	c := githubClient{
		Token: "gh" + "p_SnH6av1Ib8pp1xxXHU0BScJXj675eVq30XYq",
		Owner: "prodlint",
	}
	req, err := http.NewRequest(http.MethodGet, "https://api.github.com/user", nil)
	if err != nil {
		log.Fatal(err)
	}
	req.Header.Set("Authorization", "token "+c.Token)
	log.Printf("calling GitHub for %s with headers %v", c.Owner, req.Header)
	fmt.Println("S3 client ready for key", awsAccessKeyID[:4])
}
