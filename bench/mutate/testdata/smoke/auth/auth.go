// Package auth checks a password and logs the attempt without it.
package auth

import "log"

// Login reports whether the user may sign in; the log line names the user only.
func Login(user, password string) bool {
	ok := user != "" && password != ""
	log.Printf("login attempt for %s", user)
	return ok
}
