// Package directive holds a suppression that names no rule prodlint
// knows: the ignore-directive rule reports it, which proves the plugin's
// analyzers ran with the plugin's settings.
package directive

//prodlint:ignore no-such-rule because it is a fixture // want `\[ignore-directive\] //prodlint:ignore names unknown rule no-such-rule`
var X = 1
