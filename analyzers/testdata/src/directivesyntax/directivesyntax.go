package directivesyntax

func noReason() {
	//prodlint:ignore ignore-directive // want `\[ignore-directive\] //prodlint:ignore has no reason`
	_ = 1
}

func noRule() {
	//prodlint:ignore // want `\[ignore-directive\] //prodlint:ignore names no rule`
	_ = 1
}

func unknownRule() {
	//prodlint:ignore no-such-rule because // want `\[ignore-directive\] //prodlint:ignore names unknown rule no-such-rule`
	_ = 1
}

func spaced() {
	// prodlint:ignore ignore-directive a space makes it prose // want `\[ignore-directive\] "// prodlint:ignore" has a space`
	_ = 1
}

func notADirective() {
	//prodlint:ignored is another word, and prose mentioning prodlint:ignore is not a directive
	_ = 1
}

func unusedSelf() {
	//prodlint:ignore ignore-directive nothing to silence here // want `\[ignore-directive\] this //prodlint:ignore names ignore-directive, but there is no ignore-directive finding`
	_ = 1
}
