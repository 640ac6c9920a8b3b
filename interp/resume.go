package interp

import (
	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/rt"
)

// This file makes interpreted code resumable, for re-entrant continuations
// (rt/resume.go has the protocol). A compiled node that evaluates a child
// which may return rt's unwind marker checks for it; when it comes, the
// node pushes a frame — a closure over the frame and the values computed so
// far that does the rest of the node's work — and returns the marker. Nodes
// whose children cannot unwind (no non-tail call, no resumable primitive)
// keep their plain code, so the check costs nothing there.

// unwinds reports whether evaluating n may return the unwind marker: it
// contains (outside nested lambdas) a non-tail call or a call of a
// resumable primitive.
func (c *compiler) unwinds(n analyze.Node) bool {
	if r, ok := c.unwindMemo[n]; ok {
		return r
	}
	r := false
	switch n := n.(type) {
	case *analyze.Lambda, *analyze.Const, *analyze.Ref, *analyze.GlobalRef, *analyze.PrimRef:
	case *analyze.Call:
		r = !n.Tail
	case *analyze.PrimCall:
		r = n.Prim.Resumable
	}
	if !r {
		if _, ok := n.(*analyze.Lambda); !ok {
			for _, ch := range analyze.Children(n) {
				if c.unwinds(ch) {
					r = true
					break
				}
			}
		}
	}
	c.unwindMemo[n] = r
	return r
}

func (c *compiler) anyUnwinds(ns []analyze.Node) bool {
	for _, n := range ns {
		if c.unwinds(n) {
			return true
		}
	}
	return false
}

// operands holds the values of a node's operands: up to four in an
// array, so evaluating them allocates nothing, more in a slice.
type operands struct {
	a    [4]rt.Value
	more []rt.Value // all of them, when there are more than four
	n    int
}

func (v *operands) at(i int) rt.Value {
	if v.more != nil {
		return v.more[i]
	}
	return v.a[i]
}

func (v *operands) set(i int, x rt.Value) {
	if v.more != nil {
		v.more[i] = x
	} else {
		v.a[i] = x
	}
}

// slice returns the values in a new slice.
func (v *operands) slice() []rt.Value {
	if v.more != nil {
		return append([]rt.Value(nil), v.more...)
	}
	return append([]rt.Value(nil), v.a[:v.n]...)
}

// finisher completes a node once all its operands are evaluated.
type finisher func(t *rt.Thread, f []rt.Value, v operands) rt.Value

// evalFrom evaluates codes[from:] into v and then calls finish. When an
// operand unwinds, the frame it pushes copies the values so far, so each
// resumption starts afresh.
func evalFrom(t *rt.Thread, f []rt.Value, codes []code, v operands, from int, finish finisher) rt.Value {
	for i := from; i < len(codes); i++ {
		x := codes[i](t, f)
		if rt.IsUnwind(x) {
			return pushOperands(t, f, codes, v, i, finish, x)
		}
		v.set(i, x)
	}
	return finish(t, f, v)
}

// pushOperands pushes the rest of an evaluation whose operand i unwound.
func pushOperands(t *rt.Thread, f []rt.Value, codes []code, saved operands, i int, finish finisher, marker rt.Value) rt.Value {
	if saved.more != nil {
		saved.more = append([]rt.Value(nil), saved.more...)
	}
	t.PushFrame(func(t *rt.Thread, x rt.Value) rt.Value {
		vs := saved
		if vs.more != nil {
			vs.more = append([]rt.Value(nil), saved.more...)
		}
		vs.set(i, x)
		return evalFrom(t, f, codes, vs, i+1, finish)
	})
	return marker
}

// evalAll is the code that evaluates codes and finishes.
func evalAll(codes []code, finish finisher) code {
	n := len(codes)
	if n <= 4 {
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			return evalFrom(t, f, codes, operands{n: n}, 0, finish)
		}
	}
	return func(t *rt.Thread, f []rt.Value) rt.Value {
		return evalFrom(t, f, codes, operands{more: make([]rt.Value, n), n: n}, 0, finish)
	}
}

// thenCode runs rest with the value of e, or pushes it as a frame when e
// unwinds.
func thenCode(e code, rest func(t *rt.Thread, f []rt.Value, v rt.Value) rt.Value) code {
	return func(t *rt.Thread, f []rt.Value) rt.Value {
		v := e(t, f)
		if rt.IsUnwind(v) {
			t.PushFrame(func(t *rt.Thread, v rt.Value) rt.Value { return rest(t, f, v) })
			return v
		}
		return rest(t, f, v)
	}
}

// seqFrom runs codes[from:] for effect and then last.
func seqFrom(t *rt.Thread, f []rt.Value, codes []code, from int, last code) rt.Value {
	for i := from; i < len(codes); i++ {
		if v := codes[i](t, f); rt.IsUnwind(v) {
			t.PushFrame(func(t *rt.Thread, _ rt.Value) rt.Value { return seqFrom(t, f, codes, i+1, last) })
			return v
		}
	}
	return last(t, f)
}

// callFinisher makes the call of a Call node once the operator and the
// operands are evaluated: a resumable call, or a tail-call request.
func callFinisher(tail bool, nargs int, loc *rt.Pos) finisher {
	if tail {
		switch nargs {
		case 0:
			return func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
				t.Loc = loc
				return t.TailCall0(v.a[0])
			}
		case 1:
			return func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
				t.Loc = loc
				return t.TailCall1(v.a[0], v.a[1])
			}
		case 2:
			return func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
				t.Loc = loc
				return t.TailCall2(v.a[0], v.a[1], v.a[2])
			}
		case 3:
			return func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
				t.Loc = loc
				return t.TailCall3(v.a[0], v.a[1], v.a[2], v.a[3])
			}
		}
		return func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
			t.Loc = loc
			vals := v.slice()
			return t.TailCallN(vals[0], vals[1:])
		}
	}
	switch nargs {
	case 0:
		return func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
			t.Loc = loc
			return t.CallR0(v.a[0])
		}
	case 1:
		return func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
			t.Loc = loc
			return t.CallR1(v.a[0], v.a[1])
		}
	case 2:
		return func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
			t.Loc = loc
			return t.CallR2(v.a[0], v.a[1], v.a[2])
		}
	case 3:
		return func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
			t.Loc = loc
			return t.CallR3(v.a[0], v.a[1], v.a[2], v.a[3])
		}
	}
	return func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
		t.Loc = loc
		vals := v.slice()
		return t.CallRN(vals[0], vals[1:])
	}
}

// primFinisher calls a primitive once its operands are evaluated.
func primFinisher(n *analyze.PrimCall, loc *rt.Pos) finisher {
	proc, settle := n.Prim.Proc, !n.Tail && n.Prim.TailCalls
	var call finisher
	switch fn := n.Prim.Fn.(type) {
	case func(*rt.Thread, rt.Value) rt.Value:
		if len(n.Args) == 1 {
			call = func(t *rt.Thread, f []rt.Value, v operands) rt.Value { return fn(t, v.a[0]) }
		}
	case func(*rt.Thread, rt.Value, rt.Value) rt.Value:
		if len(n.Args) == 2 {
			call = func(t *rt.Thread, f []rt.Value, v operands) rt.Value { return fn(t, v.a[0], v.a[1]) }
		}
	case func(*rt.Thread, rt.Value, rt.Value, rt.Value) rt.Value:
		if len(n.Args) == 3 {
			call = func(t *rt.Thread, f []rt.Value, v operands) rt.Value { return fn(t, v.a[0], v.a[1], v.a[2]) }
		}
	}
	if call == nil && n.Prim.Name == "list" {
		call = func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
			r := rt.Null
			for i := v.n - 1; i >= 0; i-- {
				r = rt.Cons(v.at(i), r)
			}
			return r
		}
	}
	if call == nil {
		call = func(t *rt.Thread, f []rt.Value, v operands) rt.Value { return proc.ApplySlice(t, v.slice()) }
	}
	return func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
		t.Loc = loc
		r := call(t, f, v)
		if settle {
			return t.SettleR(r)
		}
		return r
	}
}

// eval2 evaluates two operands resumably, left to right, and finishes with
// their values (the common (+ (f x) (g y)) shape).
func eval2(a, b code, fin func(t *rt.Thread, x, y rt.Value) rt.Value) code {
	second := func(t *rt.Thread, f []rt.Value, x rt.Value) rt.Value {
		y := b(t, f)
		if rt.IsUnwind(y) {
			t.PushFrame(func(t *rt.Thread, y rt.Value) rt.Value { return fin(t, x, y) })
			return y
		}
		return fin(t, x, y)
	}
	return func(t *rt.Thread, f []rt.Value) rt.Value {
		x := a(t, f)
		if rt.IsUnwind(x) {
			t.PushFrame(func(t *rt.Thread, x rt.Value) rt.Value { return second(t, f, x) })
			return x
		}
		return second(t, f, x)
	}
}

// resumablePrim2 compiles a call of a binary primitive with an inline
// operation whose operands may unwind, or returns nil.
func (c *compiler) resumablePrim2(n *analyze.PrimCall, l *layout) code {
	if len(n.Args) != 2 {
		return nil
	}
	loc := c.loc(n.P)
	a, b := c.compile(n.Args[0], l), c.compile(n.Args[1], l)
	if op := arith2[n.Prim.Name]; op != nil {
		return eval2(a, b, func(t *rt.Thread, x, y rt.Value) rt.Value { return op(t, x, y, loc) })
	}
	if op := compare2[n.Prim.Name]; op != nil {
		return eval2(a, b, func(t *rt.Thread, x, y rt.Value) rt.Value { return rt.Bool(op(t, x, y, loc)) })
	}
	if n.Prim.Name == "cons" {
		return eval2(a, b, func(t *rt.Thread, x, y rt.Value) rt.Value { return rt.Cons(x, y) })
	}
	return nil
}

// resumableCall compiles a call of one or two operands, some of which may
// unwind, with an operator that cannot, or returns nil. The frames are
// made only when an operand unwinds.
func (c *compiler) resumableCall(n *analyze.Call, l *layout) code {
	if c.unwinds(n.Fn) || len(n.Args) == 0 || len(n.Args) > 2 {
		return nil
	}
	fn, loc, tail := c.compile(n.Fn, l), c.loc(n.P), n.Tail
	if len(n.Args) == 1 {
		a := c.compile(n.Args[0], l)
		call := func(t *rt.Thread, fv, x rt.Value) rt.Value {
			t.Loc = loc
			if tail {
				return t.TailCall1(fv, x)
			}
			return t.CallR1(fv, x)
		}
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			fv := fn(t, f)
			x := a(t, f)
			if rt.IsUnwind(x) {
				t.PushFrame(func(t *rt.Thread, x rt.Value) rt.Value { return call(t, fv, x) })
				return x
			}
			return call(t, fv, x)
		}
	}
	a, b := c.compile(n.Args[0], l), c.compile(n.Args[1], l)
	call := func(t *rt.Thread, fv, x, y rt.Value) rt.Value {
		t.Loc = loc
		if tail {
			return t.TailCall2(fv, x, y)
		}
		return t.CallR2(fv, x, y)
	}
	second := func(t *rt.Thread, f []rt.Value, fv, x rt.Value) rt.Value {
		y := b(t, f)
		if rt.IsUnwind(y) {
			t.PushFrame(func(t *rt.Thread, y rt.Value) rt.Value { return call(t, fv, x, y) })
			return y
		}
		return call(t, fv, x, y)
	}
	return func(t *rt.Thread, f []rt.Value) rt.Value {
		fv := fn(t, f)
		x := a(t, f)
		if rt.IsUnwind(x) {
			t.PushFrame(func(t *rt.Thread, x rt.Value) rt.Value { return second(t, f, fv, x) })
			return x
		}
		return second(t, f, fv, x)
	}
}
