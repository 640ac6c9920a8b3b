package analyze

import (
	"fmt"
	"strconv"
	"strings"
)

// Verify checks the IR invariants every pass must preserve: every node has a
// known position, sequences are non-empty, every variable reference is in
// the scope of its binding, and each Var is bound exactly once.
func Verify(p *Program) error {
	v := &verifier{bound: map[*Var]bool{}, inScope: map[*Var]bool{}}
	for _, n := range p.Body {
		v.node(n)
	}
	if len(v.errs) > 0 {
		return fmt.Errorf("%s", strings.Join(v.errs, "; "))
	}
	return nil
}

type verifier struct {
	bound   map[*Var]bool // bound anywhere so far
	inScope map[*Var]bool
	errs    []string
}

func (v *verifier) fail(n Node, format string, args ...any) {
	if len(v.errs) < 10 {
		v.errs = append(v.errs, n.Pos().String()+": "+fmt.Sprintf(format, args...))
	}
}

func (v *verifier) bind(n Node, vars ...*Var) {
	for _, x := range vars {
		if v.bound[x] {
			v.fail(n, "variable %s.%d bound twice", x.Name, x.ID)
		}
		v.bound[x] = true
		v.inScope[x] = true
	}
}

func (v *verifier) unbind(vars ...*Var) {
	for _, x := range vars {
		delete(v.inScope, x)
	}
}

func (v *verifier) node(n Node) {
	if n == nil {
		v.errs = append(v.errs, "nil node")
		return
	}
	if !n.Pos().IsKnown() {
		v.fail(n, "%T without a position", n)
	}
	switch n := n.(type) {
	case *Ref:
		if !v.inScope[n.Var] {
			v.fail(n, "reference to %s.%d outside its scope", n.Var.Name, n.Var.ID)
		}
	case *Set:
		if !v.inScope[n.Var] {
			v.fail(n, "assignment to %s.%d outside its scope", n.Var.Name, n.Var.ID)
		}
		v.node(n.Value)
	case *Seq:
		if len(n.Exprs) == 0 {
			v.fail(n, "empty sequence")
		}
		for _, e := range n.Exprs {
			v.node(e)
		}
	case *Lambda:
		vars := append([]*Var(nil), n.Params...)
		if n.Rest != nil {
			vars = append(vars, n.Rest)
		}
		v.bind(n, vars...)
		v.node(n.Body)
		v.unbind(vars...)
	case *Let:
		if len(n.Vars) != len(n.Inits) {
			v.fail(n, "let with %d variables and %d inits", len(n.Vars), len(n.Inits))
		}
		for _, i := range n.Inits {
			v.node(i)
		}
		v.bind(n, n.Vars...)
		v.node(n.Body)
		v.unbind(n.Vars...)
	case *Letrec:
		if len(n.Vars) != len(n.Inits) {
			v.fail(n, "letrec with %d variables and %d inits", len(n.Vars), len(n.Inits))
		}
		v.bind(n, n.Vars...)
		for _, i := range n.Inits {
			v.node(i)
		}
		v.node(n.Body)
		v.unbind(n.Vars...)
	default:
		for _, c := range Children(n) {
			v.node(c)
		}
	}
}

// Dump prints the program's IR in the forms documented on each node type.
func Dump(p *Program) string {
	var b strings.Builder
	for _, n := range p.Body {
		dump(&b, n, 0)
		b.WriteByte('\n')
	}
	return b.String()
}

func varName(v *Var) string { return v.Name + "." + strconv.Itoa(v.ID) }

func dump(b *strings.Builder, n Node, indent int) {
	nl := func() {
		b.WriteByte('\n')
		b.WriteString(strings.Repeat("  ", indent+1))
	}
	switch n := n.(type) {
	case *Const:
		b.WriteString("'" + writeConst(n))
	case *Ref:
		b.WriteString(varName(n.Var))
	case *GlobalRef:
		b.WriteString("(global " + n.G.Name + ")")
	case *PrimRef:
		b.WriteString("(prim " + n.Prim.Name + ")")
	case *Set:
		b.WriteString("(set! " + varName(n.Var) + " ")
		dump(b, n.Value, indent+1)
		b.WriteByte(')')
	case *GlobalSet:
		if n.Define {
			b.WriteString("(define " + n.G.Name)
		} else {
			b.WriteString("(set! (global " + n.G.Name + ")")
		}
		nl()
		dump(b, n.Value, indent+1)
		b.WriteByte(')')
	case *If:
		b.WriteString("(if ")
		dump(b, n.Test, indent+1)
		nl()
		dump(b, n.Then, indent+1)
		nl()
		dump(b, n.Else, indent+1)
		b.WriteByte(')')
	case *Seq:
		b.WriteString("(begin")
		for _, e := range n.Exprs {
			nl()
			dump(b, e, indent+1)
		}
		b.WriteByte(')')
	case *Lambda:
		b.WriteString("(lambda " + n.Name + " (")
		for i, p := range n.Params {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(varName(p))
		}
		if n.Rest != nil {
			b.WriteString(" . " + varName(n.Rest))
		}
		b.WriteByte(')')
		nl()
		dump(b, n.Body, indent+1)
		b.WriteByte(')')
	case *Call:
		if n.Tail {
			b.WriteString("(tail-call ")
		} else {
			b.WriteString("(call ")
		}
		dump(b, n.Fn, indent+1)
		for _, a := range n.Args {
			b.WriteByte(' ')
			dump(b, a, indent+1)
		}
		b.WriteByte(')')
	case *PrimCall:
		b.WriteString("(primcall " + n.Prim.Name)
		for _, a := range n.Args {
			b.WriteByte(' ')
			dump(b, a, indent+1)
		}
		b.WriteByte(')')
	case *Let, *Letrec:
		var vars []*Var
		var inits []Node
		var body Node
		if l, ok := n.(*Let); ok {
			b.WriteString("(let (")
			vars, inits, body = l.Vars, l.Inits, l.Body
		} else {
			l := n.(*Letrec)
			b.WriteString("(letrec (")
			vars, inits, body = l.Vars, l.Inits, l.Body
		}
		for i, v := range vars {
			if i > 0 {
				nl()
				b.WriteString("      ")
			}
			b.WriteString("(" + varName(v) + " ")
			dump(b, inits[i], indent+3)
			b.WriteByte(')')
		}
		b.WriteByte(')')
		nl()
		dump(b, body, indent+1)
		b.WriteByte(')')
	default:
		fmt.Fprintf(b, "#<%T>", n)
	}
}
