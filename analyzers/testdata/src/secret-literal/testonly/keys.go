// Package testonly holds keys for tests (a testonly directory, no testing
// import): with tests = false, prodlint does not report test-support
// packages.
//
// From trillian testonly/keys.go:23 (DemoPrivateKey, a PEM EC private key
// documented as "ONLY FOR TESTING", used only by _test.go files).
package testonly

// DemoPrivateKey is the private key itself; must only be used for testing purposes.
const DemoPrivateKey string = "-----BEGIN EC PRIV" + "ATE KEY-----\n" +
	"Proc-Type: 4,ENCRYPTED\n" +
	"DEK-Info: DES-CBC,5A3C09D1E7F24B68\n\n" +
	"Tqr8aFvnKbnHFbDfj3u/ypO09RnKw1zW9+ohP46PbmT1TOkzfR1wKbPXTXx8TTx4\n" +
	"XUMGmTtfc6y/xI25MTL3xzfMg5lJYj/loHI3Yhc1OxT+8QY4+3BMDogiSTRIiP9L\n" +
	"Jm7R04ZhbGSdGWoZ6axl7KBGgMVGOYn7B3/5SApY\n" +
	"-----END EC PRIVATE KEY-----"

// A key of a known format inside a test-support package's function.
func quietTestCode() string {
	return "-----BEGIN RSA PRIV" + "ATE KEY-----\n" +
		"MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n" +
		"-----END RSA PRIV" + "ATE KEY-----\n"
}
