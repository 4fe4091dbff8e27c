// Package secretliteral holds secret-literal's fixtures. Credentials are
// fake, and split by constant concatenation so that the source itself
// does not look like a leaked key to secret scanners; the analyzer judges
// the concatenated constant.
package secretliteral

import "regexp"

func use(s ...string) {}

// One positive per known format, as call arguments (no fix offered).
func knownFormats() {
	use("AKIA" + "VQJXXVBOTHD2WTFL")                                                                                         // want `\[secret-literal\] string literal holds an AWS access key id \(AKIA\*{16}\): every clone`
	use("ASIA" + "VQJXXVBOTHD2WTFL")                                                                                         // want `holds an AWS access key id \(ASIA\*{16}\)`
	use("[default]\naws_secret_access_key = " + "pdzPaEMM1ZA7V0FhHVJWDBt2hWdQZUm14QhoxhLP\n")                                // want `holds an AWS secret access key \(pdzP\*{16}\)`
	use("gh" + "p_SnH6av1Ib8pp1xxXHU0BScJXj675eVq30XYq")                                                                     // want `holds a GitHub token \(ghp_\*{16}\)`
	use("gh" + "s_SnH6av1Ib8pp1xxXHU0BScJXj675eVq30XYq")                                                                     // want `holds a GitHub token \(ghs_\*{16}\)`
	use("github" + "_pat_aNUDqN9Nifp28uwCDydeso_kF5NSAllsNdV40J599dTCZWZYvRSZeyx4Ag8SsaxTmknuj64AX6VM2ewMuB")                // want `holds a GitHub fine-grained personal access token \(gith\*{16}\)`
	use("xo" + "xb-4190697844368-2144832665367-Vbpag1xYKiuMw7TpHD8BHbNd")                                                    // want `holds a Slack token \(xoxb\*{16}\)`
	use("https://hooks.slack.com/services/" + "T9G2LBC7RD0/BSMA2SLLQYC/ZOkN8gaW18vjsgJ0Wu8FxTwX")                            // want `holds a Slack incoming webhook URL \(http\*{16}\)`
	use("sk_" + "live_qxni7z9KwRkNr4aE28uz5eRTpPWzUB4q")                                                                     // want `holds a Stripe live secret key \(sk_l\*{16}\)`
	use("rk_" + "live_60sskDI1EDL0Y6wu1JOSNta0PKhe37ak")                                                                     // want `holds a Stripe live secret key \(rk_l\*{16}\)`
	use("sk-" + "ant-api03-a1bMZwIMlvdp5gjTrD8Osj-LnZ5R_j-8U-m7aSz7NRSOtv75y4SXvE9rwLbAtf6e9cpCGybY9lMR4pAwBp3GVy1PixOqoAA") // want `holds an Anthropic API key \(sk-a\*{16}\)`
	use("sk-" + "proj-RGrB5Vpg5C6QsyHZytfqY6K1Qjah4dXd3eOa1Zcc-a4CgOFfqRgz7IhYePP2lny2pg17_dUM2jNKogorTAuRVpQ09oiVeZWJ9Q")   // want `holds an OpenAI API key \(sk-p\*{16}\)`
	use("sk-" + "fWEIRH3KU3hOuNsFqrLt" + "T3Blbk" + "FJCCuFVpoDCIb20W0tvi1j")                                                // want `holds an OpenAI API key \(sk-f\*{16}\)`
	use("AI" + "zaKz5b70CO8W7RQHy2Yp_ptzsJqLOJqu3g9DY")                                                                      // want `holds a Google API key \(AIza\*{16}\)`
	use("SG" + ".pQaxEN_cNljiRkV71kDRuI.r2jhTxs_OHKDpnJh-rgiOaPq-N9RtlnnudSkpmKog0Q")                                        // want `holds a SendGrid API key \(SG\.p\*{16}\)`
	use("SK" + "53f50a0be52d057e0bd04ab300544069")                                                                           // want `holds a Twilio API key SID \(SK53\*{16}\)`
	use(pemKey)
}

const pemKey = "-----BEGIN RSA PRIV" + "ATE KEY-----\n" + // want `holds a PEM RSA PRIVATE KEY block \(-----BEGIN RSA PRIVATE KEY-----\)`
	"Tqr8aFvnKbnHFbDfj3u/ypO09RnKw1zW9+ohP46PbmT1TOkzfR1wKbPXTXx8TTx4\n" +
	"XUMGmTtfc6y/xI25MTL3xzfMg5lJYj/loHI3Yhc1OxT+8QY4+3BMDogiSTRIiP9L\n" +
	"Jm7R04ZhbGSdGWoZ6axl7KBGgMVGOYn7B3/5SApY\n" +
	"-----END RSA PRIVATE KEY-----\n"

// Secrets with no shape of their own, recognised by the id beside them.
type awsCreds struct{ ID, Secret, Session string }

func pairedFormats() {
	newStaticCredentials("AKIA"+"VQJXXVBOTHD2WTFL", // want `holds an AWS access key id`
		"pdzPaEMM1ZA7V0FhHVJWDBt2hWdQZUm14QhoxhLP", "") // want `holds an AWS secret access key \(pdzP\*{16}\)`
	_ = []string{"AC" + "8c83998e1705bb7a7af3d2e2425ba968", "2170905f4ec5a399fc47f5edbada514e"} // want `holds a Twilio auth token \(2170\*{16}\)`
	_ = []string{"SK" + "53f50a0be52d057e0bd04ab300544069", "frpx8IH5vbljomsx29WujczU9YGP6SxW"} // want `holds a Twilio API key SID` `holds a Twilio API key secret \(frpx\*{16}\)`
}

func newStaticCredentials(id, key, token string) {}

// False-positive traps: none of these is reported.
func formatTraps() {
	use("AKIA" + "IOSFODNN7EXAMPLE")                                                                                              // the AWS documentation key id
	use("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")                                                                               // the AWS documentation secret key
	use("AKIA" + "XXXXXXXXXXXXXXXX")                                                                                              // a placeholder
	use("AKIA" + "0000000000000000")                                                                                              // no variety
	use("ghp_" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")                                                                          // a placeholder
	_ = regexp.MustCompile(`\b(AKIA|ASIA)[A-Z0-9]{16}\b`)                                                                         // a detector's pattern
	_ = regexp.MustCompile(`ghp_[A-Za-z0-9]{36}`)                                                                                 // a detector's pattern
	use("ghp_", "github_pat_", "sk-ant-", "xoxb-", "AIza")                                                                        // prefixes a parser matches
	use("sk_" + "test_qxni7z9KwRkNr4aE28uz5eRTpPWzUB4q")                                                                          // Stripe test mode key
	use("sk-" + "ant-api03-<your-key>")                                                                                           // documentation placeholder
	use("-----BEGIN RSA PRIVATE KEY-----")                                                                                        // a header a parser compares against
	use("-----BEGIN PUBLIC KEY-----\nTqr8aFvnKbnHFbDfj3u/ypO09RnKw1zW9+ohP46PbmT1TOkzfR1wKbPXTXx8TTx4\n-----END PUBLIC KEY-----") // public keys are public
	use("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")                                                       // a SHA-256 digest, not bound to a secret name
	use("e83c5163316f89bfbde7d9ab23ca2e25604af290")                                                                               // a git commit id (40 characters, no AWS key id beside it)
	use("123e4567-e89b-12d3-a456-426614174000")                                                                                   // a UUID
	use("AC" + "8c83998e1705bb7a7af3d2e2425ba968")                                                                                // a Twilio account SID alone is an identifier
	_ = []string{"c17fd04d5014995756e61d6b91cda411", "2170905f4ec5a399fc47f5edbada514e"}                                          // two digests, no SID beside them
	use("TASK" + "53f50a0be52d057e0bd04ab300544069")                                                                              // SK inside a longer word
	use("sk-" + "short")                                                                                                          // too short for an OpenAI key
	use("abcdefgh-0123456789")                                                                                                    // short, no format
}
