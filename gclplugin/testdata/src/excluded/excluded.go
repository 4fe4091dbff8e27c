// Package excluded holds the same directive as package directive; the
// test that analyzes it excludes this directory in the plugin settings.
package excluded

//prodlint:ignore no-such-rule because it is a fixture
var X = 1
