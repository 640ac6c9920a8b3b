package analyze

import (
	"fmt"
	"strings"
)

// This file defines the closures pass, which finds the local procedures
// that need no procedure object: lambdas bound by letrec (internal define,
// named let) to a variable that is never set! and is only ever called, with
// an argument count the lambda accepts. Such a lambda is Direct: code
// generation makes it a Go function (a Go closure over the variables it
// uses, or, when Lifted, a top-level Go function) and every call of it a
// direct Go call, with no rt.Procedure and no trampoline.
//
// A tail call of a Direct procedure from its own body is a Go loop (as
// before). A tail call of it from any other lambda is a direct Go call in
// tail position, which keeps the Go stack bounded only if direct tail calls
// cannot form a cycle: the rule is that of the call graph whose nodes are
// the candidate lambdas and whose edges are tail calls from the body of one
// to another (self calls excluded, they are loops). A procedure entered by
// a direct tail call is always a candidate, so every unbounded chain of
// direct tail calls would be a cycle of that graph; candidates on a cycle
// (mutual tail recursion, e.g. local even?/odd?) stay closures called
// through the trampoline, and with them removed the graph is acyclic, so a
// chain of direct tail calls is at most as long as the program.
//
// A Direct procedure must also be defined before anything can call it: in
// a letrec, the procedures bound after an init that is not a lambda and
// may call a procedure (it makes a call other than of a pure primitive)
// stay closures (that init may call them early, which R7RS makes an error
// the closure reports).
//
// A Direct procedure is Lifted when every variable of an enclosing lambda
// it uses (Lambda.Free) is the variable of a Lifted procedure (itself
// included).
//
// Known global procedures (top-level defines never set!) that tail-call
// each other get the same treatment (globalGroups): each keeps its
// rt.Procedure, but they share one Go function in which their tail calls
// to each other are jumps.
//
// Requires: varinfo (Assigned, Free), tailcalls; runs after resumable,
// whose rewriting it must see. Guarantees: Lambda.Direct and Lambda.Lifted
// are exact for the current IR.

// Closures is the closures pass.
func Closures(p *Program) error {
	c := &cloScan{
		cand:   map[*Var]*Lambda{},
		why:    map[*Var]string{},
		called: map[*Ref]bool{},
		edges:  map[*Lambda][]*Lambda{},
		lams:   map[*Lambda]bool{},
		binder: map[*Var]*Letrec{},
		calls:  map[*Var][]callSite{},
		within: map[*Letrec]*Lambda{},
		refs:   map[*Var][]*Lambda{},
	}
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			switch n := n.(type) {
			case *Lambda:
				n.Direct, n.Lifted, n.Group, n.InPlace = false, false, nil, false
			case *Letrec:
				c.letrec(n)
			}
			return true
		})
	}
	for _, n := range p.Body {
		c.scan(n, nil)
	}
	inPlace := c.inPlace(p)
	eligible := map[*Var]bool{}
	for _, v := range c.order {
		eligible[v] = c.why[v] == ""
	}
	c.cycles()
	groups := c.groups(eligible)
	direct := map[*Lambda]*Var{}
	for v, lam := range c.cand {
		switch {
		case inPlace[lam]:
			lam.InPlace = true
		case c.why[v] == "":
			lam.Direct = true
			direct[lam] = v
		}
	}
	// Lifted: the greatest set of Direct lambdas whose free variables
	// all name members of the set.
	for lam := range direct {
		lam.Lifted = true
	}
	for changed := true; changed; {
		changed = false
		for lam := range direct {
			if !lam.Lifted {
				continue
			}
			for _, v := range lam.Free {
				if l := c.cand[v]; l == nil || !l.Lifted {
					lam.Lifted = false
					changed = true
					break
				}
			}
		}
	}
	globalGroups(p)
	funcParams(p)
	for _, v := range c.order {
		lam := c.cand[v]
		if g := groups[v]; g != "" {
			lifted := ""
			if lam.Lifted {
				lifted = ", lifted"
			}
			p.note(lam.P, "%s does not escape: direct calls; mutual tail calls with %s compiled as one Go function (switch loop%s)", v.Name, g, lifted)
			continue
		}
		switch {
		case lam.InPlace:
			p.note(lam.P, "%s does not escape: compiled in place, its calls are jumps", v.Name)
		case lam.Lifted:
			p.note(lam.P, "%s does not escape: direct calls, lifted to a Go function (no free variables)", v.Name)
		case lam.Direct:
			p.note(lam.P, "%s does not escape: direct calls", v.Name)
		default:
			p.note(lam.P, "%s: closure allocated (%s)", v.Name, c.why[v])
		}
	}
	return nil
}

type cloScan struct {
	cand   map[*Var]*Lambda      // letrec variables bound to a lambda and never set!
	order  []*Var                // cand's keys in program order
	why    map[*Var]string       // why a candidate needs a closure; "" if it does not
	called map[*Ref]bool         // references in the operator position of a call
	edges  map[*Lambda][]*Lambda // tail calls between candidates (callee per caller)
	lams   map[*Lambda]bool      // cand's values
	binder map[*Var]*Letrec      // the letrec binding each candidate
	// calls lists the calls of each candidate with the innermost
	// lambda around each; within gives the innermost lambda around each
	// letrec (nil at top level).
	calls  map[*Var][]callSite
	within map[*Letrec]*Lambda
	refs   map[*Var][]*Lambda // the innermost lambda around each reference of a parameter
}

type callSite struct {
	call *Call
	in   *Lambda
}

// groups makes one group of each set of candidates on a cycle of tail
// calls (a strongly connected component) whose members are bound by the
// same letrec, have no rest parameter and need a closure for no other
// reason: they become Direct, with Lambda.Group listing them, and code
// generation compiles them as one Go function whose tail calls to each
// other are jumps, so the cycle no longer goes through Go calls. It
// returns the other members' names for each member's note.
func (c *cloScan) groups(eligible map[*Var]bool) map[*Var]string {
	notes := map[*Var]string{}
	done := map[*Var]bool{}
	for _, v := range c.order {
		if done[v] || !eligible[v] || c.why[v] == "" {
			continue
		}
		from := c.cand[v]
		var members []*Var
		ok := true
		for _, w := range c.order {
			l := c.cand[w]
			if l == from || (c.reaches(from, l) && c.reaches(l, from)) {
				members = append(members, w)
				done[w] = true
				if !eligible[w] || c.binder[w] != c.binder[v] || l.Rest != nil {
					ok = false
				}
			}
		}
		if !ok || len(members) < 2 {
			continue
		}
		group := make([]*Lambda, len(members))
		for i, w := range members {
			group[i] = c.cand[w]
		}
		for _, w := range members {
			c.why[w] = ""
			c.cand[w].Group = group
			var others []string
			for _, o := range members {
				if o != w {
					others = append(others, o.Name)
				}
			}
			notes[w] = strings.Join(others, ", ")
		}
	}
	return notes
}

func (c *cloScan) letrec(n *Letrec) {
	early := false // an init that may call a procedure has come before
	for i, v := range n.Vars {
		lam, ok := n.Inits[i].(*Lambda)
		if !ok {
			early = early || !inert(n.Inits[i])
			continue
		}
		if v.Assigned {
			continue
		}
		c.cand[v] = lam
		c.lams[lam] = true
		c.binder[v] = n
		c.order = append(c.order, v)
		if early {
			c.why[v] = "may be called before it is defined"
		}
	}
}

// inert reports whether evaluating n cannot call a procedure: it makes no
// call other than to pure primitives (lambdas inside it are not run).
func inert(n Node) bool {
	ok := true
	Walk(n, func(n Node) bool {
		switch n := n.(type) {
		case *Lambda:
			return false
		case *Call:
			ok = false
		case *PrimCall:
			ok = ok && n.Prim.Pure
		}
		return ok
	})
	return ok
}

// scan visits n, inside the lambda cur (nil at top level).
func (c *cloScan) scan(n Node, cur *Lambda) {
	switch n := n.(type) {
	case *Set:
		c.refs[n.Var] = append(c.refs[n.Var], cur)
	case *Ref:
		c.refs[n.Var] = append(c.refs[n.Var], cur)
		lam := c.cand[n.Var]
		if lam != nil && !c.called[n] && c.why[n.Var] == "" {
			c.why[n.Var] = fmt.Sprintf("escapes: used as a value at %d:%d", n.P.Line, n.P.Col)
		}
		return
	case *Letrec:
		c.within[n] = cur
	case *Call:
		if r, ok := n.Fn.(*Ref); ok {
			if lam := c.cand[r.Var]; lam != nil {
				c.calls[r.Var] = append(c.calls[r.Var], callSite{n, cur})
				c.called[r] = true
				switch {
				case !arityFits(lam, len(n.Args)):
					if c.why[r.Var] == "" {
						c.why[r.Var] = fmt.Sprintf("called with %s at %d:%d", plural(len(n.Args), "argument"), n.P.Line, n.P.Col)
					}
				case n.Tail && cur != nil && cur != lam && c.lams[cur]:
					c.edges[cur] = append(c.edges[cur], lam)
				}
			}
		}
	case *Lambda:
		c.scan(n.Body, n)
		return
	}
	for _, ch := range Children(n) {
		c.scan(ch, cur)
	}
}

// inPlace finds the candidates compiled in place (Lambda.InPlace): named
// lets — a letrec of one lambda whose body is a tail call of it — whose
// every other call is a tail call from the lambda's own body or from the
// body of an in-place lambda nested in it, and whose parameters no
// closure captures. Code generation emits such a lambda as a labelled Go
// loop where its letrec is, in the Go function of the nearest enclosing
// procedure, and every call of it as a jump: so nested loops whose inner
// loop ends by continuing the outer one need no procedure, no closure
// and no trampoline. Tail calls the in-place lambda makes are those of
// the enclosing procedure: the tail-call graph is rewritten so (cycles).
// Programs that may re-enter continuations are left alone.
func (c *cloScan) inPlace(p *Program) map[*Lambda]bool {
	in := map[*Lambda]bool{}
	if p.Resumable {
		return in
	}
	entry := map[*Lambda]*Call{}
	for _, v := range c.order {
		lam, x := c.cand[v], c.binder[v]
		call, ok := x.Body.(*Call)
		if !ok || len(x.Vars) != 1 || lam.Rest != nil || c.why[v] != "" || c.within[x] == nil {
			continue
		}
		if r, ok := call.Fn.(*Ref); !ok || r.Var != v || !call.Tail || len(call.Args) != len(lam.Params) {
			continue
		}
		in[lam], entry[lam] = true, call
	}
	varOf := map[*Lambda]*Var{}
	for _, v := range c.order {
		varOf[c.cand[v]] = v
	}
	parent := func(l *Lambda) *Lambda { return c.within[c.binder[varOf[l]]] }
	// inside reports whether code in lambda l is in lam's Go code: l is
	// lam or an in-place lambda nested in it.
	inside := func(l, lam *Lambda) bool {
		for l != nil && l != lam && in[l] {
			l = parent(l)
		}
		return l == lam
	}
	for changed := true; changed; {
		changed = false
		for lam := range in {
			ok := true
			for _, site := range c.calls[varOf[lam]] {
				if site.call == entry[lam] {
					continue
				}
				if !site.call.Tail || len(site.call.Args) != len(lam.Params) {
					ok = false
					break
				}
				if !inside(site.in, lam) {
					ok = false
					break
				}
			}
			// A closure that captured a parameter would see it change
			// (Go closures capture variables).
			for _, p := range lam.Params {
				for _, l := range c.refs[p] {
					ok = ok && inside(l, lam)
				}
			}
			if !ok {
				delete(in, lam)
				changed = true
			}
		}
	}
	// The tail calls of an in-place lambda's body are those of the
	// procedure it is compiled into; calls of it are jumps.
	real := func(l *Lambda) *Lambda {
		for l != nil && in[l] {
			l = parent(l)
		}
		return l
	}
	edges := map[*Lambda][]*Lambda{}
	for from, tos := range c.edges {
		for _, to := range tos {
			if f := real(from); !in[to] && f != nil && f != to && c.lams[f] {
				edges[f] = append(edges[f], to)
			}
		}
	}
	c.edges = edges
	return in
}

// cycles marks the candidates that can reach themselves through tail calls
// of candidates.
func (c *cloScan) cycles() {
	for _, v := range c.order {
		from := c.cand[v]
		for _, to := range c.edges[from] {
			if c.why[v] == "" && c.reaches(to, from) {
				c.why[v] = fmt.Sprintf("mutual tail calls with %s: trampolined", nameOf(to))
			}
		}
	}
}

// reaches reports whether a chain of tail calls of candidates leads from
// from to to.
func (c *cloScan) reaches(from, to *Lambda) bool {
	seen := map[*Lambda]bool{}
	stack := []*Lambda{from}
	for len(stack) > 0 {
		l := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if l == to {
			return true
		}
		if !seen[l] {
			seen[l] = true
			stack = append(stack, c.edges[l]...)
		}
	}
	return false
}

func nameOf(l *Lambda) string {
	if l == nil || l.Name == "" {
		return "lambda"
	}
	return l.Name
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// globalGroups makes one group (Lambda.Group) of each set of known global
// procedures on a cycle of tail calls (mutual tail recursion such as
// even?/odd? written at top level). A member has a fixed number of
// parameters, and the members' defines follow each other with nothing
// between them that could call a procedure, so none can be called before
// all are defined (the jumps inside the group skip the check a call of an
// undefined global makes). Code generation compiles the group as one Go
// function looping over a switch, and each member's entry calls it with
// the member's index.
func globalGroups(p *Program) {
	index := map[*Lambda]int{} // member candidate -> its define's index
	names := map[*Lambda]string{}
	var order []*Lambda
	for i, n := range p.Body {
		gs, ok := n.(*GlobalSet)
		if !ok || !gs.Define || gs.G.Known == nil || gs.Value != gs.G.Known || gs.G.Known.Rest != nil {
			continue
		}
		index[gs.G.Known] = i
		names[gs.G.Known] = gs.G.Name
		order = append(order, gs.G.Known)
	}
	edges := map[*Lambda][]*Lambda{}
	for _, lam := range order {
		Walk(lam.Body, func(n Node) bool {
			switch n := n.(type) {
			case *Lambda:
				return false
			case *Call:
				r, ok := n.Fn.(*GlobalRef)
				if !ok || !n.Tail || r.G.Known == nil || r.G.Known == lam {
					break
				}
				if _, ok := index[r.G.Known]; ok && len(n.Args) == len(r.G.Known.Params) {
					edges[lam] = append(edges[lam], r.G.Known)
				}
			}
			return true
		})
	}
	reach := func(from, to *Lambda) bool {
		seen := map[*Lambda]bool{from: true}
		stack := []*Lambda{from}
		for len(stack) > 0 {
			l := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, m := range edges[l] {
				if m == to {
					return true
				}
				if !seen[m] {
					seen[m] = true
					stack = append(stack, m)
				}
			}
		}
		return false
	}
	done := map[*Lambda]bool{}
	for _, lam := range order {
		if done[lam] || len(edges[lam]) == 0 {
			continue
		}
		var group []*Lambda
		for _, m := range order {
			if m == lam || (reach(lam, m) && reach(m, lam)) {
				group = append(group, m)
				done[m] = true
			}
		}
		if len(group) < 2 {
			continue
		}
		together := definedTogether(p, index[group[0]], index[group[len(group)-1]])
		for _, m := range group {
			var others []string
			for _, o := range group {
				if o != m {
					others = append(others, names[o])
				}
			}
			if !together {
				p.note(m.P, "%s: mutual tail calls with %s through the trampoline (a form between their definitions may call them)", names[m], strings.Join(others, ", "))
				continue
			}
			m.Group = group
			p.note(m.P, "%s: mutual tail calls with %s compiled as one Go function (switch loop)", names[m], strings.Join(others, ", "))
		}
	}
}

// definedTogether reports whether the top-level forms from index i to j
// only define globals as lambdas or constants.
func definedTogether(p *Program, i, j int) bool {
	for _, n := range p.Body[i : j+1] {
		gs, ok := n.(*GlobalSet)
		if !ok || !gs.Define {
			return false
		}
		switch gs.Value.(type) {
		case *Lambda, *Const:
		default:
			return false
		}
	}
	return true
}

// funcParams finds the parameters of known global procedures that are
// only ever called, always with the same number of arguments (also from
// local procedures that are only called, Direct: loops written as named
// let), not referenced otherwise, not captured by a closure, not
// assigned — except passed on
// unchanged at the same position in a call of the procedure itself (the
// f of (define (fold f acc l) ... (fold f (f ...) (cdr l)))). It sets
// their Var.FuncArity. A non-tail call of such a procedure that passes a
// lambda of that arity for each of them gets Call.FuncArgs, and those
// lambdas FuncArg: code generation calls the procedure's second entry,
// which takes Go functions for these parameters, and passes each lambda
// as a Go function literal, which Go keeps on the stack — no closure is
// allocated. A tail call does too, as a direct Go call, when the callee
// tail-calls no other such procedure (tailSafe). Programs that may re-enter continuations are left alone
// (their lambdas follow the resumable protocol).
func funcParams(p *Program) {
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			switch n := n.(type) {
			case *Lambda:
				n.FuncArg = false
				for _, v := range n.Params {
					v.FuncArity = 0
				}
			case *Call:
				n.FuncArgs = false
			}
			return true
		})
	}
	if p.Resumable {
		return
	}
	procs := map[*Lambda]string{} // procedures with candidate parameters
	funcArity := map[*Var]int{}   // the candidates' FuncArity
	for _, n := range p.Body {
		gs, ok := n.(*GlobalSet)
		if !ok || !gs.Define || gs.G.Known == nil || gs.Value != gs.G.Known {
			continue
		}
		lam := gs.G.Known
		if lam.Rest != nil || lam.Group != nil {
			continue
		}
		arity := map[*Var]int{}
		for _, v := range lam.Params {
			if !v.Assigned {
				arity[v] = -1 // a candidate, not yet seen called
			}
		}
		bad := func(v *Var) { delete(arity, v) }
		var walk func(n Node)
		walk = func(n Node) {
			switch n := n.(type) {
			case *Ref:
				bad(n.Var)
			case *Lambda:
				if n.Direct || n.InPlace {
					// A local procedure that is only called (a loop):
					// a Go function of the entry, it may call them.
					walk(n.Body)
					break
				}
				// A closure must not see them at all.
				Walk(n.Body, func(m Node) bool {
					if r, ok := m.(*Ref); ok {
						bad(r.Var)
					}
					return true
				})
			case *Call:
				if r, ok := n.Fn.(*Ref); ok {
					if a, ok := arity[r.Var]; ok {
						if a >= 0 && a != len(n.Args) {
							bad(r.Var)
						} else {
							arity[r.Var] = len(n.Args)
						}
					}
				} else {
					walk(n.Fn)
				}
				g, self := n.Fn.(*GlobalRef)
				self = self && g.G.Known == lam && len(n.Args) == len(lam.Params)
				for i, a := range n.Args {
					if self {
						if r, ok := a.(*Ref); ok && r.Var == lam.Params[i] {
							continue // passed on unchanged to the procedure itself
						}
						// The Go-function entry calls itself with its
						// own Go functions: anything else here rules
						// the parameter out.
						bad(lam.Params[i])
					}
					walk(a)
				}
			default:
				for _, c := range Children(n) {
					walk(c)
				}
			}
		}
		walk(lam.Body)
		for _, v := range lam.Params {
			if a, ok := arity[v]; ok && a >= 0 {
				funcArity[v] = a + 1
				procs[lam] = gs.G.Name
			}
		}
	}
	if len(procs) == 0 {
		return
	}
	// A tail call passing Go functions is a direct Go call (the Go
	// functions live in the caller's frame): the callee must not itself
	// tail-call a procedure that takes Go functions, or chains of such
	// calls could grow the Go stack in a loop that should run in
	// constant space. Its tail calls of other procedures go through the
	// trampoline, which unwinds through the caller.
	tailSafe := map[*Lambda]bool{}
	for lam := range procs {
		tailSafe[lam] = true
		Walk(lam.Body, func(n Node) bool {
			if c, ok := n.(*Call); ok && c.Tail {
				if g, ok := c.Fn.(*GlobalRef); ok && g.G.Known != lam {
					if _, other := procs[g.G.Known]; other {
						tailSafe[lam] = false
					}
				}
			}
			return tailSafe[lam]
		})
	}
	used := map[*Lambda]bool{} // procedures with a call passing lambdas
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			c, ok := n.(*Call)
			if !ok {
				return true
			}
			g, ok := c.Fn.(*GlobalRef)
			if !ok || g.G.Known == nil || len(c.Args) != len(g.G.Known.Params) {
				return true
			}
			name, ok := procs[g.G.Known]
			if !ok {
				return true
			}
			if c.Tail && !tailSafe[g.G.Known] {
				for i, v := range g.G.Known.Params {
					if l, ok := c.Args[i].(*Lambda); ok && funcArity[v] > 0 {
						p.note(l.P, "lambda passed to %s in a tail call: closure allocated (%s tail-calls other procedures taking Go functions, so the call goes through the trampoline)", name, name)
					}
				}
				return true
			}
			for i, v := range g.G.Known.Params {
				if funcArity[v] == 0 {
					continue
				}
				if l, ok := c.Args[i].(*Lambda); !ok || l.Rest != nil || len(l.Params) != funcArity[v]-1 {
					return true
				}
			}
			c.FuncArgs = true
			used[g.G.Known] = true
			for i, v := range g.G.Known.Params {
				if funcArity[v] > 0 {
					l := c.Args[i].(*Lambda)
					l.FuncArg = true
					p.note(l.P, "lambda does not escape: passed to %s, which only calls it: a Go function, no closure", name)
				}
			}
			return true
		})
	}
	// Only procedures that some call passes lambdas get the entry.
	for lam, name := range procs {
		if !used[lam] {
			continue
		}
		for _, v := range lam.Params {
			if a := funcArity[v]; a > 0 {
				v.FuncArity = a
				p.note(v.P, "%s: only called: %s has an entry taking a Go function for it", v.Name, name)
			}
		}
	}
}
