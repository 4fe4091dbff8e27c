// Package secrets holds the rules for credentials in source and in logs:
// secret-literal reports credentials written as string literals, and
// secret-logged reports secrets passed to loggers and printers.
package secrets

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the secrets family.
func Rules() []*rule.Rule { return []*rule.Rule{Literal(), Logged()} }
