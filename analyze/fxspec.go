package analyze

import (
	"fmt"
	"math"
	"slices"

	"github.com/lambdust/lambdust/parse"
)

// This file defines the fxspec pass: type and range inference that finds the
// known procedures whose whole computation can run on raw int64 values.
//
// A known procedure (a global defined once to a lambda) qualifies when,
// assuming its parameters are fixnums, every expression in its body is
// either a fixnum or a boolean test: fixnum constants, its parameters and
// let-bound variables (never set!, holding fixnums or the booleans of tests,
// as or expands to), fixnum arithmetic (+ - * quotient
// remainder modulo, unary -), comparisons and numeric predicates, if, begin,
// let, and calls of qualifying known procedures (themselves included) with
// fixnum arguments, and named lets over fixnums (a letrec of one procedure
// called only in tail position of its own body; see loop). Self calls in
// tail position become a Go loop; a tail call to another procedure is an
// ordinary Go call, allowed only when the callee cannot call back (a cycle
// of tail calls, like ping/pong, would grow the Go stack without bound).
// The set of qualifying procedures is the greatest fixpoint: start from all
// known procedures and remove those whose bodies fail the check until none
// changes.
//
// Such a procedure gets a second Go entry with int64 parameters and an
// (int64, ok) result (codegen/unboxed.go). Its generic entry calls it when
// every argument is a fixnum. R7RS exactness is kept by speculation: when an
// operation of the int64 entry would overflow (or divide by zero), it
// returns ok=false, and the generic entry runs the ordinary code, which
// promotes to bignums or raises the error at the right position. Restarting
// is sound because a qualifying body has no side effects and is
// deterministic.
//
// Ranges: each fixnum expression also gets an interval, refined along the
// branches of comparisons against constants (flow-sensitive), so that
// arithmetic whose result is proven in range is emitted without an overflow
// check (PrimCall.NoOverflow).
//
// The pass runs from -O1 on; range-proven operations are unchecked from -O2
// on (Program.OptLevel).
//
// Requires: knownprocs, tailcalls. Guarantees: Lambda.Fx is set exactly on
// the qualifying procedures; notes explain each decision.

type fxKind uint8

const (
	fxBad fxKind = iota
	fxInt
	fxBool
)

// rng is a closed interval of int64 values.
type rng struct{ lo, hi int64 }

var fullRange = rng{math.MinInt64, math.MaxInt64}

// fxArith maps fixnum-valued primitives to their arity.
var fxArith = map[string]int{"+": 2, "-": 2, "*": 2, "quotient": 2, "remainder": 2, "modulo": 2}

// fxPred lists the predicates on fixnums with their arity.
var fxPred = map[string]int{
	"<": 2, "<=": 2, ">": 2, ">=": 2, "=": 2,
	"zero?": 1, "positive?": 1, "negative?": 1, "even?": 1, "odd?": 1,
	"eqv?": 2, "equal?": 2, // on fixnums, =; case expands to eqv?
}

// FxSpec is the fxspec pass.
func FxSpec(p *Program) error {
	early := definedEarly(p)
	calls := callGraph{}
	for _, g := range p.Globals {
		if l := g.Known; l != nil {
			Walk(l.Body, func(n Node) bool {
				if r, ok := n.(*GlobalRef); ok && r.G.Known != nil {
					calls[l] = append(calls[l], r.G.Known)
				}
				return true
			})
		}
	}
	cand := map[*Lambda]bool{}
	var order []*Lambda
	names := map[*Lambda]string{}
	for _, g := range p.Globals {
		if l := g.Known; l != nil {
			l.Fx = false
			if l.Rest == nil && len(l.Params) > 0 {
				cand[l] = true
				order = append(order, l)
				names[l] = g.Name
			}
		}
	}
	why := map[*Lambda]*fxReason{}
	for changed := true; changed; {
		changed = false
		for _, l := range order {
			if !cand[l] {
				continue
			}
			c := &fxCheck{cand: cand, early: early, calls: calls, self: l}
			env := map[*Var]rng{}
			for _, v := range l.Params {
				if v.Assigned {
					c.fail(v.P, "parameter %s is assigned", v.Name)
				}
				env[v] = fullRange
			}
			if c.bad == nil {
				if k, _ := c.kind(l.Body, env, true); k != fxInt && c.bad == nil {
					c.fail(l.Body.Pos(), "result is not always a fixnum")
				}
			}
			if c.bad != nil {
				delete(cand, l)
				why[l] = c.bad
				changed = true
				continue
			}
			why[l] = nil
		}
	}
	for _, l := range order {
		name := names[l]
		if cand[l] {
			l.Fx = true
			// Range-proven operations go unchecked from -O2 on.
			c := &fxCheck{cand: cand, early: early, calls: calls, self: l, record: true, unchecks: p.OptLevel >= 2}
			env := map[*Var]rng{}
			for _, v := range l.Params {
				env[v] = fullRange
				p.note(v.P, "%s: fixnum, unboxed", v.Name)
			}
			c.kind(l.Body, env, true)
			p.note(l.P, "%s: int64 entry (generic entry on overflow)", name)
			for _, lam := range c.loops {
				for _, v := range lam.Params {
					p.note(v.P, "%s: fixnum, unboxed", v.Name)
				}
			}
			for _, pc := range c.unchecked {
				p.note(pc.P, "%s: no overflow check (range proven)", pc.Prim.Name)
			}
			continue
		}
		if r := why[l]; r != nil {
			at := ""
			if r.pos.IsKnown() && r.pos.File == l.P.File {
				at = fmt.Sprintf(" (at %d:%d)", r.pos.Line, r.pos.Col)
			}
			p.note(l.P, "%s: not unboxed: %s%s", name, r.msg, at)
		}
	}
	return nil
}

// fxReason is why a procedure was not specialised: the first obstacle.
type fxReason struct {
	pos parse.Pos
	msg string
}

type fxCheck struct {
	cand      map[*Lambda]bool
	early     map[*Lambda]bool // defined before any top-level code runs
	calls     callGraph
	self      *Lambda
	bad       *fxReason
	record    bool // the final check of a qualifying procedure: collect notes
	unchecks  bool // set PrimCall.NoOverflow where the range is proven
	unchecked []*PrimCall
	bools     map[*Var]bool // let-bound variables holding a test's result
	inLoop    *Letrec       // the innermost named let whose body is being checked
	loops     []*Lambda     // the named lets of the procedure, when record is set
}

func (c *fxCheck) fail(pos parse.Pos, format string, args ...any) {
	if c.bad == nil {
		c.bad = &fxReason{pos: pos, msg: fmt.Sprintf(format, args...)}
	}
}

// kind returns the kind of n under env, and for fixnums its range.
func (c *fxCheck) kind(n Node, env map[*Var]rng, tail bool) (fxKind, rng) {
	if c.bad != nil {
		return fxBad, fullRange
	}
	switch n := n.(type) {
	case *Const:
		switch {
		case n.Val.IsFixnum():
			x := n.Val.Int()
			return fxInt, rng{x, x}
		case n.Val.IsBool():
			return fxBool, fullRange
		}
		c.fail(n.P, "constant %s is not a fixnum", writeConst(n))
	case *Ref:
		if r, ok := env[n.Var]; ok {
			return fxInt, r
		}
		if c.bools[n.Var] {
			return fxBool, fullRange
		}
		c.fail(n.P, "%s is not a fixnum", n.Var.Name)
	case *If:
		if k, _ := c.kind(n.Test, env, false); k != fxBool {
			c.fail(n.Test.Pos(), "test is not a comparison")
			return fxBad, fullRange
		}
		k1, r1 := c.kind(n.Then, refine(n.Test, env, true), tail)
		k2, r2 := c.kind(n.Else, refine(n.Test, env, false), tail)
		if k1 != k2 {
			c.fail(n.P, "branches differ in type")
			return fxBad, fullRange
		}
		return k1, rng{min(r1.lo, r2.lo), max(r1.hi, r2.hi)}
	case *Seq:
		// Code generation drops the values before the last, so they
		// must be trivially pure (an operation there could raise).
		for _, e := range n.Exprs[:len(n.Exprs)-1] {
			switch e.(type) {
			case *Const, *Ref:
			default:
				c.fail(e.Pos(), "effect in a sequence")
				return fxBad, fullRange
			}
		}
		return c.kind(n.Exprs[len(n.Exprs)-1], env, tail)
	case *Let:
		inner := maps(env)
		for i, v := range n.Vars {
			k, r := c.kind(n.Inits[i], env, false)
			if k == fxBool && !v.Assigned {
				// (or a b) is (let ((t a)) (if t t b)).
				if c.bools == nil {
					c.bools = map[*Var]bool{}
				}
				c.bools[v] = true
				continue
			}
			if k != fxInt || v.Assigned {
				c.fail(v.P, "%s is not a fixnum", v.Name)
				return fxBad, fullRange
			}
			inner[v] = r
		}
		return c.kind(n.Body, inner, tail)
	case *PrimCall:
		return c.prim(n, env)
	case *Letrec:
		return c.loop(n, env)
	case *Call:
		if ref, ok := n.Fn.(*Ref); ok && c.inLoop != nil && ref.Var == c.inLoop.Vars[0] {
			lam := c.inLoop.Inits[0].(*Lambda)
			if !tail || len(n.Args) != len(lam.Params) {
				c.fail(n.P, "loop %s is called other than in tail position", ref.Var.Name)
				return fxBad, fullRange
			}
			c.args(n, env)
			return fxInt, fullRange
		}
		if ref, ok := n.Fn.(*Ref); ok {
			c.fail(n.P, "calls local procedure %s other than as a loop", ref.Var.Name)
			return fxBad, fullRange
		}
		ref, ok := n.Fn.(*GlobalRef)
		if !ok || ref.G.Known == nil || !c.cand[ref.G.Known] || len(ref.G.Known.Params) != len(n.Args) {
			c.fail(n.P, "calls a procedure without an int64 entry")
			return fxBad, fullRange
		}
		if ref.G.Known != c.self && !c.early[ref.G.Known] {
			// The int64 entry calls the callee's directly, skipping the
			// check that the global is defined by the time of the call.
			c.fail(n.P, "calls %s, which may be called before it is defined", ref.G.Name)
			return fxBad, fullRange
		}
		if tail && ref.G.Known != c.self && c.calls.reaches(ref.G.Known, c.self) {
			// A cycle of tail calls would grow the Go stack without
			// bound, where the generic code runs in constant space.
			c.fail(n.P, "tail call to %s, which may call back", ref.G.Name)
			return fxBad, fullRange
		}
		if tail && c.inLoop != nil {
			c.fail(n.P, "tail call to %s from inside a loop", ref.G.Name)
			return fxBad, fullRange
		}
		c.args(n, env)
		return fxInt, fullRange
	default:
		c.fail(n.Pos(), "%s", fxForm(n))
	}
	return fxBad, fullRange
}

// args checks that the arguments of a call are fixnums.
func (c *fxCheck) args(n *Call, env map[*Var]rng) {
	for _, a := range n.Args {
		if k, _ := c.kind(a, env, false); k != fxInt {
			c.fail(a.Pos(), "argument is not a fixnum")
			return
		}
	}
}

// loop checks a named let: a letrec of one procedure whose body is a call
// of it, and which is called only in tail position of its own body (so
// it never escapes). The int64 entry runs it as a labelled Go loop. Its
// parameters change at each iteration, so they start with no known range;
// the variables of the enclosing code keep theirs.
func (c *fxCheck) loop(n *Letrec, env map[*Var]rng) (fxKind, rng) {
	bad := func() (fxKind, rng) {
		c.fail(n.P, "defines local procedures")
		return fxBad, fullRange
	}
	if len(n.Vars) != 1 || n.Vars[0].Assigned {
		return bad()
	}
	lam, ok := n.Inits[0].(*Lambda)
	if !ok || lam.Rest != nil {
		return bad()
	}
	call, ok := n.Body.(*Call)
	if !ok || len(call.Args) != len(lam.Params) {
		return bad()
	}
	if ref, ok := call.Fn.(*Ref); !ok || ref.Var != n.Vars[0] {
		return bad()
	}
	c.args(call, env)
	inner := maps(env)
	for _, v := range lam.Params {
		if v.Assigned {
			c.fail(v.P, "loop variable %s is assigned", v.Name)
			return fxBad, fullRange
		}
		inner[v] = fullRange
	}
	saved := c.inLoop
	c.inLoop = n
	k, r := c.kind(lam.Body, inner, true)
	c.inLoop = saved
	if c.bad != nil {
		return fxBad, fullRange
	}
	if k != fxInt {
		c.fail(lam.Body.Pos(), "loop result is not always a fixnum")
		return fxBad, fullRange
	}
	if c.record {
		c.loops = append(c.loops, lam)
	}
	return fxInt, r
}

func (c *fxCheck) prim(n *PrimCall, env map[*Var]rng) (fxKind, rng) {
	name := n.Prim.Name
	var rs []rng
	ks := make([]fxKind, len(n.Args))
	for i, a := range n.Args {
		k, r := c.kind(a, env, false)
		ks[i] = k
		rs = append(rs, r)
	}
	if c.bad != nil {
		return fxBad, fullRange
	}
	allInt := !slices.ContainsFunc(ks, func(k fxKind) bool { return k != fxInt })
	switch {
	case name == "not" && len(n.Args) == 1 && ks[0] == fxBool:
		return fxBool, fullRange
	case fxPred[name] == len(n.Args) && allInt:
		return fxBool, fullRange
	case name == "-" && len(n.Args) == 1 && allInt:
		r := rs[0]
		if r.lo > math.MinInt64 {
			c.safe(n)
			return fxInt, rng{-r.hi, -r.lo}
		}
		return fxInt, fullRange
	case fxArith[name] == len(n.Args) && allInt:
		a, b := rs[0], rs[1]
		var out rng
		ok := false
		switch name {
		case "+":
			out, ok = addRange(a, b)
		case "-":
			out, ok = addRange(a, rng{negSat(b.hi), negSat(b.lo)})
			ok = ok && b.lo > math.MinInt64
		case "*":
			out, ok = mulRange(a, b)
		case "remainder", "modulo":
			// |result| < |divisor|; a zero divisor is still checked.
			m := max(absSat(b.lo), absSat(b.hi))
			return fxInt, rng{-m, m}
		}
		if ok {
			c.safe(n)
			return fxInt, out
		}
		return fxInt, fullRange
	}
	c.fail(n.P, "%s is not a fixnum operation here", name)
	return fxBad, fullRange
}

func (c *fxCheck) safe(n *PrimCall) {
	if c.record && c.unchecks {
		n.NoOverflow = true
		c.unchecked = append(c.unchecked, n)
	}
}

func maps(env map[*Var]rng) map[*Var]rng {
	out := make(map[*Var]rng, len(env)+2)
	for k, v := range env {
		out[k] = v
	}
	return out
}

// refine returns env narrowed by knowing that test evaluated to truth.
func refine(test Node, env map[*Var]rng, truth bool) map[*Var]rng {
	pc, ok := test.(*PrimCall)
	if !ok {
		return env
	}
	if pc.Prim.Name == "not" && len(pc.Args) == 1 {
		return refine(pc.Args[0], env, !truth)
	}
	if len(pc.Args) == 1 {
		ref, ok := pc.Args[0].(*Ref)
		if !ok {
			return env
		}
		r, ok := env[ref.Var]
		if !ok {
			return env
		}
		switch {
		case pc.Prim.Name == "zero?" && truth:
			r = rng{0, 0}
		case pc.Prim.Name == "positive?" && truth, pc.Prim.Name == "negative?" && !truth:
			r.lo = max(r.lo, 0)
			if pc.Prim.Name == "positive?" {
				r.lo = max(r.lo, 1)
			}
		case pc.Prim.Name == "negative?" && truth, pc.Prim.Name == "positive?" && !truth:
			r.hi = min(r.hi, 0)
			if pc.Prim.Name == "negative?" {
				r.hi = min(r.hi, -1)
			}
		default:
			return env
		}
		if r.lo > r.hi {
			return env
		}
		out := maps(env)
		out[ref.Var] = r
		return out
	}
	if len(pc.Args) != 2 {
		return env
	}
	op := pc.Prim.Name
	if a, ok := pc.Args[0].(*Ref); ok {
		if b, ok := pc.Args[1].(*Ref); ok {
			return refineVars(op, a.Var, b.Var, env, truth)
		}
	}
	ref, isRef := pc.Args[0].(*Ref)
	k, isConst := pc.Args[1].(*Const)
	if !isRef || !isConst {
		// constant on the left: mirror the comparison.
		ref, isRef = pc.Args[1].(*Ref)
		k, isConst = pc.Args[0].(*Const)
		op = map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "="}[op]
	}
	if !isRef || !isConst || !k.Val.IsFixnum() || op == "" {
		return env
	}
	r, ok := env[ref.Var]
	if !ok {
		return env
	}
	x := k.Val.Int()
	if !truth {
		op = map[string]string{"<": ">=", "<=": ">", ">": "<=", ">=": "<", "=": ""}[op]
	}
	switch op {
	case "<":
		if x == math.MinInt64 {
			return env
		}
		r.hi = min(r.hi, x-1)
	case "<=":
		r.hi = min(r.hi, x)
	case ">":
		if x == math.MaxInt64 {
			return env
		}
		r.lo = max(r.lo, x+1)
	case ">=":
		r.lo = max(r.lo, x)
	case "=":
		r = rng{x, x}
	default:
		return env
	}
	if r.lo > r.hi { // unreachable branch: keep the old facts
		return env
	}
	out := maps(env)
	out[ref.Var] = r
	return out
}

// refineVars narrows the ranges of fixnum variables a and b from knowing
// that (op a b) evaluated to truth: after (< i n) is true, i <= n.hi - 1,
// so (+ i 1) cannot overflow.
func refineVars(op string, a, b *Var, env map[*Var]rng, truth bool) map[*Var]rng {
	ra, okA := env[a]
	rb, okB := env[b]
	if !okA || !okB || a == b {
		return env
	}
	if !truth {
		op = map[string]string{"<": ">=", "<=": ">", ">": "<=", ">=": "<"}[op]
	}
	switch op { // turn > and >= around so that the smaller side comes first
	case ">":
		op, a, b, ra, rb = "<", b, a, rb, ra
	case ">=":
		op, a, b, ra, rb = "<=", b, a, rb, ra
	}
	switch op {
	case "<":
		if rb.hi == math.MinInt64 || ra.lo == math.MaxInt64 {
			return env // unreachable
		}
		ra.hi, rb.lo = min(ra.hi, rb.hi-1), max(rb.lo, ra.lo+1)
	case "<=":
		ra.hi, rb.lo = min(ra.hi, rb.hi), max(rb.lo, ra.lo)
	case "=":
		ra = rng{max(ra.lo, rb.lo), min(ra.hi, rb.hi)}
		rb = ra
	default:
		return env
	}
	if ra.lo > ra.hi || rb.lo > rb.hi {
		return env
	}
	out := maps(env)
	out[a], out[b] = ra, rb
	return out
}

func addRange(a, b rng) (rng, bool) {
	lo, ok1 := addOK(a.lo, b.lo)
	hi, ok2 := addOK(a.hi, b.hi)
	return rng{lo, hi}, ok1 && ok2
}

func addOK(a, b int64) (int64, bool) {
	s := a + b
	return s, (s^a)&(s^b) >= 0
}

func mulOK(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	p := a * b
	if p/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return p, true
}

func mulRange(a, b rng) (rng, bool) {
	out := rng{math.MaxInt64, math.MinInt64}
	for _, x := range []int64{a.lo, a.hi} {
		for _, y := range []int64{b.lo, b.hi} {
			p, ok := mulOK(x, y)
			if !ok {
				return fullRange, false
			}
			out.lo, out.hi = min(out.lo, p), max(out.hi, p)
		}
	}
	return out, true
}

func negSat(x int64) int64 {
	if x == math.MinInt64 {
		return math.MaxInt64
	}
	return -x
}

func absSat(x int64) int64 {
	if x < 0 {
		return negSat(x)
	}
	return x
}

// fxForm names a form fxspec does not handle, for the notes.
func fxForm(n Node) string {
	switch n := n.(type) {
	case *GlobalRef:
		return "global " + n.G.Name + " is not a fixnum"
	case *Lambda:
		return "makes a closure"
	case *Set, *GlobalSet:
		return "assigns a variable"
	case *Letrec:
		return "defines local procedures"
	case *PrimRef:
		return "uses a primitive as a value"
	}
	return fmt.Sprintf("unsupported form %T", n)
}

// definedEarly returns the known procedures whose definitions come before
// the first top-level form that may call a procedure: no code can run
// before they are defined (codegen's knownDefined makes the same choice
// for direct calls).
func definedEarly(p *Program) map[*Lambda]bool {
	early := map[*Lambda]bool{}
	for _, n := range p.Body {
		gs, ok := n.(*GlobalSet)
		if !ok || !gs.Define {
			break
		}
		if gs.G.Known != nil && gs.Value == gs.G.Known {
			early[gs.G.Known] = true
			continue
		}
		if _, ok := gs.Value.(*Const); !ok {
			if _, ok := gs.Value.(*Lambda); !ok {
				break
			}
		}
	}
	return early
}

// callGraph maps each known procedure to the known procedures its body
// refers to (calls, or passes along and so may call).
type callGraph map[*Lambda][]*Lambda

// reaches reports whether from may call to, directly or not.
func (g callGraph) reaches(from, to *Lambda) bool {
	seen := map[*Lambda]bool{}
	var walk func(l *Lambda) bool
	walk = func(l *Lambda) bool {
		if l == to {
			return true
		}
		if seen[l] {
			return false
		}
		seen[l] = true
		for _, c := range g[l] {
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(from)
}
