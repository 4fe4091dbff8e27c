package secretliteral

// ErrorText is the description of an API error code, in a human language.
type ErrorText string

// Text in a human language is not a key, even under a credential-sounding
// name and with ASCII words inside it; the ASCII twin is still reported.
const (
	InvalidCredential ErrorText = "不合法的secret参数"
	InvalidSecretKey  ErrorText = "Zq8vN3xLp5RtW7yKm2Bc" // want `\[secret-literal\] InvalidSecretKey is set to a hardcoded high-entropy string \(Zq8v\*{16}\)`
)
