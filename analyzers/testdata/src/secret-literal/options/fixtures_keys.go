package secretliteraloptions

// Excluded by allow_paths = ["**/fixtures_*.go"].
var fixtureKeyID = "AKIA" + "VQJXXVBOTHD2WTFL"
