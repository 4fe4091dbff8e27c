// Package secrets holds the rules for credentials in source and in logs.
package secrets

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// Rules returns the secrets family.
func Rules() []*rule.Rule { return nil }
