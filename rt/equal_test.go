package rt

import (
	"testing"
	"time"
)

func TestEqualR7RSExamples(t *testing.T) {
	runCases(t, []schemeCase{
		{`(equal? 'a 'a)`, `#t`},
		{`(equal? '(a) '(a))`, `#t`},
		{`(equal? '(a (b) c) '(a (b) c))`, `#t`},
		{`(equal? "abc" "abc")`, `#t`},
		{`(equal? 2 2)`, `#t`},
		{`(equal? (make-vector 5 'a) (make-vector 5 'a))`, `#t`},
		{`(equal? 2 2.0)`, `#f`},
		{`(equal? "abc" "abC")`, `#f`},
		{`(equal? '#(1 (2 "x") #u8(1 2)) (vector 1 (list 2 "x") (bytevector 1 2)))`, `#t`},
		{`(equal? '#(1 2) '#(1 2 3))`, `#f`},
		{`(equal? '#() '#())`, `#t`},
		{`(equal? #u8(1 2) #u8(1 3))`, `#f`},
		{`(equal? '(1 . 2) '(1 . 2))`, `#t`},
		{`(equal? '(1 2) '(1 . 2))`, `#f`},
		{`(equal? '(1 2) '#(1 2))`, `#f`},
		{`(equal? 100000000000000000000 100000000000000000000)`, `#t`},
		{`(equal? 1/2 (/ 2 4))`, `#t`},
		{`(equal? 0.0 -0.0)`, `#f`},
		{`(equal? +nan.0 +nan.0)`, `#t`},
		{`(equal? #\a #\a)`, `#t`},
		{`(equal? "" "")`, `#t`},
		{`(equal? car car)`, `#t`},
		{`(equal? car cdr)`, `#f`},
	})
}

// circular returns a list of the given elements whose last pair points
// back at the first.
func circular(vs ...Value) Value {
	l := List(vs...)
	p := l
	for p.Pair().Cdr.IsPair() {
		p = p.Pair().Cdr
	}
	p.Pair().Cdr = l
	return l
}

func TestEqualCircular(t *testing.T) {
	one, two := Fixnum(1), Fixnum(2)
	cases := []struct {
		name string
		a, b Value
		want bool
	}{
		{"same cycle", circular(one, two), circular(one, two), true},
		{"cycle of 2 vs cycle of 4 with the same elements", circular(one, two), circular(one, two, one, two), true},
		{"different elements", circular(one, two), circular(one, one), false},
		{"cycle vs finite", circular(one), List(one, one, one), false},
		{"cycle lengths 2 vs 3", circular(one, one, two), circular(one, two), false},
	}
	// Cycles through cars: x = (x . 1).
	carA, carB := Cons(Null, one), Cons(Null, one)
	carA.Pair().Car, carB.Pair().Car = carA, carB
	cases = append(cases, struct {
		name string
		a, b Value
		want bool
	}{"car cycles", carA, carB, true})
	// Cycles through both car and cdr: x = (x . x).
	bothA, bothB := Cons(Null, Null), Cons(Null, Null)
	bothA.Pair().Car, bothA.Pair().Cdr = bothA, bothA
	bothB.Pair().Car, bothB.Pair().Cdr = bothB, bothB
	cases = append(cases, struct {
		name string
		a, b Value
		want bool
	}{"car and cdr cycles", bothA, bothB, true})
	// Vectors containing themselves many times.
	selfVector := func(last Value) Value {
		items := make([]Value, 1000)
		v := NewVector(items)
		for i := range items {
			items[i] = v
		}
		if !last.IsDefault() {
			items[999] = last
		}
		return v
	}
	cases = append(cases, struct {
		name string
		a, b Value
		want bool
	}{"self-referential vectors", selfVector(Default), selfVector(Default), true})
	cases = append(cases, struct {
		name string
		a, b Value
		want bool
	}{"self-referential vectors differing in the last element", selfVector(Default), selfVector(one), false})
	// Long cycles with a difference far in.
	long1 := make([]Value, 5000)
	long2 := make([]Value, 5000)
	for i := range long1 {
		long1[i], long2[i] = Fixnum(int64(i)), Fixnum(int64(i))
	}
	long2[4321] = Str("x")
	cases = append(cases, struct {
		name string
		a, b Value
		want bool
	}{"long cycles equal", circular(long1...), circular(long1...), true})
	cases = append(cases, struct {
		name string
		a, b Value
		want bool
	}{"long cycles differing", circular(long1...), circular(long2...), false})

	for _, c := range cases {
		done := make(chan bool, 1)
		go func() { done <- Equal(c.a, c.b) }()
		select {
		case got := <-done:
			if got != c.want {
				t.Errorf("%s: equal? = %v, want %v", c.name, got, c.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: equal? did not terminate", c.name)
		}
	}
}

func TestEqualDeep(t *testing.T) {
	// A million-element list, and nesting through cars.
	const n = 1000000
	a, b := Null, Null
	for i := n - 1; i >= 0; i-- {
		a = Cons(Fixnum(int64(i)), a)
		b = Cons(Fixnum(int64(i)), b)
	}
	if !Equal(a, b) {
		t.Errorf("equal million-element lists reported different")
	}
	// Differ at the very end.
	p := b
	for p.Pair().Cdr.IsPair() {
		p = p.Pair().Cdr
	}
	p.Pair().Car = Fixnum(-1)
	if Equal(a, b) {
		t.Errorf("million-element lists differing at the end reported equal")
	}
	deepA, deepB := Null, Null
	for range 100000 {
		deepA, deepB = List(deepA), List(deepB)
	}
	if !Equal(deepA, deepB) {
		t.Errorf("deeply nested lists reported different")
	}
}

func BenchmarkEqualSmall(b *testing.B) {
	x := List(Fixnum(1), Str("two"), NewVector([]Value{Fixnum(3), Intern("four")}))
	y := List(Fixnum(1), Str("two"), NewVector([]Value{Fixnum(3), Intern("four")}))
	for b.Loop() {
		Equal(x, y)
	}
}

func BenchmarkEqualLongList(b *testing.B) {
	x, y := Null, Null
	for i := range 100000 {
		x, y = Cons(Fixnum(int64(i)), x), Cons(Fixnum(int64(i)), y)
	}
	for b.Loop() {
		Equal(x, y)
	}
}
