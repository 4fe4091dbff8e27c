// Package iterate holds a few functions for the engine's step count.
package iterate

func a() { b() }

func b() { c() }

func c() { a() }

func d() { d() }

func e() {}
