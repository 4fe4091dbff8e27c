package lib

// Even and odd are mutually recursive; only odd panics, so both may.
func Even(n int) bool { // want Even:"panics"
	if n == 0 {
		return true
	}
	return odd(n - 1)
}

func odd(n int) bool {
	if n < 0 {
		panic("negative")
	}
	return Even(n - 1)
}

// Count recurses on itself and never panics.
func Count(n int) int {
	if n == 0 {
		return 0
	}
	return 1 + Count(n-1)
}

// Wrap panics through a callee declared after it.
func Wrap() { fail() } // want Wrap:"panics"

func fail() { panic("x") }

// T has a method that panics.
type T struct{}

func (T) Boom() { panic("boom") } // want Boom:"panics"
