//go:build debugserver

package buildtag

func init() {
	enableDebug = true
	verbose = true
}
