package analyze

import (
	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// This file defines the resumable pass: it prepares programs that may
// capture re-entrant continuations for compiled code (DESIGN §6; the
// runtime protocol is in rt/resume.go).
//
// Classification. A call/cc whose receiver is a lambda literal that only
// ever calls its continuation parameter — never passes it, stores it or
// returns it, and never calls it from a nested lambda — is escape-only:
// the continuation cannot outlive the receiver's extent. Such calls become
// (%call/ec receiver), which is panic/recover and costs nothing elsewhere.
// Any other use of call/cc (including a reference to the procedure itself)
// makes the program resumable (Program.Resumable).
//
// Transformation. In a resumable program, code that may be live on the Go
// stack when a continuation is captured must be able to save the rest of
// its work: after each such call it checks for the runtime's unwind marker
// and, when it comes, pushes a frame that does the rest and returns the
// marker. The pass makes that rest explicit, in the IR, as a lambda: a
// non-tail call c that may unwind, with the work after it k, becomes
//
//	(%then c (lambda (v) k[v]))
//
// (selective continuation-passing style). rt's %then calls the lambda with
// c's value, or pushes it as a frame when c returned the marker; the code
// generator evaluates c with the resumable call protocol (CallR, SettleR)
// instead of the barrier of Settle. Calls that cannot unwind are left
// alone: calls of primitives that are not resumable, and calls of known
// procedures whose bodies cannot unwind (a fixpoint over the known
// procedures), so fib in a program that also uses generators keeps its
// plain code. Tail calls need nothing: the marker passes through them.
// When a branch of an if may unwind and code follows the if, that code is
// bound once to a join lambda that both branches call in tail position.
//
// Both modes run the transformed program (the interpreter is resumable
// anyway and treats %then as an ordinary primitive), so they share one IR.
//
// Requires: prims, knownprocs. Guarantees: Program.Resumable is set exactly
// when a non-escape-only call/cc remains; %then appears only in tail
// position of a lambda body or of a top-level form; varinfo and tailcalls
// facts are recomputed.

// Resumable is the resumable pass.
func Resumable(p *Program) error {
	callcc := map[*rt.Prim]bool{rt.LookupPrim("call/cc"): true, rt.LookupPrim("call-with-current-continuation"): true}
	ec := rt.LookupPrim("%call/ec")
	p.Resumable = false
	callOnly := callOnlyParams(p)
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			switch n := n.(type) {
			case *PrimCall:
				if callcc[n.Prim] && len(n.Args) == 1 && escapeOnly(n.Args[0], callOnly) {
					n.Prim = ec
				}
			}
			return true
		})
	}
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			switch n := n.(type) {
			case *PrimCall:
				if callcc[n.Prim] {
					p.Resumable = true
				}
			case *PrimRef:
				if callcc[n.Prim] {
					p.Resumable = true
				}
			}
			return !p.Resumable
		})
	}
	if !p.Resumable {
		noteCallCC(p, ec)
		return nil
	}
	c := &cpser{p: p, then: rt.LookupPrim("%then"), unwinds: map[*Lambda]bool{}}
	c.knownUnwinds()
	// In a resumable program, a receiver's extent can be re-entered by a
	// continuation captured inside it, and its escape-only continuation
	// invoked after it returned: only receivers inside which nothing can
	// unwind stay escape-only. Reverting one can make more code unwind.
	for reverted := true; reverted; {
		reverted = false
		for _, n := range p.Body {
			Walk(n, func(n Node) bool {
				if pc, ok := n.(*PrimCall); ok && pc.Prim == ec {
					if lam, ok := pc.Args[0].(*Lambda); ok && c.receiverUnwinds(lam) {
						pc.Prim = rt.LookupPrim("call/cc")
						reverted = true
					}
				}
				return true
			})
		}
		if reverted {
			c.knownUnwinds()
		}
	}
	noteCallCC(p, ec)
	for _, g := range p.Globals {
		if l := g.Known; l != nil {
			if c.unwinds[l] {
				p.note(l.P, "%s: resumable (may be live during a re-entrant capture)", g.Name)
			} else {
				p.note(l.P, "%s: not resumable (cannot reach a capture)", g.Name)
			}
		}
	}
	for i, n := range p.Body {
		p.Body[i] = c.top(n)
	}
	if err := VarInfo(p); err != nil {
		return err
	}
	return MarkTailCalls(p)
}

// noteCallCC explains the classification of every call/cc.
func noteCallCC(p *Program, ec *rt.Prim) {
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			pc, ok := n.(*PrimCall)
			if !ok || len(pc.Args) != 1 {
				return true
			}
			name := "call/cc"
			if lam, ok := pc.Args[0].(*Lambda); ok && len(lam.Params) == 1 {
				name = lam.Params[0].Name
			}
			switch {
			case pc.Prim == ec:
				p.note(pc.P, "%s: escape-only continuation: compiled as panic/recover", name)
			case pc.Prim.Name == "call/cc" || pc.Prim.Name == "call-with-current-continuation":
				p.note(pc.P, "%s: re-entrant continuation", name)
			}
			return true
		})
	}
}

// escapeOnly reports whether recv is (lambda (k) body) where k is only
// called, within the receiver's extent: directly in body, or in lambdas that
// cannot outlive it — lambdas passed straight to a primitive that only
// calls its procedure arguments (for-each, map, ...), and local procedures
// (let or letrec bound) that are only ever called — and passed as an
// argument to a known procedure whose parameter is only called
// (callOnly, see callOnlyParams), which then runs within the extent too.
func escapeOnly(recv Node, callOnly map[*Var]bool) bool {
	if pr, ok := recv.(*PrimRef); ok && pr.Prim.Pure {
		return true // (call/cc procedure?) and the like
	}
	lam, ok := recv.(*Lambda)
	if !ok || len(lam.Params) != 1 || lam.Rest != nil {
		return false
	}
	k := lam.Params[0]
	// Variables used other than as the operator of a call.
	passed := map[*Var]bool{}
	Walk(lam.Body, func(n Node) bool {
		switch n := n.(type) {
		case *Ref:
			passed[n.Var] = true
		case *Call:
			_, isRef := n.Fn.(*Ref)
			if isRef || knownCallee(n) != nil {
				for i, a := range n.Args {
					if passedToCallOnly(n, i, callOnly) || lambdaToCallOnly(n, i, callOnly) {
						continue // the main walk looks into the lambda
					}
					Walk(a, func(m Node) bool {
						if r, ok := m.(*Ref); ok {
							passed[r.Var] = true
						}
						return true
					})
				}
				return false // the operator (a variable or a global) passes nothing
			}
		}
		return true
	})
	if passed[k] {
		return false
	}
	ok = true
	var walk func(n Node, nested bool)
	inExtent := func(l Node, nested bool) {
		if l, isLam := l.(*Lambda); isLam {
			walk(l.Body, nested)
			return
		}
		walk(l, nested)
	}
	// Local procedures that are only ever called run within the extent.
	bindings := func(vars []*Var, inits []Node, body Node, nested bool) {
		for i, init := range inits {
			if !passed[vars[i]] {
				inExtent(init, nested)
			} else {
				walk(init, nested)
			}
		}
		walk(body, nested)
	}
	walk = func(n Node, nested bool) {
		switch n := n.(type) {
		case *Ref:
			if n.Var == k {
				ok = false
			}
		case *Call:
			if r, isRef := n.Fn.(*Ref); isRef && r.Var == k {
				if nested {
					ok = false
				}
			} else {
				walk(n.Fn, nested)
			}
			for i, a := range n.Args {
				if lambdaToCallOnly(n, i, callOnly) {
					inExtent(a, nested) // called only while the callee runs
					continue
				}
				if r, isRef := a.(*Ref); isRef && r.Var == k && passedToCallOnly(n, i, callOnly) {
					// As good as a call of k here.
					if nested {
						ok = false
					}
					continue
				}
				walk(a, nested)
			}
		case *PrimCall:
			for _, a := range n.Args {
				if callsOnly[n.Prim.Name] {
					inExtent(a, nested)
				} else {
					walk(a, nested)
				}
			}
		case *Let:
			bindings(n.Vars, n.Inits, n.Body, nested)
		case *Letrec:
			bindings(n.Vars, n.Inits, n.Body, nested)
		case *Lambda:
			walk(n.Body, true)
		default:
			for _, ch := range Children(n) {
				walk(ch, nested)
			}
		}
	}
	walk(lam.Body, false)
	return ok
}

// knownCallee returns the known procedure a call of a global calls with
// matching arity, or nil.
func knownCallee(n *Call) *Lambda {
	g, ok := n.Fn.(*GlobalRef)
	if !ok || g.G.Known == nil || g.G.Known.Rest != nil || len(g.G.Known.Params) != len(n.Args) {
		return nil
	}
	return g.G.Known
}

// passedToCallOnly reports whether argument i of call n is a variable
// passed to a known procedure's call-only parameter.
func passedToCallOnly(n *Call, i int, callOnly map[*Var]bool) bool {
	_, isRef := n.Args[i].(*Ref)
	l := knownCallee(n)
	return isRef && l != nil && callOnly[l.Params[i]]
}

// lambdaToCallOnly reports whether argument i of call n is a lambda
// passed to a known procedure's call-only parameter: it runs, if at all,
// within the call.
func lambdaToCallOnly(n *Call, i int, callOnly map[*Var]bool) bool {
	_, isLam := n.Args[i].(*Lambda)
	l := knownCallee(n)
	return isLam && l != nil && callOnly[l.Params[i]]
}

// callOnlyParams finds the parameters of known procedures that are only
// called during the procedure's own activation: every use is the operator
// of a call in the body (not inside a nested lambda), or an argument
// passed on to another call-only parameter. A continuation passed to such
// a parameter cannot outlive the call — fibc's (addc x y k), CPS code
// passing its continuation down. It is the greatest fixpoint: start with
// every fixed parameter of a known procedure, drop those with another use,
// repeat.
func callOnlyParams(p *Program) map[*Var]bool {
	only := map[*Var]bool{}
	var known []*Lambda
	for _, g := range p.Globals {
		if l := g.Known; l != nil {
			known = append(known, l)
			for _, v := range l.Params {
				if !v.Assigned {
					only[v] = true
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, l := range known {
			var walk func(n Node, nested bool)
			drop := func(v *Var) {
				if only[v] {
					delete(only, v)
					changed = true
				}
			}
			walk = func(n Node, nested bool) {
				switch n := n.(type) {
				case *Ref:
					drop(n.Var)
				case *Lambda:
					walk(n.Body, true)
				case *Call:
					if r, isRef := n.Fn.(*Ref); isRef {
						if nested {
							drop(r.Var)
						}
					} else {
						walk(n.Fn, nested)
					}
					for i, a := range n.Args {
						if !nested && passedToCallOnly(n, i, only) {
							continue
						}
						walk(a, nested)
					}
				default:
					for _, c := range Children(n) {
						walk(c, nested)
					}
				}
			}
			walk(l.Body, false)
		}
	}
	return only
}

// callsOnly lists primitives that call their procedure arguments during
// the call and keep no reference to them afterwards.
var callsOnly = map[string]bool{
	"for-each": true, "map": true, "vector-for-each": true, "vector-map": true,
	"string-for-each": true, "string-map": true, "call-with-values": true,
	"dynamic-wind": true, "with-exception-handler": true, "apply": true,
	"member": true, "assoc": true, "%guard": true,
	"call/cc": true, "call-with-current-continuation": true, "%call/ec": true,
}

type cpser struct {
	p       *Program
	then    *rt.Prim
	unwinds map[*Lambda]bool // known procedures whose bodies may unwind
}

// knownUnwinds computes, as a least fixpoint, which known procedures may
// return the unwind marker.
func (c *cpser) knownUnwinds() {
	for changed := true; changed; {
		changed = false
		for _, g := range c.p.Globals {
			if l := g.Known; l != nil && !c.unwinds[l] && c.bodyUnwinds(l.Body) {
				c.unwinds[l] = true
				changed = true
			}
		}
	}
}

// bodyUnwinds reports whether evaluating n (outside nested lambdas) may
// return the unwind marker, counting tail calls.
func (c *cpser) bodyUnwinds(n Node) bool { return c.anyUnwinds(n, false, nil) }

// receiverUnwinds reports whether anything inside the receiver lam of an
// escape-only call/cc, nested lambdas included, may unwind (calls of its
// continuation aside).
func (c *cpser) receiverUnwinds(lam *Lambda) bool {
	return c.anyUnwinds(lam.Body, true, lam.Params[0])
}

// anyUnwinds reports whether n has a call that may unwind, looking into
// nested lambdas when lambdas is set and ignoring calls of the variable k.
func (c *cpser) anyUnwinds(n Node, lambdas bool, k *Var) bool {
	found := false
	Walk(n, func(n Node) bool {
		switch n := n.(type) {
		case *Lambda:
			return lambdas
		case *Call:
			if r, ok := n.Fn.(*Ref); ok && k != nil && r.Var == k {
				return true
			}
			found = found || c.callUnwinds(n)
		case *PrimCall:
			found = found || n.Prim.Resumable
		}
		return !found
	})
	return found
}

// callUnwinds reports whether the call itself may return the marker.
func (c *cpser) callUnwinds(n *Call) bool {
	if g, ok := n.Fn.(*GlobalRef); ok && g.G.Known != nil && arityFits(g.G.Known, len(n.Args)) {
		return c.unwinds[g.G.Known]
	}
	return true
}

func arityFits(l *Lambda, n int) bool {
	return n == len(l.Params) || (l.Rest != nil && n > len(l.Params))
}

// serious reports whether n contains (outside nested lambdas) a non-tail
// point that may unwind. Nested lambdas are transformed separately.
func (c *cpser) serious(n Node) bool {
	switch n := n.(type) {
	case *Const, *Ref, *GlobalRef, *PrimRef, *Lambda:
		return false
	case *Call:
		if c.callUnwinds(n) {
			return true
		}
	case *PrimCall:
		if n.Prim.Resumable {
			return true
		}
	}
	for _, ch := range Children(n) {
		if c.serious(ch) {
			return true
		}
	}
	return false
}

// lambda transforms the bodies of the lambdas nested in n (outside other
// lambdas) in place.
func (c *cpser) lambdas(n Node) {
	Walk(n, func(n Node) bool {
		if l, ok := n.(*Lambda); ok {
			l.Body = c.tail(l.Body)
			return false
		}
		return true
	})
}

// top transforms a top-level form: its value is discarded, so the rest of
// the form after its last unwinding point is the identity.
func (c *cpser) top(n Node) Node {
	c.lambdas(n)
	if !c.serious(n) {
		return n
	}
	return c.value(n, func(v Node) Node { return v })
}

// kont builds the rest of a computation given the (trivial) node of a
// value.
type kont func(v Node) Node

// tail transforms n, which is in tail position of a lambda body.
func (c *cpser) tail(n Node) Node {
	c.lambdas(n)
	return c.tailNoLambdas(n)
}

func (c *cpser) tailNoLambdas(n Node) Node {
	if !c.serious(n) {
		return n
	}
	switch n := n.(type) {
	case *If:
		return c.value(n.Test, func(t Node) Node {
			return &If{P: n.P, Test: t, Then: c.tailNoLambdas(n.Then), Else: c.tailNoLambdas(n.Else)}
		})
	case *Seq:
		return c.seq(n.P, n.Exprs, func(last Node) Node { return c.tailNoLambdas(last) })
	case *Let:
		return c.values(n.Inits, func(vs []Node) Node {
			return &Let{P: n.P, Vars: n.Vars, Inits: vs, Body: c.tailNoLambdas(n.Body)}
		})
	case *Letrec:
		return c.letrec(n, func(body Node) Node { return c.tailNoLambdas(body) })
	case *Call:
		return c.values(append([]Node{n.Fn}, n.Args...), func(vs []Node) Node {
			return &Call{P: n.P, Fn: vs[0], Args: vs[1:], Tail: true}
		})
	case *PrimCall:
		return c.values(n.Args, func(vs []Node) Node {
			return &PrimCall{P: n.P, Prim: n.Prim, Args: vs, Tail: true}
		})
	}
	return c.value(n, func(v Node) Node { return v })
}

// seq transforms a sequence: all but the last element for effect, then
// last(the last element).
func (c *cpser) seq(pos parse.Pos, exprs []Node, last func(Node) Node) Node {
	if len(exprs) == 1 {
		return last(exprs[0])
	}
	first := exprs[0]
	rest := func() Node { return c.seq(pos, exprs[1:], last) }
	if !c.serious(first) {
		return prependEffect(first, rest())
	}
	return c.value(first, func(v Node) Node { return prependEffect(v, rest()) })
}

// prependEffect evaluates e for effect before rest.
func prependEffect(e, rest Node) Node {
	switch e.(type) {
	case *Const, *Ref, *GlobalRef, *PrimRef, *Lambda:
		return rest
	}
	if s, ok := rest.(*Seq); ok {
		return &Seq{P: e.Pos(), Exprs: append([]Node{e}, s.Exprs...)}
	}
	return &Seq{P: e.Pos(), Exprs: []Node{e, rest}}
}

// values evaluates ns left to right, each serious one through value, and
// passes the trivial results to k.
func (c *cpser) values(ns []Node, k func([]Node) Node) Node {
	out := make([]Node, 0, len(ns))
	var loop func(i int) Node
	loop = func(i int) Node {
		if i == len(ns) {
			return k(out)
		}
		if !c.serious(ns[i]) {
			out = append(out, ns[i])
			return loop(i + 1)
		}
		return c.value(ns[i], func(v Node) Node {
			out = append(out, v)
			return loop(i + 1)
		})
	}
	return loop(0)
}

// letrec transforms a letrec whose inits may unwind: the variables are
// bound first (letrec* semantics) and each init is then assigned in turn.
func (c *cpser) letrec(n *Letrec, body func(Node) Node) Node {
	if !c.anySerious(n.Inits) {
		return &Letrec{P: n.P, Vars: n.Vars, Inits: n.Inits, Body: body(n.Body)}
	}
	undef := make([]Node, len(n.Vars))
	for i := range undef {
		undef[i] = &Const{P: n.P, Val: rt.Unspecified}
	}
	var assign func(i int) Node
	assign = func(i int) Node {
		if i == len(n.Vars) {
			return body(n.Body)
		}
		v := n.Vars[i]
		return c.value(n.Inits[i], func(x Node) Node {
			return prependEffect(&Set{P: n.P, Var: v, Value: x}, assign(i+1))
		})
	}
	return &Let{P: n.P, Vars: n.Vars, Inits: undef, Body: assign(0)}
}

func (c *cpser) anySerious(ns []Node) bool {
	for _, n := range ns {
		if c.serious(n) {
			return true
		}
	}
	return false
}

// value evaluates n (not in tail position) and passes its value, as a
// trivial node, to k; the result is the whole computation, in tail
// position.
func (c *cpser) value(n Node, k kont) Node {
	if !c.serious(n) {
		return k(n)
	}
	switch n := n.(type) {
	case *Call:
		return c.values(append([]Node{n.Fn}, n.Args...), func(vs []Node) Node {
			call := &Call{P: n.P, Fn: vs[0], Args: vs[1:]}
			if !c.callUnwinds(call) {
				return k(call)
			}
			return c.thenK(n.P, call, k)
		})
	case *PrimCall:
		return c.values(n.Args, func(vs []Node) Node {
			call := &PrimCall{P: n.P, Prim: n.Prim, Args: vs}
			if !n.Prim.Resumable {
				return k(call)
			}
			return c.thenK(n.P, call, k)
		})
	case *If:
		return c.value(n.Test, func(t Node) Node {
			if !c.serious(n.Then) && !c.serious(n.Else) {
				return k(&If{P: n.P, Test: t, Then: n.Then, Else: n.Else})
			}
			// A join point: the rest, bound once, called from both
			// branches in tail position.
			jv := c.newVar("join", n.P)
			join := c.kLambda(n.P, k)
			jump := func(v Node) Node { return &Call{P: n.P, Fn: &Ref{P: n.P, Var: jv}, Args: []Node{v}, Tail: true} }
			return &Let{P: n.P, Vars: []*Var{jv}, Inits: []Node{join},
				Body: &If{P: n.P, Test: t, Then: c.value(n.Then, jump), Else: c.value(n.Else, jump)}}
		})
	case *Seq:
		return c.seq(n.P, n.Exprs, func(last Node) Node { return c.value(last, k) })
	case *Let:
		return c.values(n.Inits, func(vs []Node) Node {
			return &Let{P: n.P, Vars: n.Vars, Inits: vs, Body: c.value(n.Body, k)}
		})
	case *Letrec:
		return c.letrec(n, func(body Node) Node { return c.value(body, k) })
	case *Set:
		return c.value(n.Value, func(v Node) Node { return k(&Set{P: n.P, Var: n.Var, Value: v}) })
	case *GlobalSet:
		return c.value(n.Value, func(v Node) Node {
			return k(&GlobalSet{P: n.P, G: n.G, Value: v, Define: n.Define})
		})
	}
	return k(n)
}

// thenK is (%then call (lambda (v) k[v])).
func (c *cpser) thenK(pos parse.Pos, call Node, k kont) Node {
	return &PrimCall{P: pos, Prim: c.then, Args: []Node{call, c.kLambda(pos, k)}, Tail: true}
}

// kLambda is (lambda (v) k[v]).
func (c *cpser) kLambda(pos parse.Pos, k kont) *Lambda {
	v := c.newVar("v", pos)
	c.p.NumLambdas++
	return &Lambda{P: pos, ID: c.p.NumLambdas, Params: []*Var{v}, Body: k(&Ref{P: pos, Var: v})}
}

func (c *cpser) newVar(name string, pos parse.Pos) *Var {
	c.p.NumVars++
	return &Var{Name: name, ID: c.p.NumVars, P: pos}
}
