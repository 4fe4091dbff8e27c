// Package keys is the twin of secretliteral/testonly: the same key in a
// production package is reported.
package keys

// DemoPrivateKey is the private key itself.
const DemoPrivateKey string = "-----BEGIN EC PRIV" + "ATE KEY-----\n" + // want `holds a PEM EC PRIVATE KEY block`
	"Proc-Type: 4,ENCRYPTED\n" +
	"DEK-Info: DES-CBC,5A3C09D1E7F24B68\n\n" +
	"Tqr8aFvnKbnHFbDfj3u/ypO09RnKw1zW9+ohP46PbmT1TOkzfR1wKbPXTXx8TTx4\n" +
	"XUMGmTtfc6y/xI25MTL3xzfMg5lJYj/loHI3Yhc1OxT+8QY4+3BMDogiSTRIiP9L\n" +
	"Jm7R04ZhbGSdGWoZ6axl7KBGgMVGOYn7B3/5SApY\n" +
	"-----END EC PRIVATE KEY-----"
