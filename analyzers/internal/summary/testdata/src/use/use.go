package use

import "lib"

func f(t lib.T) {
	lib.Even(2) // want "may panic"
	lib.Count(2)
	lib.Wrap() // want "may panic"
	t.Boom()   // want "may panic"
	g()
}

func g() {}
