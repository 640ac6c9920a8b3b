package analyze

// This file defines the assign pass (assignment conversion). A closure may
// copy the variables it captures by value when they never change after
// being bound; only a variable that is both captured and the target of a
// set! needs a box (a mutable cell shared by the frame that binds it and
// every closure that captures it). The interpreter lays out closures this
// way (interp/compile.go).
//
// Requires: varinfo (Var.Assigned, Var.Captured exact). Guarantees:
// Var.Boxed == Captured && Assigned for every lexical variable, with a note
// for each boxed variable at its binding.

// AssignConv is the assign pass.
func AssignConv(p *Program) error {
	mark := func(vs []*Var) {
		for _, v := range vs {
			v.Boxed = v.Captured && v.Assigned
			if v.Boxed {
				p.note(v.P, "%s: captured and assigned: boxed", v.Name)
			}
		}
	}
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			switch n := n.(type) {
			case *Lambda:
				mark(n.Params)
				if n.Rest != nil {
					mark([]*Var{n.Rest})
				}
			case *Let:
				mark(n.Vars)
			case *Letrec:
				mark(n.Vars)
			}
			return true
		})
	}
	return nil
}
