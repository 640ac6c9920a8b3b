package analyze

// This file defines the tailcalls pass, which marks every call in tail
// position (R7RS 3.5): the last expression of a lambda body, and tail
// positions of if, begin, let and letrec bodies within it. Top-level forms
// are not in tail position.
//
// Requires: nothing. Guarantees: Call.Tail and PrimCall.Tail are exact.

// MarkTailCalls is the tailcalls pass.
func MarkTailCalls(p *Program) error {
	for _, n := range p.Body {
		markTail(n, false)
	}
	return nil
}

func markTail(n Node, tail bool) {
	switch n := n.(type) {
	case *Call:
		n.Tail = tail
		markTail(n.Fn, false)
		for _, a := range n.Args {
			markTail(a, false)
		}
	case *PrimCall:
		n.Tail = tail
		for _, a := range n.Args {
			markTail(a, false)
		}
	case *If:
		markTail(n.Test, false)
		markTail(n.Then, tail)
		markTail(n.Else, tail)
	case *Seq:
		for i, e := range n.Exprs {
			markTail(e, tail && i == len(n.Exprs)-1)
		}
	case *Lambda:
		markTail(n.Body, true)
	case *Let:
		for _, i := range n.Inits {
			markTail(i, false)
		}
		markTail(n.Body, tail)
	case *Letrec:
		for _, i := range n.Inits {
			markTail(i, false)
		}
		markTail(n.Body, tail)
	default:
		for _, c := range Children(n) {
			markTail(c, false)
		}
	}
}
