// Package jwtcheck holds the rules for JSON Web Tokens: expiry and algorithm pinning.
package jwtcheck

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the JWT family.
func Rules() []*rule.Rule { return []*rule.Rule{NoExpiry(), Unverified()} }
