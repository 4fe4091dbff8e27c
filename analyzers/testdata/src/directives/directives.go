package directives

func reported() {
	panic("x") // want `\[test-panic\] panic called`
}

func trailing() {
	panic("x") //prodlint:ignore test-panic the process cannot continue without its config
}

func above() {
	//prodlint:ignore test-panic the process cannot continue without its config
	panic("x")
}

func aboveOnlyCoversNextLine() {
	//prodlint:ignore test-panic covers only the next line // want `\[ignore-directive\] this //prodlint:ignore names test-panic, but there is no test-panic finding`
	_ = 1
	panic("x") // want `\[test-panic\] panic called`
}

func trailingDoesNotCoverNextLine() {
	_ = 1      //prodlint:ignore test-panic trailing comments cover their own line // want `\[ignore-directive\] this //prodlint:ignore names test-panic`
	panic("x") // want `\[test-panic\] panic called`
}

func noReasonSilencesNothing() {
	//prodlint:ignore test-panic
	panic("x") // want `\[test-panic\] panic called`
}

func spacedSilencesNothing() {
	// prodlint:ignore test-panic a space makes it prose
	panic("x") // want `\[test-panic\] panic called`
}

func twoRules() {
	//prodlint:ignore other-rule,test-panic both named, this rule's finding is silenced
	panic("x")
}
