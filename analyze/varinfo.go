package analyze

// This file defines the varinfo pass, which computes, for every variable,
// whether it is assigned (the target of a set!) and whether it is captured
// (used inside a lambda other than the one that binds it), and for every
// lambda its free variables.
//
// Requires: nothing. Guarantees: Var.Assigned, Var.Captured and Lambda.Free
// are exact for the current IR (the pass recomputes them from scratch).

// VarInfo is the varinfo pass.
func VarInfo(p *Program) error {
	v := &varInfo{owner: map[*Var]*Lambda{}}
	resetVarInfo(p)
	for _, n := range p.Body {
		v.node(n, nil)
	}
	return nil
}

// resetVarInfo clears the facts varinfo computes.
func resetVarInfo(p *Program) {
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			switch n := n.(type) {
			case *Lambda:
				n.Free = nil
				for _, v := range n.Params {
					v.Assigned, v.Captured = false, false
				}
				if n.Rest != nil {
					n.Rest.Assigned, n.Rest.Captured = false, false
				}
			case *Let:
				for _, v := range n.Vars {
					v.Assigned, v.Captured = false, false
				}
			case *Letrec:
				for _, v := range n.Vars {
					v.Assigned, v.Captured = false, false
				}
			}
			return true
		})
	}
}

type varInfo struct {
	owner map[*Var]*Lambda // the lambda whose body binds the var (nil: top level)
	stack []*Lambda        // enclosing lambdas, innermost last
}

func (v *varInfo) bind(vars []*Var, in *Lambda) {
	for _, x := range vars {
		v.owner[x] = in
	}
}

// use records a reference to x from inside cur.
func (v *varInfo) use(x *Var, cur *Lambda) {
	owner := v.owner[x]
	if owner == cur {
		return
	}
	x.Captured = true
	// x is free in every lambda between its owner and cur.
	for i := len(v.stack) - 1; i >= 0 && v.stack[i] != owner; i-- {
		l := v.stack[i]
		if !containsVar(l.Free, x) {
			l.Free = append(l.Free, x)
		}
	}
}

func containsVar(vs []*Var, x *Var) bool {
	for _, y := range vs {
		if y == x {
			return true
		}
	}
	return false
}

func (v *varInfo) node(n Node, cur *Lambda) {
	switch n := n.(type) {
	case *Ref:
		v.use(n.Var, cur)
	case *Set:
		n.Var.Assigned = true
		v.use(n.Var, cur)
		v.node(n.Value, cur)
	case *Lambda:
		v.bind(n.Params, n)
		if n.Rest != nil {
			v.bind([]*Var{n.Rest}, n)
		}
		v.stack = append(v.stack, n)
		v.node(n.Body, n)
		v.stack = v.stack[:len(v.stack)-1]
	case *Let:
		for _, i := range n.Inits {
			v.node(i, cur)
		}
		v.bind(n.Vars, cur)
		v.node(n.Body, cur)
	case *Letrec:
		v.bind(n.Vars, cur)
		for _, i := range n.Inits {
			v.node(i, cur)
		}
		v.node(n.Body, cur)
	default:
		for _, c := range Children(n) {
			v.node(c, cur)
		}
	}
}
