package analyze

// This file defines the loops pass, which notes for `lambdustc explain`
// the procedures whose self tail calls code generation compiles as Go `for`
// loops (codegen's selfCalls): a call in tail position of a lambda to that
// same lambda with the right number of arguments, where the callee is named
// by a global bound once to the lambda (knownprocs) or by a letrec variable
// never set! (named let expands to such a letrec). For a letrec procedure
// it also tells whether the variable escapes, that is, is used other than
// by calling it.
//
// The pass only records notes; code generation decides the same thing on
// its own, and the explain tests (testdata/explain) keep the two in step.
//
// Requires: knownprocs, tailcalls (the Tail flags are not used: tail
// positions are found by structure, as codegen does).

// Loops is the loops pass.
func Loops(p *Program) error {
	l := &loopScan{rec: map[*Var]*Lambda{}, called: map[*Ref]bool{}, refs: map[*Var]int{}, calls: map[*Var]int{}}
	byLam := map[*Lambda]string{}
	for _, g := range p.Globals {
		if g.Known != nil {
			byLam[g.Known] = g.Name
		}
	}
	var lams []*Lambda
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			switch n := n.(type) {
			case *Letrec:
				for i, v := range n.Vars {
					if lam, ok := n.Inits[i].(*Lambda); ok && !v.Assigned {
						l.rec[v] = lam
					}
				}
			case *Call:
				if r, ok := n.Fn.(*Ref); ok {
					l.called[r] = true
				}
			case *Ref:
				l.refs[n.Var]++
				if l.called[n] {
					l.calls[n.Var]++
				}
			case *Lambda:
				lams = append(lams, n)
			}
			return true
		})
	}
	recVar := map[*Lambda]*Var{}
	for v, lam := range l.rec {
		recVar[lam] = v
	}
	for _, lam := range lams {
		if !l.selfTail(lam, lam.Body) {
			continue
		}
		if v := recVar[lam]; v != nil {
			if l.refs[v] == l.calls[v] {
				p.note(lam.P, "%s does not escape: compiled as a Go loop", v.Name)
			} else {
				p.note(lam.P, "%s escapes: self tail calls compiled as a Go loop", v.Name)
			}
			continue
		}
		p.note(lam.P, "%s: self tail calls compiled as a Go loop", byLam[lam])
	}
	return nil
}

type loopScan struct {
	rec         map[*Var]*Lambda // letrec variables bound to a lambda, never set!
	called      map[*Ref]bool    // references in operator position
	refs, calls map[*Var]int     // references to a variable, and those that call it
}

// selfTail reports whether lam calls itself in a tail position within n.
func (l *loopScan) selfTail(lam *Lambda, n Node) bool {
	switch n := n.(type) {
	case *If:
		return l.selfTail(lam, n.Then) || l.selfTail(lam, n.Else)
	case *Seq:
		return l.selfTail(lam, n.Exprs[len(n.Exprs)-1])
	case *Let:
		return l.selfTail(lam, n.Body)
	case *Letrec:
		return l.selfTail(lam, n.Body)
	case *Call:
		var callee *Lambda
		switch f := n.Fn.(type) {
		case *GlobalRef:
			callee = f.G.Known
		case *Ref:
			callee = l.rec[f.Var]
		}
		if callee != lam {
			return false
		}
		if lam.Rest != nil {
			return len(n.Args) >= len(lam.Params)
		}
		return len(n.Args) == len(lam.Params)
	}
	return false
}
