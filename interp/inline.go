package interp

import (
	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/rt"
)

// This file gives the interpreter the same fast paths the code generator
// inlines: binary arithmetic and comparisons, car/cdr/cons and the common
// predicates call rt's fast paths directly instead of going through the
// variadic primitive with an argument slice. Common operand shapes are
// superinstructions: an operand that is a local variable or a constant is
// read by the instruction itself rather than by a code of its own, so
// (< n 2), (- n 1) or (+ i j) is one closure call, with the fixnum (and
// flonum) arithmetic written out in it.

//go:generate go run gen_instr.go

type testCode func(t *rt.Thread, f []rt.Value) bool

var arith2 = map[string]func(*rt.Thread, rt.Value, rt.Value, *rt.Pos) rt.Value{
	"+": add, "-": sub, "*": rt.Mul2, "/": rt.Div2,
}

var compare2 = map[string]func(*rt.Thread, rt.Value, rt.Value, *rt.Pos) bool{
	"<": lt, "<=": le, ">": gt, ">=": ge, "=": numEq,
}

// The binary operations, each with its fixnum fast path small enough to
// be inlined into the instructions, and a flonum path before rt's generic
// code.

func add(t *rt.Thread, x, y rt.Value, loc *rt.Pos) rt.Value {
	if x.IsFixnum() && y.IsFixnum() {
		a, b := x.Int(), y.Int()
		if s := a + b; (s^a)&(s^b) >= 0 {
			return rt.Fixnum(s)
		}
	}
	return addSlow(t, x, y, loc)
}

func addSlow(t *rt.Thread, x, y rt.Value, loc *rt.Pos) rt.Value {
	if x.IsFlonum() && y.IsFlonum() {
		return rt.Flonum(x.Float() + y.Float())
	}
	return rt.Add2(t, x, y, loc)
}

func sub(t *rt.Thread, x, y rt.Value, loc *rt.Pos) rt.Value {
	if x.IsFixnum() && y.IsFixnum() {
		a, b := x.Int(), y.Int()
		if s := a - b; (a^b)&(s^a) >= 0 {
			return rt.Fixnum(s)
		}
	}
	return subSlow(t, x, y, loc)
}

func subSlow(t *rt.Thread, x, y rt.Value, loc *rt.Pos) rt.Value {
	if x.IsFlonum() && y.IsFlonum() {
		return rt.Flonum(x.Float() - y.Float())
	}
	return rt.Sub2(t, x, y, loc)
}

func lt(t *rt.Thread, x, y rt.Value, loc *rt.Pos) bool {
	if x.IsFixnum() && y.IsFixnum() {
		return x.Int() < y.Int()
	}
	return cmpSlow(t, x, y, loc, '<')
}

func le(t *rt.Thread, x, y rt.Value, loc *rt.Pos) bool {
	if x.IsFixnum() && y.IsFixnum() {
		return x.Int() <= y.Int()
	}
	return cmpSlow(t, x, y, loc, 'l')
}

func gt(t *rt.Thread, x, y rt.Value, loc *rt.Pos) bool {
	if x.IsFixnum() && y.IsFixnum() {
		return x.Int() > y.Int()
	}
	return cmpSlow(t, x, y, loc, '>')
}

func ge(t *rt.Thread, x, y rt.Value, loc *rt.Pos) bool {
	if x.IsFixnum() && y.IsFixnum() {
		return x.Int() >= y.Int()
	}
	return cmpSlow(t, x, y, loc, 'g')
}

func numEq(t *rt.Thread, x, y rt.Value, loc *rt.Pos) bool {
	if x.IsFixnum() && y.IsFixnum() {
		return x.Int() == y.Int()
	}
	return cmpSlow(t, x, y, loc, '=')
}

// cmpSlow compares two numbers that are not both fixnums.
func cmpSlow(t *rt.Thread, x, y rt.Value, loc *rt.Pos, op byte) bool {
	if x.IsFlonum() && y.IsFlonum() {
		a, b := x.Float(), y.Float()
		switch op {
		case '<':
			return a < b
		case 'l':
			return a <= b
		case '>':
			return a > b
		case 'g':
			return a >= b
		}
		return a == b
	}
	switch op {
	case '<':
		return rt.Lt2(t, x, y, loc)
	case 'l':
		return rt.Le2(t, x, y, loc)
	case '>':
		return rt.Gt2(t, x, y, loc)
	case 'g':
		return rt.Ge2(t, x, y, loc)
	}
	return rt.NumEq2(t, x, y, loc)
}

// operand is how an inlined primitive gets one operand: from a slot of
// the frame (an unboxed local variable), as a constant, or by running
// code.
type operand struct {
	slot int // >= 0: a local variable
	k    rt.Value
	isK  bool
	c    code
}

func (c *compiler) operand(n analyze.Node, l *layout) operand {
	switch n := n.(type) {
	case *analyze.Ref:
		if !c.boxed(n.Var) {
			return operand{slot: l.find(n.Var)}
		}
	case *analyze.Const:
		return operand{slot: -1, k: n.Val, isK: true}
	}
	return operand{slot: -1, c: c.compile(n, l)}
}

// binary compiles op on two operands, specialised to their shapes.
func binary[R any](a, b operand, op func(*rt.Thread, rt.Value, rt.Value, *rt.Pos) R, loc *rt.Pos) func(t *rt.Thread, f []rt.Value) R {
	switch {
	case a.slot >= 0 && b.isK:
		i, k := a.slot, b.k
		return func(t *rt.Thread, f []rt.Value) R { return op(t, f[i], k, loc) }
	case a.slot >= 0 && b.slot >= 0:
		i, j := a.slot, b.slot
		return func(t *rt.Thread, f []rt.Value) R { return op(t, f[i], f[j], loc) }
	case a.c != nil && b.isK:
		x, k := a.c, b.k
		return func(t *rt.Thread, f []rt.Value) R { return op(t, x(t, f), k, loc) }
	case a.c != nil && b.slot >= 0:
		x, j := a.c, b.slot
		return func(t *rt.Thread, f []rt.Value) R { return op(t, x(t, f), f[j], loc) }
	}
	x, y := a.code(), b.code()
	return func(t *rt.Thread, f []rt.Value) R { return op(t, x(t, f), y(t, f), loc) }
}

// code is the operand as a code of its own.
func (o operand) code() code {
	switch {
	case o.slot >= 0:
		i := o.slot
		return func(_ *rt.Thread, f []rt.Value) rt.Value { return f[i] }
	case o.isK:
		k := o.k
		return func(*rt.Thread, []rt.Value) rt.Value { return k }
	}
	return o.c
}

// arith compiles a binary arithmetic primitive: a superinstruction
// (zz_instr.go) when there is one for the operation, else the operation
// on its operands.
func (c *compiler) arith(name string, op func(*rt.Thread, rt.Value, rt.Value, *rt.Pos) rt.Value, a, b operand, loc *rt.Pos) code {
	if r := arithInstr(name, a, b, loc); r != nil {
		return r
	}
	return binary(a, b, op, loc)
}

// compare compiles a binary comparison for its truth value.
func (c *compiler) compare(name string, op func(*rt.Thread, rt.Value, rt.Value, *rt.Pos) bool, a, b operand, loc *rt.Pos) testCode {
	if r := compareInstr(name, a, b, loc); r != nil {
		return r
	}
	return binary(a, b, op, loc)
}

// inlineTest compiles a predicate call to a Go bool, or returns nil.
func (c *compiler) inlineTest(n *analyze.PrimCall, l *layout) testCode {
	name := n.Prim.Name
	switch len(n.Args) {
	case 2:
		if op := compare2[name]; op != nil {
			return c.compare(name, op, c.operand(n.Args[0], l), c.operand(n.Args[1], l), c.loc(n.P))
		}
		if name == "eq?" {
			a, b := c.operand(n.Args[0], l), c.operand(n.Args[1], l)
			if a.slot >= 0 && b.isK {
				i, k := a.slot, b.k
				return func(t *rt.Thread, f []rt.Value) bool { return rt.Eq(f[i], k) }
			}
			x, y := a.code(), b.code()
			return func(t *rt.Thread, f []rt.Value) bool { return rt.Eq(x(t, f), y(t, f)) }
		}
	case 1:
		a := c.operand(n.Args[0], l)
		if a.slot >= 0 {
			i, loc := a.slot, c.loc(n.P)
			switch name {
			case "null?":
				return func(t *rt.Thread, f []rt.Value) bool { return f[i].IsNull() }
			case "pair?":
				return func(t *rt.Thread, f []rt.Value) bool { return f[i].IsPair() }
			case "not":
				return func(t *rt.Thread, f []rt.Value) bool { return f[i].IsFalse() }
			case "zero?":
				return func(t *rt.Thread, f []rt.Value) bool {
					x := f[i]
					if x.IsFixnum() {
						return x.Int() == 0
					}
					t.Loc = loc
					return rt.ZeroP(t, x).IsTrue()
				}
			}
		}
		e := a.code()
		switch name {
		case "null?":
			return func(t *rt.Thread, f []rt.Value) bool { return e(t, f).IsNull() }
		case "pair?":
			return func(t *rt.Thread, f []rt.Value) bool { return e(t, f).IsPair() }
		case "not":
			return func(t *rt.Thread, f []rt.Value) bool { return e(t, f).IsFalse() }
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
	if r, ok := n.(*analyze.Ref); ok && !c.boxed(r.Var) {
		i := l.find(r.Var)
		return func(t *rt.Thread, f []rt.Value) bool { return f[i].IsTrue() }
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
			return c.arith(name, op, c.operand(n.Args[0], l), c.operand(n.Args[1], l), loc)
		}
		switch name {
		case "cons":
			return binary(c.operand(n.Args[0], l), c.operand(n.Args[1], l), func(_ *rt.Thread, x, y rt.Value, _ *rt.Pos) rt.Value { return rt.Cons(x, y) }, loc)
		case "vector-ref":
			return binary(c.operand(n.Args[0], l), c.operand(n.Args[1], l), func(t *rt.Thread, v, k rt.Value, loc *rt.Pos) rt.Value {
				if v.IsVector() && k.IsFixnum() {
					if items := v.Vec().Items; uint64(k.Int()) < uint64(len(items)) {
						return items[k.Int()]
					}
				}
				t.Loc = loc
				return rt.VectorRef(t, v, k)
			}, loc)
		}
	case 1:
		a := c.operand(n.Args[0], l)
		if a.slot >= 0 {
			i := a.slot
			switch name {
			case "car":
				return func(t *rt.Thread, f []rt.Value) rt.Value {
					if x := f[i]; x.IsPair() {
						return x.Pair().Car
					}
					return rt.CarAt(t, f[i], loc)
				}
			case "cdr":
				return func(t *rt.Thread, f []rt.Value) rt.Value {
					if x := f[i]; x.IsPair() {
						return x.Pair().Cdr
					}
					return rt.CdrAt(t, f[i], loc)
				}
			}
		}
		e := a.code()
		switch name {
		case "car":
			return func(t *rt.Thread, f []rt.Value) rt.Value { return rt.CarAt(t, e(t, f), loc) }
		case "cdr":
			return func(t *rt.Thread, f []rt.Value) rt.Value { return rt.CdrAt(t, e(t, f), loc) }
		}
	}
	if tc := c.inlineTest(n, l); tc != nil {
		return func(t *rt.Thread, f []rt.Value) rt.Value { return rt.Bool(tc(t, f)) }
	}
	return nil
}
