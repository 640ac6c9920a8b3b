package analyze

import (
	"errors"
	"fmt"

	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// This file defines the expander, which turns datums into core IR. It
// resolves every identifier to a lexical Var, a special form, or a Global,
// so the IR it produces no longer depends on names.
//
// Derived forms (let*, cond, named let, ...) expand straight to IR nodes
// rather than to other datums: an expansion therefore cannot be captured by a
// user binding of if or let, which keeps them hygienic without renaming.

// special is a special form: its name and expander. The expander gets the
// whole form (head included), which has at least one element.
type special struct {
	name   string
	expand func(x *expander, form *parse.List, sc *scope) Node
}

// scope is one level of lexical bindings. Its values are *Var or *special.
type scope struct {
	parent *scope
	names  map[string]any
}

func (s *scope) lookup(name string) any {
	for ; s != nil; s = s.parent {
		if b, ok := s.names[name]; ok {
			return b
		}
	}
	return nil
}

type expander struct {
	prog    *Program
	globals map[string]*Global
	errs    parse.ErrorList
	top     *scope // special forms
}

// Expand expands a program's top-level forms into a Program. It reports
// every error it finds, positioned, as a parse.ErrorList.
func Expand(file string, forms []parse.Datum) (*Program, error) {
	x := &expander{
		prog:    &Program{File: file},
		globals: map[string]*Global{},
		top:     &scope{names: map[string]any{}},
	}
	for name, sp := range specials {
		x.top.names[name] = sp
	}
	for _, f := range forms {
		x.toplevel(f)
	}
	x.resolveGlobals()
	if len(x.errs) > 0 {
		return nil, x.errs
	}
	return x.prog, nil
}

func (x *expander) errorf(pos parse.Pos, format string, args ...any) {
	x.errs = append(x.errs, &parse.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// bad reports an error and returns a placeholder so expansion can go on and
// find more errors.
func (x *expander) bad(pos parse.Pos, format string, args ...any) Node {
	x.errorf(pos, format, args...)
	return &Const{P: pos, Val: rt.Unspecified}
}

func (x *expander) newVar(name string, pos parse.Pos) *Var {
	x.prog.NumVars++
	return &Var{Name: name, ID: x.prog.NumVars, P: pos}
}

func (x *expander) global(name string, pos parse.Pos) *Global {
	g := x.globals[name]
	if g == nil {
		g = &Global{Name: name, P: pos}
		x.globals[name] = g
		x.prog.Globals = append(x.prog.Globals, g)
	}
	return g
}

// resolveGlobals checks every global the program uses: one it never defines
// is a primitive of that name or an error.
func (x *expander) resolveGlobals() {
	for _, g := range x.prog.Globals {
		if g.Defines > 0 {
			continue
		}
		p := rt.LookupPrim(g.Name)
		switch {
		case p == nil:
			x.errorf(g.P, "undefined: %s", g.Name)
		case g.Sets > 0:
			x.errorf(g.P, "set!: cannot assign to built-in %s (define it first)", g.Name)
		default:
			g.Prim = p
		}
	}
}

// toplevel expands one top-level form, splicing begin.
func (x *expander) toplevel(d parse.Datum) {
	if l, ok := d.(*parse.List); ok && len(l.Elems) > 0 {
		if sym, ok := l.Elems[0].(*parse.Symbol); ok {
			sp, _ := x.top.lookup(sym.Name).(*special)
			switch {
			case sp == nil:
			case sp.name == "begin":
				if l.Tail != nil {
					x.errorf(l.P, "begin: malformed form")
					return
				}
				for _, e := range l.Elems[1:] {
					x.toplevel(e)
				}
				return
			case sp.name == "define":
				name, val := x.definition(l, x.top)
				if name != nil {
					g := x.global(name.Name, name.P)
					if g.Defines == 0 {
						g.P = name.P
					}
					g.Defines++
					x.prog.Body = append(x.prog.Body, &GlobalSet{P: l.P, G: g, Value: val, Define: true})
				}
				return
			case sp.name == "import":
				x.importDecl(l)
				return
			}
		}
	}
	x.prog.Body = append(x.prog.Body, x.expr(d, x.top))
}

// standardLibraries are the R7RS-small library names. Until libraries are
// implemented, every program sees all of their identifiers; importing them
// is accepted and importing anything else is an error.
var standardLibraries = map[string]bool{
	"base": true, "case-lambda": true, "char": true, "complex": true, "cxr": true,
	"eval": true, "file": true, "inexact": true, "lazy": true, "load": true,
	"process-context": true, "read": true, "repl": true, "time": true,
	"write": true, "r5rs": true,
}

func (x *expander) importDecl(l *parse.List) {
	for _, set := range l.Elems[1:] {
		lib, ok := set.(*parse.List)
		if !ok || len(lib.Elems) != 2 {
			x.errorf(set.Pos(), "import: unknown library %s", parse.Print(set))
			continue
		}
		a, ok1 := lib.Elems[0].(*parse.Symbol)
		b, ok2 := lib.Elems[1].(*parse.Symbol)
		if !ok1 || !ok2 || a.Name != "scheme" || !standardLibraries[b.Name] {
			x.errorf(set.Pos(), "import: unknown library %s", parse.Print(set))
		}
	}
}

// expr expands d in expression context.
func (x *expander) expr(d parse.Datum, sc *scope) Node {
	switch d := d.(type) {
	case *parse.Symbol:
		return x.ref(d, sc)
	case *parse.List:
		if len(d.Elems) == 0 {
			if d.Tail == nil {
				return x.bad(d.P, "empty combination: () is not an expression (quote it: '())")
			}
			return x.bad(d.P, "malformed expression")
		}
		if d.Tail != nil {
			return x.bad(d.P, "improper list used as an expression")
		}
		if sym, ok := d.Elems[0].(*parse.Symbol); ok {
			if sp, ok := sc.lookup(sym.Name).(*special); ok {
				return sp.expand(x, d, sc)
			}
		}
		fn := x.expr(d.Elems[0], sc)
		args := make([]Node, len(d.Elems)-1)
		for i, a := range d.Elems[1:] {
			args[i] = x.expr(a, sc)
		}
		return &Call{P: d.P, Fn: fn, Args: args}
	case *parse.Keyword:
		return x.bad(d.P, "unexpected keyword #:%s", d.Name)
	case *parse.Ref:
		return x.bad(d.P, "datum label reference outside quote")
	default:
		v, err := datumValue(d)
		if err != nil {
			return x.bad(d.Pos(), "%s", err)
		}
		return &Const{P: d.Pos(), Val: v}
	}
}

func (x *expander) ref(s *parse.Symbol, sc *scope) Node {
	switch b := sc.lookup(s.Name).(type) {
	case *Var:
		return &Ref{P: s.P, Var: b}
	case *special:
		return x.bad(s.P, "syntax keyword %s used as an expression", s.Name)
	}
	return &GlobalRef{P: s.P, G: x.global(s.Name, s.P)}
}

// body expands a lambda or let body: definitions first (letrec* semantics,
// R7RS 5.3.2), then expressions. Definitions may be interleaved with
// expressions; an expression before the last definition is evaluated in
// order as the init of an unused variable.
func (x *expander) body(pos parse.Pos, forms []parse.Datum, sc *scope) Node {
	var flat []parse.Datum
	var flatten func(ds []parse.Datum)
	flatten = func(ds []parse.Datum) {
		for _, d := range ds {
			if l, ok := d.(*parse.List); ok && x.isSpecial(l, sc, "begin") && l.Tail == nil {
				flatten(l.Elems[1:])
				continue
			}
			flat = append(flat, d)
		}
	}
	flatten(forms)
	lastDef := -1
	for i, d := range flat {
		if l, ok := d.(*parse.List); ok && x.isSpecial(l, sc, "define") {
			lastDef = i
		}
	}
	if lastDef == len(flat)-1 {
		if len(flat) == 0 {
			return x.bad(pos, "empty body")
		}
		return x.bad(flat[lastDef].Pos(), "body ends with a definition: a body needs an expression after its definitions")
	}
	if lastDef < 0 {
		exprs := make([]Node, len(flat))
		for i, d := range flat {
			exprs[i] = x.expr(d, sc)
		}
		return seq(pos, exprs)
	}
	inner := &scope{parent: sc, names: map[string]any{}}
	rec := &Letrec{P: pos}
	type pending struct {
		v   *Var
		def *parse.List // nil for an expression
		d   parse.Datum
	}
	var todo []pending
	for _, d := range flat[:lastDef+1] {
		if l, ok := d.(*parse.List); ok && x.isSpecial(l, sc, "define") {
			name := x.definedName(l)
			if name == nil {
				x.errorf(l.P, "define: malformed definition")
				continue
			}
			if _, dup := inner.names[name.Name]; dup {
				x.errorf(name.P, "duplicate definition of %s in body", name.Name)
			}
			v := x.newVar(name.Name, name.P)
			inner.names[name.Name] = v
			todo = append(todo, pending{v: v, def: l})
			continue
		}
		todo = append(todo, pending{v: x.newVar("_", d.Pos()), d: d})
	}
	for _, p := range todo {
		var init Node
		if p.def != nil {
			_, init = x.definition(p.def, inner)
		} else {
			init = x.expr(p.d, inner)
		}
		if init == nil {
			init = &Const{P: p.v.P, Val: rt.Unspecified}
		}
		rec.Vars = append(rec.Vars, p.v)
		rec.Inits = append(rec.Inits, init)
	}
	var exprs []Node
	for _, d := range flat[lastDef+1:] {
		exprs = append(exprs, x.expr(d, inner))
	}
	rec.Body = seq(pos, exprs)
	return rec
}

func seq(pos parse.Pos, exprs []Node) Node {
	if len(exprs) == 1 {
		return exprs[0]
	}
	return &Seq{P: pos, Exprs: exprs}
}

// isSpecial reports whether l is a use of the special form name in sc.
func (x *expander) isSpecial(l *parse.List, sc *scope, name string) bool {
	if len(l.Elems) == 0 {
		return false
	}
	sym, ok := l.Elems[0].(*parse.Symbol)
	if !ok {
		return false
	}
	sp, ok := sc.lookup(sym.Name).(*special)
	return ok && sp.name == name
}

// definedName returns the name a define form binds, or nil if malformed.
func (x *expander) definedName(l *parse.List) *parse.Symbol {
	if len(l.Elems) < 2 {
		return nil
	}
	switch t := l.Elems[1].(type) {
	case *parse.Symbol:
		return t
	case *parse.List:
		if len(t.Elems) > 0 {
			if s, ok := t.Elems[0].(*parse.Symbol); ok {
				return s
			}
		}
	}
	return nil
}

// definition expands (define name expr) or (define (name . formals) body...)
// and returns the name and the value's IR.
func (x *expander) definition(l *parse.List, sc *scope) (*parse.Symbol, Node) {
	if l.Tail != nil || len(l.Elems) < 2 {
		x.errorf(l.P, "define: expected (define name expr) or (define (name formals...) body...)")
		return nil, nil
	}
	switch target := l.Elems[1].(type) {
	case *parse.Symbol:
		switch len(l.Elems) {
		case 2:
			return target, &Const{P: l.P, Val: rt.Unspecified}
		case 3:
			v := x.expr(l.Elems[2], sc)
			if lam, ok := v.(*Lambda); ok && lam.Name == "" {
				lam.Name = target.Name
			}
			return target, v
		}
		x.errorf(l.P, "define: expected one expression after the name %s", target.Name)
		return nil, nil
	case *parse.List:
		if len(target.Elems) == 0 {
			x.errorf(target.P, "define: expected a name")
			return nil, nil
		}
		name, ok := target.Elems[0].(*parse.Symbol)
		if !ok {
			x.errorf(target.Elems[0].Pos(), "define: expected a name, got %s", parse.Print(target.Elems[0]))
			return nil, nil
		}
		formals := &parse.List{P: target.P, Elems: target.Elems[1:], Tail: target.Tail}
		return name, x.lambda(l.P, name.Name, formals, l.Elems[2:], sc)
	}
	x.errorf(l.Elems[1].Pos(), "define: expected a name, got %s", parse.Print(l.Elems[1]))
	return nil, nil
}

// lambda expands a procedure with the given formals and body.
func (x *expander) lambda(pos parse.Pos, name string, formals parse.Datum, body []parse.Datum, sc *scope) Node {
	inner := &scope{parent: sc, names: map[string]any{}}
	x.prog.NumLambdas++
	lam := &Lambda{P: pos, Name: name, ID: x.prog.NumLambdas}
	bind := func(d parse.Datum) *Var {
		s, ok := d.(*parse.Symbol)
		if !ok {
			x.errorf(d.Pos(), "lambda: expected a parameter name, got %s", parse.Print(d))
			return nil
		}
		if _, dup := inner.names[s.Name]; dup {
			x.errorf(s.P, "lambda: duplicate parameter %s", s.Name)
		}
		v := x.newVar(s.Name, s.P)
		inner.names[s.Name] = v
		return v
	}
	switch f := formals.(type) {
	case *parse.Symbol:
		lam.Rest = bind(f)
	case *parse.List:
		for _, p := range f.Elems {
			if v := bind(p); v != nil {
				lam.Params = append(lam.Params, v)
			}
		}
		if f.Tail != nil {
			lam.Rest = bind(f.Tail)
		}
	default:
		x.errorf(formals.Pos(), "lambda: expected a parameter list, got %s", parse.Print(formals))
	}
	lam.Body = x.body(pos, body, inner)
	return lam
}

// datumValue converts a quoted datum to a runtime value. Datum labels may
// make it cyclic.
func datumValue(d parse.Datum) (rt.Value, error) {
	v, err := rt.FromDatumErr(d)
	if err != nil {
		return v, errors.New(err.Msg) // the caller adds the position
	}
	return v, nil
}
