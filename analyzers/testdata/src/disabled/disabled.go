package disabled

func f() {
	panic("disabled rules report nothing")
}
