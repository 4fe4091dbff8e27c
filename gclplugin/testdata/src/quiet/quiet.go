// Package quiet holds the same directive as package directive; the test
// that analyzes it switches ignore-directive off in the plugin settings.
package quiet

//prodlint:ignore no-such-rule because it is a fixture
var X = 1
