package analyze

import (
	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// This file defines the special forms and derived expressions of R7RS 4.1
// and 4.2 that the expander knows. Derived forms expand directly to IR.

var specials map[string]*special

func init() {
	specials = map[string]*special{}
	for name, fn := range map[string]func(*expander, *parse.List, *scope) Node{
		"quote":   (*expander).quote,
		"if":      (*expander).ifForm,
		"define":  (*expander).defineExpr,
		"set!":    (*expander).set,
		"lambda":  (*expander).lambdaForm,
		"begin":   (*expander).begin,
		"let":     (*expander).let,
		"let*":    (*expander).letStar,
		"letrec":  (*expander).letrec,
		"letrec*": (*expander).letrec,
		"cond":    (*expander).cond,
		"case":    (*expander).caseForm,
		"and":     (*expander).and,
		"or":      (*expander).or,
		"when":    (*expander).when,
		"unless":  (*expander).unless,
		"do":      (*expander).do,
		"import":  (*expander).importExpr,

		"define-library": (*expander).defineLibraryExpr,
		"declare":        (*expander).declareExpr,

		"define-syntax": (*expander).defineSyntaxExpr,
		"let-syntax":    (*expander).letSyntax,
		"letrec-syntax": (*expander).letSyntax,
		"syntax-rules":  (*expander).syntaxRulesExpr,
		"syntax-error":  (*expander).syntaxError,
		"quasiquote":    (*expander).quasiquote,
	} {
		specials[name] = &special{name: name, expand: fn}
	}
	for name, fn := range rewriters {
		specials[name] = &special{name: name, rewrite: fn}
	}
}

func unspec(pos parse.Pos) Node { return &Const{P: pos, Val: rt.Unspecified} }

func (x *expander) prim(pos parse.Pos, name string, args ...Node) Node {
	p := rt.LookupPrim(name)
	if p == nil {
		return x.bad(pos, "internal error: primitive %s missing from the runtime", name)
	}
	return &PrimCall{P: pos, Prim: p, Args: args}
}

// exprs expands a sequence of expressions (non-empty).
func (x *expander) exprs(pos parse.Pos, ds []parse.Datum, sc *scope) Node {
	if len(ds) == 0 {
		return x.bad(pos, "expected at least one expression")
	}
	ns := make([]Node, len(ds))
	for i, d := range ds {
		ns[i] = x.expr(d, sc)
	}
	return seq(pos, ns)
}

// proper reports an error unless form is a proper list of between min and
// max elements (max < 0: no maximum), counting the head.
func (x *expander) proper(form *parse.List, min, max int, usage string) bool {
	if form.Tail != nil || len(form.Elems) < min || (max >= 0 && len(form.Elems) > max) {
		x.errorf(form.P, "%s: bad syntax, expected %s", parse.Print(form.Elems[0]), usage)
		return false
	}
	return true
}

func (x *expander) quote(form *parse.List, sc *scope) Node {
	if !x.proper(form, 2, 2, "(quote datum)") {
		return unspec(form.P)
	}
	v, err := datumValue(form.Elems[1])
	if err != nil {
		return x.bad(form.Elems[1].Pos(), "%s", err)
	}
	return &Const{P: form.P, Val: v}
}

func (x *expander) ifForm(form *parse.List, sc *scope) Node {
	if !x.proper(form, 3, 4, "(if test consequent [alternate])") {
		return unspec(form.P)
	}
	n := &If{P: form.P, Test: x.expr(form.Elems[1], sc), Then: x.expr(form.Elems[2], sc)}
	if len(form.Elems) == 4 {
		n.Else = x.expr(form.Elems[3], sc)
	} else {
		n.Else = unspec(form.P)
	}
	return n
}

func (x *expander) defineExpr(form *parse.List, sc *scope) Node {
	return x.bad(form.P, "define: not allowed in an expression context (definitions go at top level or at the start of a body)")
}

func (x *expander) importExpr(form *parse.List, sc *scope) Node {
	return x.bad(form.P, "import: only allowed at the top level of a program")
}

func (x *expander) set(form *parse.List, sc *scope) Node {
	if !x.proper(form, 3, 3, "(set! variable expression)") {
		return unspec(form.P)
	}
	name := form.Elems[1]
	if !isIdent(name) {
		return x.bad(name.Pos(), "set!: expected a variable, got %s", parse.Print(name))
	}
	val := x.expr(form.Elems[2], sc)
	b, env := x.resolveIn(name, sc)
	switch b := b.(type) {
	case *Var:
		return &Set{P: form.P, Var: b, Value: val}
	case *special, *macro:
		return x.bad(name.Pos(), "set!: cannot assign to syntax keyword %s", baseName(name))
	case *introGlobal:
		b.g.Sets++
		return &GlobalSet{P: form.P, G: b.g, Value: val}
	}
	if from, ok := env.imports[baseName(name)]; ok {
		return x.bad(name.Pos(), "set!: cannot assign to %s, imported from %s", baseName(name), from.lib)
	}
	g := env.global(x, baseName(name), name.Pos())
	g.Sets++
	return &GlobalSet{P: form.P, G: g, Value: val}
}

func (x *expander) lambdaForm(form *parse.List, sc *scope) Node {
	if !x.proper(form, 3, -1, "(lambda formals body...)") {
		return unspec(form.P)
	}
	return x.lambda(form.P, "", form.Elems[1], form.Elems[2:], sc)
}

func (x *expander) begin(form *parse.List, sc *scope) Node {
	if !x.proper(form, 2, -1, "(begin expression...)") {
		return unspec(form.P)
	}
	return x.exprs(form.P, form.Elems[1:], sc)
}

// bindings parses ((name init) ...), expanding each init in sc.
func (x *expander) bindings(who string, d parse.Datum, sc *scope) (names []parse.Datum, inits []parse.Datum, ok bool) {
	l, isList := d.(*parse.List)
	if !isList || l.Tail != nil {
		x.errorf(d.Pos(), "%s: expected a list of bindings ((name init) ...), got %s", who, parse.Print(d))
		return nil, nil, false
	}
	seen := map[string]bool{}
	ok = true
	for _, b := range l.Elems {
		bl, isList := b.(*parse.List)
		if !isList || bl.Tail != nil || len(bl.Elems) != 2 {
			x.errorf(b.Pos(), "%s: expected a binding (name init), got %s", who, parse.Print(b))
			ok = false
			continue
		}
		name := bl.Elems[0]
		if !isIdent(name) {
			x.errorf(name.Pos(), "%s: expected a variable name, got %s", who, parse.Print(name))
			ok = false
			continue
		}
		if seen[identKey(name)] && who != "let*" {
			x.errorf(name.Pos(), "%s: duplicate binding of %s", who, baseName(name))
		}
		seen[identKey(name)] = true
		names = append(names, name)
		inits = append(inits, bl.Elems[1])
	}
	return names, inits, ok
}

func (x *expander) let(form *parse.List, sc *scope) Node {
	if len(form.Elems) >= 2 && isIdent(form.Elems[1]) {
		return x.namedLet(form, form.Elems[1], sc)
	}
	if !x.proper(form, 3, -1, "(let ((name init) ...) body...)") {
		return unspec(form.P)
	}
	names, initDs, ok := x.bindings("let", form.Elems[1], sc)
	if !ok {
		return unspec(form.P)
	}
	n := &Let{P: form.P}
	inner := newScope(sc)
	for i, name := range names {
		n.Inits = append(n.Inits, x.expr(initDs[i], sc))
		n.Vars = append(n.Vars, x.bindVar(name, inner))
	}
	n.Body = x.body(form.P, form.Elems[2:], inner)
	if len(n.Vars) == 0 {
		return n.Body
	}
	return n
}

// namedLet expands (let name ((v init) ...) body...) to
// (letrec ((name (lambda (v ...) body...))) (name init ...)). The inits are
// expanded in the outer scope first; since IR refers to variables by
// identity, placing them inside the letrec cannot capture them.
func (x *expander) namedLet(form *parse.List, name parse.Datum, sc *scope) Node {
	if !x.proper(form, 4, -1, "(let name ((var init) ...) body...)") {
		return unspec(form.P)
	}
	names, initDs, ok := x.bindings("let", form.Elems[2], sc)
	if !ok {
		return unspec(form.P)
	}
	args := make([]Node, len(initDs))
	for i, d := range initDs {
		args[i] = x.expr(d, sc)
	}
	inner := newScope(sc)
	loop := x.bindVar(name, inner)
	formals := &parse.List{P: form.Elems[2].Pos()}
	formals.Elems = append(formals.Elems, names...)
	lam := x.lambda(form.P, baseName(name), formals, form.Elems[3:], inner)
	return &Letrec{P: form.P, Vars: []*Var{loop}, Inits: []Node{lam},
		Body: &Call{P: form.P, Fn: &Ref{P: name.Pos(), Var: loop}, Args: args}}
}

func (x *expander) letStar(form *parse.List, sc *scope) Node {
	if !x.proper(form, 3, -1, "(let* ((name init) ...) body...)") {
		return unspec(form.P)
	}
	names, initDs, ok := x.bindings("let*", form.Elems[1], sc)
	if !ok {
		return unspec(form.P)
	}
	var lets []*Let
	cur := sc
	for i, name := range names {
		init := x.expr(initDs[i], cur)
		cur = newScope(cur)
		v := x.bindVar(name, cur)
		lets = append(lets, &Let{P: form.P, Vars: []*Var{v}, Inits: []Node{init}})
	}
	body := x.body(form.P, form.Elems[2:], cur)
	for i := len(lets) - 1; i >= 0; i-- {
		lets[i].Body = body
		body = lets[i]
	}
	return body
}

func (x *expander) letrec(form *parse.List, sc *scope) Node {
	who := parse.Print(form.Elems[0])
	if !x.proper(form, 3, -1, "("+who+" ((name init) ...) body...)") {
		return unspec(form.P)
	}
	names, initDs, ok := x.bindings(who, form.Elems[1], sc)
	if !ok {
		return unspec(form.P)
	}
	inner := newScope(sc)
	n := &Letrec{P: form.P}
	for _, name := range names {
		n.Vars = append(n.Vars, x.bindVar(name, inner))
	}
	for i, d := range initDs {
		init := x.expr(d, inner)
		if lam, ok := init.(*Lambda); ok && lam.Name == "" {
			lam.Name = baseName(names[i])
		}
		n.Inits = append(n.Inits, init)
	}
	n.Body = x.body(form.P, form.Elems[2:], inner)
	return n
}

// isKeyword reports whether d is the identifier name, not lexically bound
// to a variable (so else and => still work when a user binds them, R7RS 4.3.2).
func (x *expander) isKeyword(d parse.Datum, sc *scope, name string) bool {
	if !isIdent(d) || baseName(d) != name {
		return false
	}
	_, bound := x.resolve(d, sc).(*Var)
	return !bound
}

// temp binds value to a fresh variable around the body that build makes.
func (x *expander) temp(pos parse.Pos, value Node, build func(tmp *Ref) Node) Node {
	v := x.newVar("t", pos)
	return &Let{P: pos, Vars: []*Var{v}, Inits: []Node{value}, Body: build(&Ref{P: pos, Var: v})}
}

func (x *expander) cond(form *parse.List, sc *scope) Node {
	if !x.proper(form, 2, -1, "(cond clause...)") {
		return unspec(form.P)
	}
	return x.condClauses(form, form.Elems[1:], sc)
}

func (x *expander) condClauses(form *parse.List, clauses []parse.Datum, sc *scope) Node {
	if len(clauses) == 0 {
		return unspec(form.P)
	}
	c, ok := clauses[0].(*parse.List)
	if !ok || c.Tail != nil || len(c.Elems) == 0 {
		return x.bad(clauses[0].Pos(), "cond: expected a clause (test expression...), got %s", parse.Print(clauses[0]))
	}
	rest := func() Node { return x.condClauses(form, clauses[1:], sc) }
	if x.isKeyword(c.Elems[0], sc, "else") {
		if len(clauses) > 1 {
			return x.bad(c.P, "cond: else clause must be last")
		}
		return x.exprs(c.P, c.Elems[1:], sc)
	}
	test := x.expr(c.Elems[0], sc)
	switch {
	case len(c.Elems) == 1:
		return x.temp(c.P, test, func(t *Ref) Node {
			return &If{P: c.P, Test: t, Then: &Ref{P: c.P, Var: t.Var}, Else: rest()}
		})
	case x.isKeyword(c.Elems[1], sc, "=>"):
		if len(c.Elems) != 3 {
			return x.bad(c.P, "cond: expected (test => receiver)")
		}
		recv := x.expr(c.Elems[2], sc)
		return x.temp(c.P, test, func(t *Ref) Node {
			call := &Call{P: c.P, Fn: recv, Args: []Node{&Ref{P: c.P, Var: t.Var}}}
			return &If{P: c.P, Test: t, Then: call, Else: rest()}
		})
	}
	return &If{P: c.P, Test: test, Then: x.exprs(c.P, c.Elems[1:], sc), Else: rest()}
}

func (x *expander) caseForm(form *parse.List, sc *scope) Node {
	if !x.proper(form, 3, -1, "(case key clause...)") {
		return unspec(form.P)
	}
	key := x.expr(form.Elems[1], sc)
	return x.temp(form.P, key, func(k *Ref) Node {
		return x.caseClauses(form, form.Elems[2:], k, sc)
	})
}

func (x *expander) caseClauses(form *parse.List, clauses []parse.Datum, k *Ref, sc *scope) Node {
	if len(clauses) == 0 {
		return unspec(form.P)
	}
	c, ok := clauses[0].(*parse.List)
	if !ok || c.Tail != nil || len(c.Elems) < 2 {
		return x.bad(clauses[0].Pos(), "case: expected a clause ((datum...) expression...), got %s", parse.Print(clauses[0]))
	}
	key := func() Node { return &Ref{P: c.P, Var: k.Var} }
	body := func() Node {
		if x.isKeyword(c.Elems[1], sc, "=>") {
			if len(c.Elems) != 3 {
				return x.bad(c.P, "case: expected (datums => receiver)")
			}
			return &Call{P: c.P, Fn: x.expr(c.Elems[2], sc), Args: []Node{key()}}
		}
		return x.exprs(c.P, c.Elems[1:], sc)
	}
	if x.isKeyword(c.Elems[0], sc, "else") {
		if len(clauses) > 1 {
			return x.bad(c.P, "case: else clause must be last")
		}
		return body()
	}
	data, ok := c.Elems[0].(*parse.List)
	if !ok || data.Tail != nil {
		return x.bad(c.Elems[0].Pos(), "case: expected a list of data, got %s", parse.Print(c.Elems[0]))
	}
	var test Node = &Const{P: c.P, Val: rt.False}
	for i := len(data.Elems) - 1; i >= 0; i-- {
		v, err := datumValue(data.Elems[i])
		if err != nil {
			return x.bad(data.Elems[i].Pos(), "%s", err)
		}
		eq := x.prim(c.P, "eqv?", key(), &Const{P: data.Elems[i].Pos(), Val: v})
		test = &If{P: c.P, Test: eq, Then: &Const{P: c.P, Val: rt.True}, Else: test}
	}
	return &If{P: c.P, Test: test, Then: body(), Else: x.caseClauses(form, clauses[1:], k, sc)}
}

func (x *expander) and(form *parse.List, sc *scope) Node {
	if !x.proper(form, 1, -1, "(and expression...)") {
		return unspec(form.P)
	}
	args := form.Elems[1:]
	if len(args) == 0 {
		return &Const{P: form.P, Val: rt.True}
	}
	var build func(i int) Node
	build = func(i int) Node {
		e := x.expr(args[i], sc)
		if i == len(args)-1 {
			return e
		}
		return &If{P: args[i].Pos(), Test: e, Then: build(i + 1), Else: &Const{P: form.P, Val: rt.False}}
	}
	return build(0)
}

func (x *expander) or(form *parse.List, sc *scope) Node {
	if !x.proper(form, 1, -1, "(or expression...)") {
		return unspec(form.P)
	}
	args := form.Elems[1:]
	if len(args) == 0 {
		return &Const{P: form.P, Val: rt.False}
	}
	var build func(i int) Node
	build = func(i int) Node {
		e := x.expr(args[i], sc)
		if i == len(args)-1 {
			return e
		}
		return x.temp(args[i].Pos(), e, func(t *Ref) Node {
			return &If{P: args[i].Pos(), Test: t, Then: &Ref{P: t.P, Var: t.Var}, Else: build(i + 1)}
		})
	}
	return build(0)
}

func (x *expander) when(form *parse.List, sc *scope) Node {
	if !x.proper(form, 3, -1, "(when test expression...)") {
		return unspec(form.P)
	}
	return &If{P: form.P, Test: x.expr(form.Elems[1], sc), Then: x.exprs(form.P, form.Elems[2:], sc), Else: unspec(form.P)}
}

func (x *expander) unless(form *parse.List, sc *scope) Node {
	if !x.proper(form, 3, -1, "(unless test expression...)") {
		return unspec(form.P)
	}
	return &If{P: form.P, Test: x.expr(form.Elems[1], sc), Then: unspec(form.P), Else: x.exprs(form.P, form.Elems[2:], sc)}
}

// do expands (do ((var init step) ...) (test result...) command...) to a
// loop procedure called in tail position from its own body (R7RS 4.2.4).
func (x *expander) do(form *parse.List, sc *scope) Node {
	if !x.proper(form, 3, -1, "(do ((var init [step]) ...) (test result...) command...)") {
		return unspec(form.P)
	}
	specs, ok := form.Elems[1].(*parse.List)
	if !ok || specs.Tail != nil {
		return x.bad(form.Elems[1].Pos(), "do: expected a list of (var init [step])")
	}
	exit, ok := form.Elems[2].(*parse.List)
	if !ok || exit.Tail != nil || len(exit.Elems) == 0 {
		return x.bad(form.Elems[2].Pos(), "do: expected (test result...)")
	}
	loop := x.newVar("do-loop", form.P)
	x.prog.NumLambdas++
	lam := &Lambda{P: form.P, Name: "do-loop", ID: x.prog.NumLambdas}
	inner := newScope(sc)
	var inits []Node
	var steps []parse.Datum
	for _, s := range specs.Elems {
		sl, ok := s.(*parse.List)
		if !ok || sl.Tail != nil || len(sl.Elems) < 2 || len(sl.Elems) > 3 {
			x.errorf(s.Pos(), "do: expected (var init [step]), got %s", parse.Print(s))
			continue
		}
		name := sl.Elems[0]
		if !isIdent(name) {
			x.errorf(name.Pos(), "do: expected a variable name, got %s", parse.Print(name))
			continue
		}
		if _, dup := inner.names[identKey(name)]; dup {
			x.errorf(name.Pos(), "do: duplicate variable %s", baseName(name))
		}
		lam.Params = append(lam.Params, x.bindVar(name, inner))
		inits = append(inits, x.expr(sl.Elems[1], sc))
		if len(sl.Elems) == 3 {
			steps = append(steps, sl.Elems[2])
		} else {
			steps = append(steps, name)
		}
	}
	var result Node = unspec(exit.P)
	if len(exit.Elems) > 1 {
		result = x.exprs(exit.P, exit.Elems[1:], inner)
	}
	again := &Call{P: form.P, Fn: &Ref{P: form.P, Var: loop}}
	for _, s := range steps {
		again.Args = append(again.Args, x.expr(s, inner))
	}
	var body Node = again
	if cmds := form.Elems[3:]; len(cmds) > 0 {
		ns := make([]Node, 0, len(cmds)+1)
		for _, c := range cmds {
			ns = append(ns, x.expr(c, inner))
		}
		body = &Seq{P: form.P, Exprs: append(ns, again)}
	}
	lam.Body = &If{P: exit.P, Test: x.expr(exit.Elems[0], inner), Then: result, Else: body}
	return &Letrec{P: form.P, Vars: []*Var{loop}, Inits: []Node{lam},
		Body: &Call{P: form.P, Fn: &Ref{P: form.P, Var: loop}, Args: inits}}
}

// declare handles (declare decl ...) at top level. The one declaration is
// (unsafe): the program's remaining run-time checks may be dropped.
func (x *expander) declare(form *parse.List) {
	for _, d := range form.Elems[1:] {
		if l, ok := d.(*parse.List); ok && l.Tail == nil && len(l.Elems) == 1 && baseName(l.Elems[0]) == "unsafe" {
			x.prog.Unsafe = true
			continue
		}
		x.errorf(d.Pos(), "declare: unknown declaration %s (expected (unsafe))", parse.Print(strip(d)))
	}
}

func (x *expander) declareExpr(form *parse.List, sc *scope) Node {
	return x.bad(form.P, "declare: only allowed at the top level")
}
