package analyze

import "github.com/lambdust/lambdust/rt"

// This file defines the records pass: calls of the accessors, modifiers
// and predicates that define-record-type defines become primitive
// operations on the record type's global, which code generation compiles
// to an inline type test and field access instead of a call of a closure:
//
//	(body-x b)          -> (%record-ref b (global body) '(0 . body-x))
//	(set-body-x! b v)   -> (%record-set! b v (global body) '(0 . set-body-x!))
//	(body? b)           -> (%record-is? b (global body))
//
// The expander turns define-record-type into top-level definitions of the
// type descriptor, (%make-record-type 'name '(field ...)), and of each
// procedure, (%record-accessor type 'field 'name) and so on. A global
// qualifies when it is defined exactly once, by such a form, and never
// set!, and its type likewise. Errors keep the accessor's name and the call
// site's position.
//
// A call may only be rewritten when it cannot run before the definitions
// (a call of an unbound accessor must still say so): calls inside lambdas
// when the definitions precede the first top-level form that may call a
// procedure, and top-level calls in forms after the definitions.
//
// Requires: prims. Guarantees: only calls with the procedure's own arity
// are rewritten; uses of the procedures as values are left alone.

type recordProc struct {
	kind  string // "%record-ref", "%record-set!" or "%record-is?"
	typ   *Global
	field int
	name  string
	def   int // index of the defining top-level form
}

// recordType is a record type's fields and the index of its definition.
type recordType struct {
	fields []string
	def    int
}

// Records is the records pass.
func Records(p *Program) error {
	forms := topForms(p.Body)
	types := map[*Global]recordType{}
	procs := map[*Global]*recordProc{}
	firstRun := len(forms)
	for i, n := range forms {
		gs, ok := n.(*GlobalSet)
		if ok && gs.Define && gs.G.Defines == 1 && gs.G.Sets == 0 {
			if pc, ok := gs.Value.(*PrimCall); ok {
				recordDefinition(gs.G, pc, i, types, procs)
			}
		}
		if firstRun == len(forms) && mayRunCode(n) {
			firstRun = i
		}
	}
	if len(procs) == 0 {
		return nil
	}
	for g, rp := range procs {
		p.note(g.P, "%s: %s, compiled inline where called after its definition", g.Name, map[string]string{
			"%record-ref": "record accessor", "%record-set!": "record modifier", "%record-is?": "record predicate"}[rp.kind])
	}
	// Rewrite in place, numbering the top-level forms as topForms does.
	i := 0
	var top func(body []Node)
	top = func(body []Node) {
		for j, n := range body {
			if s, ok := n.(*Seq); ok {
				top(s.Exprs)
				continue
			}
			form := i
			body[j] = rewriteRecordCalls(n, procs, func(rp *recordProc, inLambda bool) bool {
				if inLambda {
					return rp.def < firstRun
				}
				return rp.def < form
			}, false)
			i++
		}
	}
	top(p.Body)
	return nil
}

// topForms lists the top-level forms, with begins spliced.
func topForms(body []Node) []Node {
	var out []Node
	for _, n := range body {
		if s, ok := n.(*Seq); ok {
			out = append(out, topForms(s.Exprs)...)
			continue
		}
		out = append(out, n)
	}
	return out
}

// recordDefinition records g when pc defines a record type or one of its
// procedures.
func recordDefinition(g *Global, pc *PrimCall, i int, types map[*Global]recordType, procs map[*Global]*recordProc) {
	constSym := func(n Node) (string, bool) {
		c, ok := n.(*Const)
		if !ok || !c.Val.IsSymbol() {
			return "", false
		}
		return c.Val.Sym().Name, true
	}
	switch name := pc.Prim.Name; name {
	case "%make-record-type":
		if len(pc.Args) != 2 {
			return
		}
		c, ok := pc.Args[1].(*Const)
		if !ok {
			return
		}
		fs, ok := rt.ListToSlice(c.Val)
		if !ok {
			return
		}
		var fields []string
		for _, f := range fs {
			if !f.IsSymbol() {
				return
			}
			fields = append(fields, f.Sym().Name)
		}
		types[g] = recordType{fields, i}
	case "%record-accessor", "%record-modifier", "%record-predicate":
		if len(pc.Args) < 2 {
			return
		}
		tr, ok := pc.Args[0].(*GlobalRef)
		if !ok || types[tr.G].fields == nil || types[tr.G].def >= i {
			return
		}
		rp := &recordProc{typ: tr.G, def: i, name: g.Name}
		if name == "%record-predicate" {
			rp.kind = "%record-is?"
			procs[g] = rp
			return
		}
		field, ok := constSym(pc.Args[1])
		if !ok {
			return
		}
		rp.field = -1
		for j, f := range types[tr.G].fields {
			if f == field {
				rp.field = j
			}
		}
		if rp.field < 0 {
			return // the runtime reports the bad field
		}
		rp.kind = "%record-ref"
		if name == "%record-modifier" {
			rp.kind = "%record-set!"
		}
		procs[g] = rp
	}
}

// mayRunCode reports whether evaluating the top-level form n may call a
// procedure of the program (outside the lambdas it creates).
func mayRunCode(n Node) bool {
	found := false
	Walk(n, func(n Node) bool {
		switch n := n.(type) {
		case *Lambda:
			return false
		case *Call:
			found = true
		case *PrimCall:
			if !n.Prim.Pure && !recordPrims[n.Prim.Name] {
				found = true
			}
		}
		return !found
	})
	return found
}

// rewriteRecordCalls returns n with the calls of record procedures that
// ok allows replaced, n itself included.
func rewriteRecordCalls(n Node, procs map[*Global]*recordProc, ok func(*recordProc, bool) bool, inLambda bool) Node {
	if l, isLam := n.(*Lambda); isLam {
		l.Body = rewriteRecordCalls(l.Body, procs, ok, true)
		return l
	}
	replaceChildren(n, func(c Node) Node { return rewriteRecordCalls(c, procs, ok, inLambda) })
	call, isCall := n.(*Call)
	if !isCall {
		return n
	}
	g, isGlobal := call.Fn.(*GlobalRef)
	if !isGlobal {
		return n
	}
	rp := procs[g.G]
	if rp == nil || len(call.Args) != map[string]int{"%record-ref": 1, "%record-set!": 2, "%record-is?": 1}[rp.kind] || !ok(rp, inLambda) {
		return n
	}
	typ := &GlobalRef{P: call.P, G: rp.typ, Defined: true} // the type is defined before its procedures
	args := append([]Node(nil), call.Args...)
	args = append(args, typ)
	if rp.kind != "%record-is?" {
		args = append(args, &Const{P: call.P, Val: rt.Cons(rt.Fixnum(int64(rp.field)), rt.Intern(rp.name))})
	}
	return &PrimCall{P: call.P, Prim: rt.LookupPrim(rp.kind), Args: args, Tail: call.Tail}
}

// replaceChildren sets each direct sub-expression c of n to f(c).
func replaceChildren(n Node, f func(Node) Node) {
	each := func(ns []Node) {
		for i := range ns {
			ns[i] = f(ns[i])
		}
	}
	switch n := n.(type) {
	case *Set:
		n.Value = f(n.Value)
	case *GlobalSet:
		n.Value = f(n.Value)
	case *If:
		n.Test, n.Then, n.Else = f(n.Test), f(n.Then), f(n.Else)
	case *Seq:
		each(n.Exprs)
	case *Lambda:
		n.Body = f(n.Body)
	case *Call:
		n.Fn = f(n.Fn)
		each(n.Args)
	case *PrimCall:
		each(n.Args)
	case *Let:
		each(n.Inits)
		n.Body = f(n.Body)
	case *Letrec:
		each(n.Inits)
		n.Body = f(n.Body)
	}
}
