package secretliteral

// Names, stand-ins and references bound to a secret-like name: quiet.

func quietPlaceholder() string {
	apiToken := "${API_TOKEN_VALUE}"
	return apiToken
}

func quietHeaderName() string {
	authorization := "X-Custom-Authorization"
	return authorization
}

func quietValueNamesItself() string {
	const credential = "Credential="
	return credential
}

func quietReference() string {
	suffixAuth := ".basic.allowed-authenticators"
	return suffixAuth
}

// Twins: a label with a random value after it, and a key's suffix that
// is not lower-case words, are values.
func labelsWithValues() []string {
	const credential = "Credential=AKfq93Lz0pWmQ" // want `\[secret-literal\] credential is set to a hardcoded high-entropy string`
	suffixAuth := ".Zq8x-Lm3pV7s-kR2t"            // want `\[secret-literal\] suffixAuth is set to a hardcoded high-entropy string`
	return []string{credential, suffixAuth}
}
