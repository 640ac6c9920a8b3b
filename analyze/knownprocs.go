package analyze

// This file defines the knownprocs pass, which finds the globals whose value
// is known at compile time to be one particular lambda: those defined exactly
// once, by a top-level define of a lambda expression, and never set!. A call
// of such a global may jump straight to the lambda's code.
//
// A call that runs before the define has run still sees the global unbound
// and must raise; code generators keep that check for calls made from the
// top level (where order matters) and drop it inside procedures only when
// the definition precedes every top-level expression that could call them.
//
// Requires: nothing. Guarantees: Global.Known is set exactly for such globals.

// KnownProcs is the knownprocs pass.
func KnownProcs(p *Program) error {
	for _, g := range p.Globals {
		g.Known = nil
	}
	for _, n := range p.Body {
		gs, ok := n.(*GlobalSet)
		if !ok || !gs.Define || gs.G.Defines != 1 || gs.G.Sets != 0 {
			continue
		}
		if lam, ok := gs.Value.(*Lambda); ok {
			gs.G.Known = lam
		}
	}
	return nil
}
