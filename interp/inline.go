package interp

import (
	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/rt"
)

// This file gives the interpreter the same fast paths the code generator
// inlines: binary arithmetic and comparisons, car/cdr/cons and the common
// predicates call rt's fixnum fast paths directly instead of going through
// the variadic primitive with an argument slice.

type testCode func(t *rt.Thread, f []rt.Value) bool

var arith2 = map[string]func(*rt.Thread, rt.Value, rt.Value, *rt.Pos) rt.Value{
	"+": rt.Add2, "-": rt.Sub2, "*": rt.Mul2, "/": rt.Div2,
}

var compare2 = map[string]func(*rt.Thread, rt.Value, rt.Value, *rt.Pos) bool{
	"<": rt.Lt2, "<=": rt.Le2, ">": rt.Gt2, ">=": rt.Ge2, "=": rt.NumEq2,
}

// inlineTest compiles a predicate call to a Go bool, or returns nil.
func (c *compiler) inlineTest(n *analyze.PrimCall, l *layout) testCode {
	name := n.Prim.Name
	switch len(n.Args) {
	case 2:
		a, b := c.compile(n.Args[0], l), c.compile(n.Args[1], l)
		if op := compare2[name]; op != nil {
			loc := c.loc(n.P)
			return func(t *rt.Thread, f []rt.Value) bool { return op(t, a(t, f), b(t, f), loc) }
		}
		if name == "eq?" {
			return func(t *rt.Thread, f []rt.Value) bool { return rt.Eq(a(t, f), b(t, f)) }
		}
	case 1:
		a := c.compile(n.Args[0], l)
		switch name {
		case "null?":
			return func(t *rt.Thread, f []rt.Value) bool { return a(t, f).IsNull() }
		case "pair?":
			return func(t *rt.Thread, f []rt.Value) bool { return a(t, f).IsPair() }
		case "not":
			return func(t *rt.Thread, f []rt.Value) bool { return a(t, f).IsFalse() }
		}
	}
	return nil
}

// test compiles n for its truth value.
func (c *compiler) test(n analyze.Node, l *layout) testCode {
	if pc, ok := n.(*analyze.PrimCall); ok {
		if tc := c.inlineTest(pc, l); tc != nil {
			return tc
		}
	}
	e := c.compile(n, l)
	return func(t *rt.Thread, f []rt.Value) bool { return e(t, f).IsTrue() }
}

// inlinePrim compiles a primitive call with a fast path, or returns nil.
func (c *compiler) inlinePrim(n *analyze.PrimCall, l *layout) code {
	name := n.Prim.Name
	loc := c.loc(n.P)
	switch len(n.Args) {
	case 2:
		if op := arith2[name]; op != nil {
			a, b := c.compile(n.Args[0], l), c.compile(n.Args[1], l)
			return func(t *rt.Thread, f []rt.Value) rt.Value { return op(t, a(t, f), b(t, f), loc) }
		}
		if name == "cons" {
			a, b := c.compile(n.Args[0], l), c.compile(n.Args[1], l)
			return func(t *rt.Thread, f []rt.Value) rt.Value { return rt.Cons(a(t, f), b(t, f)) }
		}
	case 1:
		a := c.compile(n.Args[0], l)
		switch name {
		case "car":
			return func(t *rt.Thread, f []rt.Value) rt.Value { return rt.CarAt(t, a(t, f), loc) }
		case "cdr":
			return func(t *rt.Thread, f []rt.Value) rt.Value { return rt.CdrAt(t, a(t, f), loc) }
		}
	}
	if tc := c.inlineTest(n, l); tc != nil {
		return func(t *rt.Thread, f []rt.Value) rt.Value { return rt.Bool(tc(t, f)) }
	}
	return nil
}
