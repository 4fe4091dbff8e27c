// Package secretliteraloptions runs secret-literal with entropy = 4.5,
// min_length = 24, an allow list and allow_paths (see TestLiteralOptions).
package secretliteraloptions

func use(s ...string) {}

func options() {
	use("AKIA" + "VQJXXVBOTHD2WTFL")                     // want `\[secret-literal\] string literal holds an AWS access key id \(AKIA\*{16}\)`
	use("AKIA" + "Q3EGRTZ5TESTONLY")                     // allowed by "^AKIA.*TESTONLY$"
	use("gh" + "p_SnH6av1Ib8pp1xxXHU0BScJXj675eVq30XYq") // allowed by "^ghp_SnH6"
	use("gh" + "p_Xk2w9Rb7LqAEHBW44peEcu8hj28iHoTyXPoj") // want `holds a GitHub token \(ghp_\*{16}\)`

	dbPassword := "Tr0ub4dor&3xQ"                           // shorter than min_length = 24
	apiToken := "f3a9c2e1b7d84f6a9e0c5b2d1a8f7e6c"          // hex: about 4 bits per character, below entropy = 4.5
	apiSecret := "pdzPaEMM1ZA7V0FhHVJWDBt2hWdQZUm14QhoxhLP" // want `apiSecret is set to a hardcoded high-entropy string \(pdzP\*{16}\)`
	use(dbPassword, apiToken, apiSecret)
}
