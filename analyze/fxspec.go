package analyze

import (
	"fmt"
	"math"
	"slices"

	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// This file defines the fxspec pass: type and range inference that finds the
// known procedures whose whole computation can run on raw int64 and
// float64 values.
//
// A known procedure (a global defined once to a lambda) qualifies when,
// given kinds for its parameters (fixnum or flonum, see guessSigs), every
// expression in its body is a fixnum, a flonum or a boolean test: number
// constants (and globals defined to one before any code runs, never
// assigned), its parameters and let-bound variables (never set!, holding
// numbers or the booleans of tests, as or expands to), fixnum arithmetic
// (+ - * quotient remainder modulo, unary -), flonum arithmetic (+ - * /
// of numbers, one of the first two a flonum; fixnums among them are
// converted: R7RS inexact contagion), sqrt, inexact, abs, square, floor and
// friends on flonums, comparisons and numeric predicates, if, begin, let,
// and calls of qualifying known procedures (themselves included) with
// arguments of the kinds of their parameters, and named lets (a letrec of
// one procedure called only in tail position of its own body; see loop).
// Self calls in tail position become a Go loop; a tail call to another
// procedure is an ordinary Go call, allowed only when the callee cannot
// call back (a cycle of tail calls, like ping/pong, would grow the Go
// stack without bound). The set of qualifying procedures is the greatest
// fixpoint: start from all known procedures and remove those whose bodies
// fail the check until none changes.
//
// Such a procedure gets a second Go entry with int64 and float64
// parameters and an (int64|float64|bool, ok) result (codegen/unboxed.go),
// described by Lambda.FxSig. Its generic entry calls it when every
// argument has its parameter's kind. R7RS exactness is kept by speculation:
// when an operation of the unboxed entry would overflow (or divide by
// zero, or take the square root of a negative flonum), it returns
// ok=false, and the generic entry runs the ordinary code, which promotes to
// bignums, makes the complex number or raises the error at the right
// position. Restarting is sound because a qualifying body has no side
// effects and is deterministic. Flonum operations follow rt's generic
// arithmetic exactly: a fixnum operand is converted with float64 (as
// rt.ToFloat does), and a comparison of a fixnum with a flonum is exact
// (rt.CmpIntFloat64, as rt.Cmp2).
//
// The kinds of the parameters and the result are guesses (guessSigs): a
// parameter is a flonum when some call passes it something that looks
// like a flonum (a flonum constant, flonum arithmetic, a variable bound to
// one), and an f64vector when the body reads it with f64vector-ref or
// f64vector-length (its []float64 is passed); the check then proves the
// body under that guess. A wrong guess
// costs only speed: the generic entry tests the arguments' types.
//
// Ranges: each fixnum expression also gets an interval, refined along the
// branches of comparisons against constants (flow-sensitive), so that
// arithmetic whose result is proven in range is emitted without an overflow
// check (PrimCall.NoOverflow).
//
// The pass runs from -O1 on; range-proven operations are unchecked from -O2
// on (Program.OptLevel).
//
// Requires: knownprocs, tailcalls. Guarantees: Lambda.Fx and Lambda.FxSig
// are set exactly on the qualifying procedures; notes explain each
// decision.

// FxKind is the unboxed type fxspec gives an expression.
type FxKind uint8

const (
	fxBad       FxKind = iota
	FxFixnum           // a fixnum, in an int64
	FxBool             // a test's result, in a Go bool
	FxFlonum           // a flonum, in a float64
	FxF64Vector        // an f64vector (SRFI 4), as its []float64
	fxJump             // a named let's tail call of itself: no value
)

func (k FxKind) String() string {
	switch k {
	case FxFixnum:
		return "fixnum"
	case FxBool:
		return "boolean"
	case FxFlonum:
		return "flonum"
	case FxF64Vector:
		return "f64vector"
	}
	return "no value"
}

// aKind is k with its indefinite article, for notes.
func aKind(k FxKind) string {
	if k == FxF64Vector {
		return "an " + k.String()
	}
	return "a " + k.String()
}

// FxSig describes the unboxed entry of a procedure fxspec specialised.
type FxSig struct {
	Params []FxKind // FxFixnum, FxFlonum or FxF64Vector
	Result FxKind   // FxFixnum, FxFlonum or FxBool
	// Kinds holds the kind of every expression of the body (fxJump for
	// the tail calls of a named let to itself), Vars the kind of every
	// variable it binds, and Consts the value of each global it reads
	// as a constant.
	Kinds  map[Node]FxKind
	Vars   map[*Var]FxKind
	Consts map[*GlobalRef]rt.Value
}

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

// flPred lists the predicates on flonums (and, for the comparisons, a
// fixnum and a flonum) with their arity.
var flPred = map[string]int{
	"<": 2, "<=": 2, ">": 2, ">=": 2, "=": 2,
	"zero?": 1, "positive?": 1, "negative?": 1,
	"nan?": 1, "finite?": 1, "infinite?": 1, "integer?": 1,
}

// flArith lists the flonum arithmetic of two or more numbers, folded left
// as rt folds it, one of the first two a flonum (the others may be
// fixnums: inexact contagion).
var flArith = map[string]bool{"+": true, "-": true, "*": true, "/": true}

// flUnary lists the flonum-to-flonum functions of one flonum.
var flUnary = map[string]bool{
	"-": true, "abs": true, "square": true, "sqrt": true,
	"floor": true, "ceiling": true, "round": true, "truncate": true,
	"exp": true, "sin": true, "cos": true, "tan": true, "atan": true,
}

// FxSpec is the fxspec pass.
func FxSpec(p *Program) error {
	early := definedEarly(p)
	consts := constGlobals(p)
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
			l.Fx, l.FxSig = false, nil
			if l.Rest == nil && len(l.Params) > 0 && l.Group == nil {
				cand[l] = true
				order = append(order, l)
				names[l] = g.Name
			}
		}
	}
	sigs := guessSigs(p, order, consts)
	why := map[*Lambda]*fxReason{}
	check := func(l *Lambda, record bool) *fxCheck {
		c := &fxCheck{cand: cand, early: early, calls: calls, self: l, sigs: sigs, consts: consts,
			vars: map[*Var]FxKind{}, record: record, unchecks: record && p.OptLevel >= 2}
		if record {
			c.kinds = map[Node]FxKind{}
			c.constRefs = map[*GlobalRef]rt.Value{}
		}
		env := map[*Var]rng{}
		sig := sigs[l]
		for i, v := range l.Params {
			if v.Assigned {
				c.fail(v.P, "parameter %s is assigned", v.Name)
			}
			c.vars[v] = sig.Params[i]
			if sig.Params[i] == FxFixnum {
				env[v] = fullRange
			}
		}
		if c.bad == nil {
			if k, _ := c.kind(l.Body, env, true); k != sig.Result && c.bad == nil {
				c.fail(l.Body.Pos(), "result is not always %s", aKind(sig.Result))
			}
		}
		return c
	}
	for changed := true; changed; {
		changed = false
		for _, l := range order {
			if !cand[l] {
				continue
			}
			if c := check(l, false); c.bad != nil {
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
			// Range-proven operations go unchecked from -O2 on.
			c := check(l, true)
			sig := sigs[l]
			l.Fx = true
			l.FxSig = &FxSig{Params: sig.Params, Result: sig.Result, Kinds: c.kinds, Vars: c.vars, Consts: c.constRefs}
			for i, v := range l.Params {
				p.note(v.P, "%s: %s, unboxed", v.Name, sig.Params[i])
			}
			if l.FxSig.IntOnly() {
				p.note(l.P, "%s: int64 entry (generic entry on overflow)", name)
			} else {
				p.note(l.P, "%s: unboxed entry returning %s (generic entry when a check fails)", name, aKind(sig.Result))
			}
			for _, lam := range c.loops {
				for _, v := range lam.Params {
					p.note(v.P, "%s: %s, unboxed", v.Name, c.vars[v])
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

// IntOnly reports whether the entry takes and returns only fixnums.
func (s *FxSig) IntOnly() bool {
	return s.Result == FxFixnum && !slices.ContainsFunc(s.Params, func(k FxKind) bool { return k != FxFixnum })
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
	sigs      map[*Lambda]*FxSig   // guessed parameter and result kinds
	consts    map[*Global]rt.Value // globals that are constants
	bad       *fxReason
	record    bool // the final check of a qualifying procedure: collect notes
	unchecks  bool // set PrimCall.NoOverflow where the range is proven
	unchecked []*PrimCall
	vars      map[*Var]FxKind // kinds of the parameters and bound variables
	loopCtx   []fxLoopCtx     // the named lets whose bodies are being checked, innermost last
	loops     []*Lambda       // the named lets of the procedure, when record is set
	kinds     map[Node]FxKind // when record is set: every expression's kind
	constRefs map[*GlobalRef]rt.Value
}

func (c *fxCheck) fail(pos parse.Pos, format string, args ...any) {
	if c.bad == nil {
		c.bad = &fxReason{pos: pos, msg: fmt.Sprintf(format, args...)}
	}
}

// kind returns the kind of n under env, and for fixnums its range.
func (c *fxCheck) kind(n Node, env map[*Var]rng, tail bool) (FxKind, rng) {
	if c.bad != nil {
		return fxBad, fullRange
	}
	k, r := c.kind1(n, env, tail)
	if c.record && c.bad == nil {
		c.kinds[n] = k
	}
	return k, r
}

// numKind reports whether k is a number kind.
func numKind(k FxKind) bool { return k == FxFixnum || k == FxFlonum }

func (c *fxCheck) kind1(n Node, env map[*Var]rng, tail bool) (FxKind, rng) {
	switch n := n.(type) {
	case *Const:
		switch {
		case n.Val.IsFixnum():
			x := n.Val.Int()
			return FxFixnum, rng{x, x}
		case n.Val.IsBool():
			return FxBool, fullRange
		case n.Val.IsFlonum():
			return FxFlonum, fullRange
		}
		c.fail(n.P, "constant %s is not a fixnum", writeConst(n))
	case *Ref:
		if r, ok := env[n.Var]; ok {
			return FxFixnum, r
		}
		if k := c.vars[n.Var]; k == FxBool || k == FxFlonum || k == FxF64Vector {
			return k, fullRange
		}
		c.fail(n.P, "%s is not a fixnum", n.Var.Name)
	case *GlobalRef:
		if v, ok := c.consts[n.G]; ok {
			if c.record {
				c.constRefs[n] = v
			}
			switch {
			case v.IsFixnum():
				return FxFixnum, rng{v.Int(), v.Int()}
			case v.IsFlonum():
				return FxFlonum, fullRange
			}
			return FxBool, fullRange
		}
		c.fail(n.P, "%s", fxForm(n))
	case *If:
		if k, _ := c.kind(n.Test, env, false); k != FxBool {
			c.fail(n.Test.Pos(), "test is not a comparison")
			return fxBad, fullRange
		}
		k1, r1 := c.kind(n.Then, refine(n.Test, env, true), tail)
		k2, r2 := c.kind(n.Else, refine(n.Test, env, false), tail)
		switch {
		case k1 == fxJump:
			return k2, r2
		case k2 == fxJump:
			return k1, r1
		case k1 != k2:
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
			if (k == FxBool || k == FxFlonum || k == FxF64Vector) && !v.Assigned {
				// (or a b) is (let ((t a)) (if t t b)).
				c.vars[v] = k
				continue
			}
			if k != FxFixnum || v.Assigned {
				c.fail(v.P, "%s is not a fixnum", v.Name)
				return fxBad, fullRange
			}
			c.vars[v] = FxFixnum
			inner[v] = r
		}
		return c.kind(n.Body, inner, tail)
	case *PrimCall:
		return c.prim(n, env)
	case *Letrec:
		return c.loop(n, env, tail)
	case *Call:
		if ref, ok := n.Fn.(*Ref); ok && c.enclosingLoop(ref.Var) != nil {
			ctx := c.enclosingLoop(ref.Var)
			lam := ctx.n.Inits[0].(*Lambda)
			if !tail || !ctx.jump || len(n.Args) != len(lam.Params) {
				c.fail(n.P, "loop %s is called other than in tail position", ref.Var.Name)
				return fxBad, fullRange
			}
			kinds := make([]FxKind, len(lam.Params))
			for i, v := range lam.Params {
				kinds[i] = c.vars[v]
			}
			c.args(n, kinds, env)
			return fxJump, fullRange
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
		if tail && len(c.loopCtx) > 0 {
			c.fail(n.P, "tail call to %s from inside a loop", ref.G.Name)
			return fxBad, fullRange
		}
		c.args(n, c.sigs[ref.G.Known].Params, env)
		return c.sigs[ref.G.Known].Result, fullRange
	default:
		c.fail(n.Pos(), "%s", fxForm(n))
	}
	return fxBad, fullRange
}

// args checks that the arguments of a call have the kinds of the callee's
// parameters.
func (c *fxCheck) args(n *Call, params []FxKind, env map[*Var]rng) {
	for i, a := range n.Args {
		k, _ := c.kind(a, env, false)
		if want := params[i]; k != want {
			if want == FxFixnum {
				c.fail(a.Pos(), "argument is not a fixnum")
			} else {
				c.fail(a.Pos(), "argument is not %s", aKind(want))
			}
			return
		}
	}
}

// fxLoopCtx is a named let whose body is being checked, and whether a tail
// call there may jump to it.
type fxLoopCtx struct {
	n    *Letrec
	jump bool
}

// enclosingLoop returns the named let of v among those being checked.
func (c *fxCheck) enclosingLoop(v *Var) *fxLoopCtx {
	for i := len(c.loopCtx) - 1; i >= 0; i-- {
		if c.loopCtx[i].n.Vars[0] == v {
			return &c.loopCtx[i]
		}
	}
	return nil
}

// loop checks a named let: a letrec of one procedure whose body is a call
// of it, and which is called only in tail position of its own body, or of
// the body of a named let in tail position of its body (so it never
// escapes). The unboxed entry runs it as a labelled Go loop. Its
// parameters have the kinds of their initial values; they change at each
// iteration, so fixnum ones start with no known range; the variables of
// the enclosing code keep theirs.
func (c *fxCheck) loop(n *Letrec, env map[*Var]rng, tail bool) (FxKind, rng) {
	bad := func() (FxKind, rng) {
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
	inner := maps(env)
	for i, v := range lam.Params {
		if v.Assigned {
			c.fail(v.P, "loop variable %s is assigned", v.Name)
			return fxBad, fullRange
		}
		k, _ := c.kind(call.Args[i], env, false)
		if !numKind(k) {
			c.fail(call.Args[i].Pos(), "argument is not a fixnum")
			return fxBad, fullRange
		}
		c.vars[v] = k
		if k == FxFixnum {
			inner[v] = fullRange
		}
	}
	// A call in tail position of this loop's body may jump to an
	// enclosing loop only if this loop is in tail position of that
	// one's body (a labelled continue in Go).
	saved := c.loopCtx
	c.loopCtx = make([]fxLoopCtx, 0, len(saved)+1)
	for _, ctx := range saved {
		c.loopCtx = append(c.loopCtx, fxLoopCtx{n: ctx.n, jump: ctx.jump && tail})
	}
	c.loopCtx = append(c.loopCtx, fxLoopCtx{n: n, jump: true})
	k, r := c.kind(lam.Body, inner, true)
	c.loopCtx = saved
	if c.bad != nil {
		return fxBad, fullRange
	}
	// k is fxJump when every path of the body jumps to this loop or to
	// an enclosing one: no value comes out of this loop itself.
	if c.record {
		c.loops = append(c.loops, lam)
	}
	return k, r
}

func (c *fxCheck) prim(n *PrimCall, env map[*Var]rng) (FxKind, rng) {
	name := n.Prim.Name
	var rs []rng
	ks := make([]FxKind, len(n.Args))
	for i, a := range n.Args {
		k, r := c.kind(a, env, false)
		ks[i] = k
		rs = append(rs, r)
	}
	if c.bad != nil {
		return fxBad, fullRange
	}
	allInt := !slices.ContainsFunc(ks, func(k FxKind) bool { return k != FxFixnum })
	allNum := !slices.ContainsFunc(ks, func(k FxKind) bool { return !numKind(k) })
	allFlo := !slices.ContainsFunc(ks, func(k FxKind) bool { return k != FxFlonum })
	switch {
	case name == "not" && len(n.Args) == 1 && ks[0] == FxBool:
		return FxBool, fullRange
	case fxPred[name] == len(n.Args) && allInt:
		return FxBool, fullRange
	case flPred[name] == len(n.Args) && allNum && !allInt:
		return FxBool, fullRange
	case name == "-" && len(n.Args) == 1 && allInt:
		r := rs[0]
		if r.lo > math.MinInt64 {
			c.safe(n)
			return FxFixnum, rng{-r.hi, -r.lo}
		}
		return FxFixnum, fullRange
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
			return FxFixnum, rng{-m, m}
		}
		if ok {
			c.safe(n)
			return FxFixnum, out
		}
		return FxFixnum, fullRange
	case flArith[name] && len(n.Args) >= 2 && allNum && (ks[0] == FxFlonum || ks[1] == FxFlonum):
		// Folded left, the first operation is on a flonum already, so
		// every one is (a fixnum operand is converted).
		return FxFlonum, fullRange
	case flUnary[name] && len(n.Args) == 1 && allFlo:
		return FxFlonum, fullRange
	case (name == "inexact" || name == "exact->inexact") && len(n.Args) == 1 && allNum:
		return FxFlonum, fullRange
	case name == "f64vector-ref" && len(n.Args) == 2 && ks[0] == FxF64Vector && ks[1] == FxFixnum:
		// An index out of range fails the check; the generic code
		// raises the error.
		return FxFlonum, fullRange
	case name == "f64vector-length" && len(n.Args) == 1 && ks[0] == FxF64Vector:
		return FxFixnum, rng{0, math.MaxInt64}
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

// constGlobals returns the globals defined once, before any code runs, to
// a number or a boolean and never assigned: fxspec reads them as that
// constant (mandelbrot's max-iter).
func constGlobals(p *Program) map[*Global]rt.Value {
	out := map[*Global]rt.Value{}
	for _, n := range p.Body {
		gs, ok := n.(*GlobalSet)
		if !ok || !gs.Define {
			break
		}
		if k, ok := gs.Value.(*Const); ok {
			v := k.Val
			if gs.G.Defines == 1 && gs.G.Sets == 0 && (v.IsFixnum() || v.IsFlonum() || v.IsBool()) {
				out[gs.G] = v
			}
			continue
		}
		if _, ok := gs.Value.(*Lambda); !ok {
			break
		}
	}
	return out
}

// guessSigs guesses the kinds of the parameters and results of the
// candidate procedures from the whole program: a parameter is a flonum
// when some call passes it an argument that looks like a flonum, and a
// result is a flonum or a boolean when the body's value looks like one;
// everything else is a fixnum. Variables bound by let and named lets get
// the look of their values, so guesses flow through them; the guesses
// grow until nothing changes. Only speed depends on them: fxspec proves
// each body under its guess, and the generic entry tests the arguments.
func guessSigs(p *Program, order []*Lambda, consts map[*Global]rt.Value) map[*Lambda]*FxSig {
	g := &fxGuess{flo: map[*Var]bool{}, res: map[*Lambda]FxKind{}, consts: consts}
	flo := func(v *Var, a Node) bool {
		if !g.flo[v] && g.look(a) == FxFlonum {
			g.flo[v] = true
			return true
		}
		return false
	}
	for round := 0; round < 20; round++ {
		changed := false
		visit := func(n Node) bool {
			switch n := n.(type) {
			case *Let:
				for i, v := range n.Vars {
					changed = flo(v, n.Inits[i]) || changed
				}
			case *Letrec:
				if lam, ok := namedLet(n); ok {
					loopVar := n.Vars[0]
					Walk(n, func(m Node) bool {
						if call, ok := m.(*Call); ok {
							if ref, ok := call.Fn.(*Ref); ok && ref.Var == loopVar && len(call.Args) == len(lam.Params) {
								for i, a := range call.Args {
									changed = flo(lam.Params[i], a) || changed
								}
							}
						}
						return true
					})
				}
			case *Call:
				if ref, ok := n.Fn.(*GlobalRef); ok && ref.G.Known != nil && len(ref.G.Known.Params) == len(n.Args) {
					for i, a := range n.Args {
						changed = flo(ref.G.Known.Params[i], a) || changed
					}
				}
			}
			return true
		}
		for _, n := range p.Body {
			Walk(n, visit)
		}
		for _, l := range order {
			if k := g.look(l.Body); k != g.res[l] && k != fxBad {
				g.res[l] = k
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	vecs := f64VectorParams(order)
	sigs := map[*Lambda]*FxSig{}
	for _, l := range order {
		s := &FxSig{Params: make([]FxKind, len(l.Params)), Result: FxFixnum}
		for i, v := range l.Params {
			s.Params[i] = FxFixnum
			switch {
			case vecs[v]:
				s.Params[i] = FxF64Vector
			case g.flo[v]:
				s.Params[i] = FxFlonum
			}
		}
		if k := g.res[l]; k == FxFlonum || k == FxBool {
			s.Result = k
		}
		sigs[l] = s
	}
	return sigs
}

// f64VectorParams returns the parameters of the procedures in order that
// their bodies use as f64vectors: the first argument of f64vector-ref or
// f64vector-length, or an argument passed on to such a parameter of a
// procedure.
func f64VectorParams(order []*Lambda) map[*Var]bool {
	params := map[*Var]bool{}
	for _, l := range order {
		for _, v := range l.Params {
			params[v] = true
		}
	}
	out := map[*Var]bool{}
	mark := func(n Node) bool {
		if ref, ok := n.(*Ref); ok && params[ref.Var] && !out[ref.Var] {
			out[ref.Var] = true
			return true
		}
		return false
	}
	for changed := true; changed; {
		changed = false
		for _, l := range order {
			Walk(l.Body, func(n Node) bool {
				switch n := n.(type) {
				case *PrimCall:
					if len(n.Args) > 0 && (n.Prim.Name == "f64vector-ref" || n.Prim.Name == "f64vector-length") {
						changed = mark(n.Args[0]) || changed
					}
				case *Call:
					if ref, ok := n.Fn.(*GlobalRef); ok && ref.G.Known != nil && len(ref.G.Known.Params) == len(n.Args) {
						for i, a := range n.Args {
							if out[ref.G.Known.Params[i]] {
								changed = mark(a) || changed
							}
						}
					}
				}
				return true
			})
		}
	}
	return out
}

// namedLet returns the procedure of a named let: a letrec of one
// procedure whose body calls it.
func namedLet(n *Letrec) (*Lambda, bool) {
	if len(n.Vars) != 1 {
		return nil, false
	}
	lam, ok := n.Inits[0].(*Lambda)
	if !ok {
		return nil, false
	}
	call, ok := n.Body.(*Call)
	if !ok {
		return nil, false
	}
	if ref, ok := call.Fn.(*Ref); !ok || ref.Var != n.Vars[0] {
		return nil, false
	}
	return lam, true
}

// fxGuess holds the guesses of guessSigs.
type fxGuess struct {
	flo    map[*Var]bool
	res    map[*Lambda]FxKind
	consts map[*Global]rt.Value
}

// look returns the kind n looks like (fxBad when it cannot tell): a
// cheap syntactic guess, not a proof.
func (g *fxGuess) look(n Node) FxKind {
	switch n := n.(type) {
	case *Const:
		switch {
		case n.Val.IsFlonum():
			return FxFlonum
		case n.Val.IsBool():
			return FxBool
		case n.Val.IsFixnum():
			return FxFixnum
		}
	case *Ref:
		if g.flo[n.Var] {
			return FxFlonum
		}
	case *GlobalRef:
		if v, ok := g.consts[n.G]; ok && v.IsFlonum() {
			return FxFlonum
		}
	case *PrimCall:
		name := n.Prim.Name
		switch {
		case name == "not" || fxPred[name] > 0 || flPred[name] > 0:
			return FxBool
		case name == "inexact" || name == "exact->inexact" || name == "sqrt" || name == "f64vector-ref":
			return FxFlonum
		case flArith[name] || flUnary[name]:
			for _, a := range n.Args {
				if g.look(a) == FxFlonum {
					return FxFlonum
				}
			}
		}
	case *If:
		if k := g.look(n.Then); k != fxBad {
			return k
		}
		return g.look(n.Else)
	case *Seq:
		return g.look(n.Exprs[len(n.Exprs)-1])
	case *Let:
		return g.look(n.Body)
	case *Letrec:
		if lam, ok := namedLet(n); ok {
			return g.look(lam.Body)
		}
	case *Call:
		if ref, ok := n.Fn.(*GlobalRef); ok && ref.G.Known != nil {
			return g.res[ref.G.Known]
		}
	}
	return fxBad
}
