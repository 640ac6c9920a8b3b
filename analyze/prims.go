package analyze

// This file defines the prims pass, which replaces references to globals
// that name built-in procedures (and that the program never defines) by
// PrimRef nodes, and calls of them by PrimCall nodes.
//
// Requires: the expander has set Global.Prim. Guarantees: no GlobalRef
// names a global whose Prim is set.

// ResolvePrims is the prims pass.
func ResolvePrims(p *Program) error {
	for i, n := range p.Body {
		p.Body[i] = rewrite(n, resolvePrim)
	}
	return nil
}

func resolvePrim(n Node) Node {
	switch n := n.(type) {
	case *GlobalRef:
		if n.G.Prim != nil {
			return &PrimRef{P: n.P, Prim: n.G.Prim}
		}
	case *Call:
		if r, ok := n.Fn.(*PrimRef); ok {
			return &PrimCall{P: n.P, Prim: r.Prim, Args: n.Args, Tail: n.Tail}
		}
	}
	return n
}

// rewrite rebuilds n bottom-up, replacing each node by f of it (after its
// children have been rewritten).
func rewrite(n Node, f func(Node) Node) Node {
	switch n := n.(type) {
	case *Set:
		n.Value = rewrite(n.Value, f)
	case *GlobalSet:
		n.Value = rewrite(n.Value, f)
	case *If:
		n.Test, n.Then, n.Else = rewrite(n.Test, f), rewrite(n.Then, f), rewrite(n.Else, f)
	case *Seq:
		for i := range n.Exprs {
			n.Exprs[i] = rewrite(n.Exprs[i], f)
		}
	case *Lambda:
		n.Body = rewrite(n.Body, f)
	case *Call:
		n.Fn = rewrite(n.Fn, f)
		for i := range n.Args {
			n.Args[i] = rewrite(n.Args[i], f)
		}
	case *PrimCall:
		for i := range n.Args {
			n.Args[i] = rewrite(n.Args[i], f)
		}
	case *Let:
		for i := range n.Inits {
			n.Inits[i] = rewrite(n.Inits[i], f)
		}
		n.Body = rewrite(n.Body, f)
	case *Letrec:
		for i := range n.Inits {
			n.Inits[i] = rewrite(n.Inits[i], f)
		}
		n.Body = rewrite(n.Body, f)
	}
	return f(n)
}
