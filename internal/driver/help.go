package driver

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/prodlint/prodlint/analyzers"
)

// help prints the rule list, or one rule's documentation. "help -json"
// prints the rule list as JSON, like -list -json.
func help(opts Options, args []string) int {
	if len(args) == 1 && (args[0] == "-json" || args[0] == "--json") {
		return listRules(opts, true)
	}
	if len(args) == 0 {
		return listRules(opts, false)
	}
	code := ExitClean
	for _, id := range args {
		var found *analyzers.Rule
		for _, r := range opts.Rules {
			if r.ID == id || strings.ReplaceAll(r.ID, "-", "_") == id {
				found = r
			}
		}
		if found == nil {
			fmt.Fprintf(opts.Stderr, "prodlint: unknown rule id %q; `prodlint help` lists the rules\n", id)
			code = ExitUsage
			continue
		}
		fmt.Fprint(opts.Stdout, analyzers.RuleMarkdown(found))
	}
	return code
}

// jsonRule is one rule in `prodlint -list -json`: its defaults, as
// rules.toml would state them.
type jsonRule struct {
	ID       string       `json:"id"`
	Title    string       `json:"title"`
	Severity string       `json:"severity"`
	Enabled  bool         `json:"enabled"` // enabled by default
	Since    string       `json:"since"`
	URL      string       `json:"url"`
	Options  []jsonOption `json:"options"`
}

type jsonOption struct {
	Key     string `json:"key"`
	Default any    `json:"default"` // the TOML default as a JSON value; durations are strings
	Doc     string `json:"doc"`
}

// listRules prints every rule with its defaults: a table, or JSON.
func listRules(opts Options, asJSON bool) int {
	if !asJSON {
		fmt.Fprintln(opts.Stdout, "prodlint rules (prodlint help RULE for details; configure them in rules.toml):")
		fmt.Fprintln(opts.Stdout)
		for _, r := range opts.Rules {
			state := ""
			if !r.Enabled {
				state = " (off by default)"
			}
			fmt.Fprintf(opts.Stdout, "  %-24s %s%s\n", r.ID, r.Doc.Title, state)
		}
		return ExitClean
	}
	out := []jsonRule{}
	for _, r := range opts.Rules {
		jr := jsonRule{
			ID: r.ID, Title: r.Doc.Title, Severity: string(r.Severity), Enabled: r.Enabled,
			Since: r.Doc.Since, URL: r.URL(), Options: []jsonOption{},
		}
		for _, o := range analyzers.RuleOptions(r) {
			jr.Options = append(jr.Options, jsonOption{Key: o.Key, Default: tomlDefault(o.Default), Doc: o.Doc})
		}
		out = append(out, jr)
	}
	enc := json.NewEncoder(opts.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintf(opts.Stderr, "prodlint: %v\n", err)
		return ExitAnalysis
	}
	return ExitClean
}

// tomlDefault decodes a default written in TOML syntax into a JSON-ready
// value; it keeps the text when it does not decode.
func tomlDefault(lit string) any {
	var v struct{ V any }
	if _, err := toml.Decode("V = "+lit, &v); err != nil {
		return lit
	}
	return v.V
}
