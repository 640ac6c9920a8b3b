package analyze

import (
	"github.com/lambdust/lambdust/parse"
)

// This file implements syntax-rules macros (R7RS 4.3): define-syntax,
// let-syntax, letrec-syntax, pattern matching with literals, _, nested and
// tail ellipses, dotted and vector patterns, custom ellipsis identifiers and
// (... ...) escapes, and hygienic template instantiation by renaming (see
// the comment at the top of expand.go).

// macro is a syntax-rules transformer.
type macro struct {
	name     string
	env      *scope // where the macro was defined: free template identifiers mean what they mean here
	ellipsis string // identKey of a custom ellipsis identifier, or "" for ...
	literals map[string]parse.Datum
	rules    []rule
}

type rule struct {
	pattern  *parse.List // including the keyword position, which is ignored
	template parse.Datum
}

// maxExpansionSteps stops a macro that expands into itself forever, and
// maxExpansionSize one whose output grows without bound.
const (
	maxExpansionSteps = 1_000_000
	maxExpansionSize  = 1_000_000
)

// defineSyntax handles (define-syntax name transformer): it binds name in
// bindIn to a macro whose definition environment is env.
func (x *expander) defineSyntax(form *parse.List, bindIn, env *scope) {
	if form.Tail != nil || len(form.Elems) != 3 || !isIdent(form.Elems[1]) {
		x.errorf(form.P, "define-syntax: expected (define-syntax name (syntax-rules ...))")
		return
	}
	if m := x.transformer(form.Elems[2], env, baseName(form.Elems[1])); m != nil {
		bindIn.names[identKey(form.Elems[1])] = m
	}
}

// transformer evaluates a transformer spec: a syntax-rules form, or the
// name of another macro.
func (x *expander) transformer(spec parse.Datum, env *scope, name string) *macro {
	if isIdent(spec) {
		if m, ok := x.resolve(spec, env).(*macro); ok {
			return m
		}
	}
	l, b := x.head(spec, env)
	sp, ok := b.(*special)
	if !ok || sp.name != "syntax-rules" {
		x.errorf(spec.Pos(), "%s: expected a (syntax-rules ...) transformer", name)
		return nil
	}
	return x.syntaxRules(l, env, name)
}

// syntaxRules parses (syntax-rules [ellipsis] (literal ...) (pattern template) ...).
func (x *expander) syntaxRules(l *parse.List, env *scope, name string) *macro {
	m := &macro{name: name, env: env, literals: map[string]parse.Datum{}}
	args := l.Elems[1:]
	if len(args) > 0 && isIdent(args[0]) {
		m.ellipsis = identKey(args[0])
		args = args[1:]
	}
	if l.Tail != nil || len(args) == 0 {
		x.errorf(l.P, "syntax-rules: expected (syntax-rules (literals...) (pattern template)...)")
		return nil
	}
	lits, ok := args[0].(*parse.List)
	if !ok || lits.Tail != nil {
		x.errorf(args[0].Pos(), "syntax-rules: expected a list of literals, got %s", parse.Print(args[0]))
		return nil
	}
	for _, lit := range lits.Elems {
		if !isIdent(lit) {
			x.errorf(lit.Pos(), "syntax-rules: literal must be an identifier, got %s", parse.Print(lit))
			continue
		}
		m.literals[identKey(lit)] = lit
	}
	for _, r := range args[1:] {
		rl, ok := r.(*parse.List)
		if !ok || rl.Tail != nil || len(rl.Elems) != 2 {
			x.errorf(r.Pos(), "syntax-rules: expected a rule (pattern template), got %s", parse.Print(r))
			continue
		}
		pat, ok := rl.Elems[0].(*parse.List)
		if !ok || len(pat.Elems) == 0 {
			x.errorf(rl.Elems[0].Pos(), "syntax-rules: a pattern must be a list starting with the keyword, got %s", parse.Print(rl.Elems[0]))
			continue
		}
		m.rules = append(m.rules, rule{pattern: pat, template: rl.Elems[1]})
	}
	return m
}

func (x *expander) defineSyntaxExpr(form *parse.List, sc *scope) Node {
	return x.bad(form.P, "define-syntax: not allowed in an expression context")
}

func (x *expander) syntaxRulesExpr(form *parse.List, sc *scope) Node {
	return x.bad(form.P, "syntax-rules: only allowed as the transformer of define-syntax, let-syntax or letrec-syntax")
}

// syntaxError is (syntax-error "message" args...): a compile-time error at
// the macro use that expanded to it.
func (x *expander) syntaxError(form *parse.List, sc *scope) Node {
	msg := "syntax error"
	if len(form.Elems) > 1 {
		if s, ok := form.Elems[1].(*parse.String); ok {
			msg = s.V
		}
		for _, a := range form.Elems[2:] {
			msg += " " + parse.Print(strip(a))
		}
	}
	return x.bad(form.P, "%s", msg)
}

// letSyntax is let-syntax and letrec-syntax: macros bound for a body.
func (x *expander) letSyntax(form *parse.List, sc *scope) Node {
	who := baseName(form.Elems[0])
	if !x.proper(form, 3, -1, "("+who+" ((keyword transformer) ...) body...)") {
		return unspec(form.P)
	}
	bl, ok := form.Elems[1].(*parse.List)
	if !ok || bl.Tail != nil {
		return x.bad(form.Elems[1].Pos(), "%s: expected a list of bindings ((keyword transformer) ...)", who)
	}
	inner := newScope(sc)
	env := sc
	if who == "letrec-syntax" {
		env = inner
	}
	for _, b := range bl.Elems {
		pair, ok := b.(*parse.List)
		if !ok || pair.Tail != nil || len(pair.Elems) != 2 || !isIdent(pair.Elems[0]) {
			x.errorf(b.Pos(), "%s: expected (keyword transformer), got %s", who, parse.Print(b))
			continue
		}
		if m := x.transformer(pair.Elems[1], env, baseName(pair.Elems[0])); m != nil {
			inner.names[identKey(pair.Elems[0])] = m
		}
	}
	return x.body(form.P, form.Elems[2:], inner)
}

// expandMacro rewrites one use of m. It returns nil (after reporting an
// error) when no rule matches.
func (x *expander) expandMacro(m *macro, form *parse.List, sc *scope) parse.Datum {
	if m == nil {
		return nil
	}
	x.steps++
	if x.steps > maxExpansionSteps {
		if x.steps == maxExpansionSteps+1 {
			x.errorf(form.P, "%s: macro expansion does not end (over %d expansions; does it expand into itself?)", m.name, maxExpansionSteps)
		}
		return nil
	}
	if x.produced > maxExpansionSize {
		return nil
	}
	for _, r := range m.rules {
		b := bindings{}
		mt := &matcher{x: x, m: m, use: sc}
		if !mt.matchList(r.pattern.Elems[1:], r.pattern.Tail, form.Elems[1:], form.Tail, b) {
			continue
		}
		x.marks++
		in := &instantiator{x: x, m: m, mark: x.marks, pos: form.P, renamed: map[string]*parse.Alias{}}
		out := in.inst(r.template, b, true)
		if x.produced > maxExpansionSize {
			x.errorf(form.P, "%s: macro expansion too large (over %d forms)", m.name, maxExpansionSize)
			return nil
		}
		if in.err != "" {
			x.errorf(form.P, "%s: %s", m.name, in.err)
			return nil
		}
		return out
	}
	x.errorf(form.P, "%s: no syntax rule matches %s", m.name, parse.Print(strip(form)))
	return nil
}

// binding is what a pattern variable matched: a datum at depth 0, or one
// binding per repetition under an ellipsis.
type binding struct {
	d   parse.Datum
	seq []*binding
	rep bool // seq is meaningful (the variable is under an ellipsis)
}

type bindings map[string]*binding

type matcher struct {
	x   *expander
	m   *macro
	use *scope
}

func (mt *matcher) isEllipsis(d parse.Datum) bool {
	if !isIdent(d) {
		return false
	}
	_, lit := mt.m.literals[identKey(d)]
	return mt.m.isEllipsis(d) && !lit
}

// isEllipsis reports whether identifier d is the macro's ellipsis. The
// default ellipsis is any identifier named ..., renamed or not, so that
// macro-defining macros can write (... ...) for an inner ellipsis.
func (m *macro) isEllipsis(d parse.Datum) bool {
	if m.ellipsis == "" {
		return baseName(d) == "..."
	}
	return identKey(d) == m.ellipsis
}

// match matches input d against pattern p, adding to b.
func (mt *matcher) match(p, d parse.Datum, b bindings) bool {
	switch p := p.(type) {
	case *parse.Symbol, *parse.Alias:
		k := identKey(p)
		if lit, ok := mt.m.literals[k]; ok {
			return isIdent(d) && mt.sameBinding(d, lit)
		}
		if baseName(p) == "_" {
			return true
		}
		b[k] = &binding{d: d}
		return true
	case *parse.List:
		l, ok := d.(*parse.List)
		if !ok {
			return false
		}
		return mt.matchList(p.Elems, p.Tail, l.Elems, l.Tail, b)
	case *parse.Vector:
		v, ok := d.(*parse.Vector)
		if !ok {
			return false
		}
		return mt.matchList(p.Elems, nil, v.Elems, nil, b)
	}
	return parse.Equal(strip(p), strip(d))
}

// sameBinding is free-identifier=?: the input identifier in the use
// environment means what the literal means in the macro's environment.
func (mt *matcher) sameBinding(in, lit parse.Datum) bool {
	a, bb := mt.x.resolve(in, mt.use), mt.x.resolve(lit, mt.m.env)
	if a == nil && bb == nil {
		return baseName(in) == baseName(lit)
	}
	return a == bb
}

// matchList matches pattern elements ps (with optional tail pattern pt)
// against input elements ds (with tail dt, nil for a proper list).
func (mt *matcher) matchList(ps []parse.Datum, pt parse.Datum, ds []parse.Datum, dt parse.Datum, b bindings) bool {
	// A tail that is itself a list continues the input list.
	for {
		l, ok := dt.(*parse.List)
		if !ok {
			break
		}
		ds = append(append([]parse.Datum(nil), ds...), l.Elems...)
		dt = l.Tail
	}
	ell := -1
	for i := 0; i+1 < len(ps); i++ {
		if mt.isEllipsis(ps[i+1]) {
			ell = i
			break
		}
	}
	if ell < 0 {
		if pt == nil {
			if dt != nil || len(ds) != len(ps) {
				return false
			}
		} else if len(ds) < len(ps) {
			return false
		}
		for i, p := range ps {
			if !mt.match(p, ds[i], b) {
				return false
			}
		}
		if pt != nil {
			return mt.match(pt, restOf(ds[len(ps):], dt), b)
		}
		return true
	}
	before, sub, after := ps[:ell], ps[ell], ps[ell+2:]
	min := len(before) + len(after)
	if len(ds) < min || (pt == nil && dt != nil) {
		return false
	}
	for i, p := range before {
		if !mt.match(p, ds[i], b) {
			return false
		}
	}
	n := len(ds) - min
	vars := patternVars(sub, mt)
	seqs := map[string][]*binding{}
	for i := 0; i < n; i++ {
		rb := bindings{}
		if !mt.match(sub, ds[len(before)+i], rb) {
			return false
		}
		for _, v := range vars {
			seqs[v] = append(seqs[v], rb[v])
		}
	}
	for _, v := range vars {
		b[v] = &binding{seq: seqs[v], rep: true}
	}
	for i, p := range after {
		if !mt.match(p, ds[len(before)+n+i], b) {
			return false
		}
	}
	if pt != nil {
		var rest parse.Datum = &parse.List{}
		if dt != nil {
			rest = dt
		}
		return mt.match(pt, rest, b)
	}
	return true
}

// restOf makes the datum for the remaining input elements and tail.
func restOf(ds []parse.Datum, dt parse.Datum) parse.Datum {
	if len(ds) == 0 && dt != nil {
		return dt
	}
	p := parse.Pos{}
	if len(ds) > 0 {
		p = ds[0].Pos()
	}
	return &parse.List{P: p, Elems: ds, Tail: dt}
}

// patternVars lists the pattern variables in p.
func patternVars(p parse.Datum, mt *matcher) []string {
	var out []string
	eachIdent(p, func(d parse.Datum) {
		k := identKey(d)
		if _, lit := mt.m.literals[k]; lit || mt.m.isEllipsis(d) || baseName(d) == "_" {
			return
		}
		out = append(out, k)
	})
	return out
}

// eachIdent calls f on every identifier in d, in order.
func eachIdent(d parse.Datum, f func(id parse.Datum)) {
	switch d := d.(type) {
	case *parse.Symbol, *parse.Alias:
		f(d)
	case *parse.List:
		for _, e := range d.Elems {
			eachIdent(e, f)
		}
		if d.Tail != nil {
			eachIdent(d.Tail, f)
		}
	case *parse.Vector:
		for _, e := range d.Elems {
			eachIdent(e, f)
		}
	}
}

// instantiator builds a template's output for one expansion.
type instantiator struct {
	x       *expander
	m       *macro
	mark    int
	pos     parse.Pos // the macro use, given to the lists the template builds
	renamed map[string]*parse.Alias
	err     string
}

func (in *instantiator) isEllipsis(d parse.Datum, ellipsisOn bool) bool {
	return ellipsisOn && isIdent(d) && in.m.isEllipsis(d)
}

// inst instantiates template t with bindings b. ellipsisOn is false inside
// a (... template) escape.
func (in *instantiator) inst(t parse.Datum, b bindings, ellipsisOn bool) parse.Datum {
	if in.x.produced++; in.x.produced > maxExpansionSize {
		return &parse.List{P: in.pos}
	}
	switch t := t.(type) {
	case *parse.Symbol, *parse.Alias:
		k := identKey(t)
		if bd, ok := b[k]; ok {
			if bd.rep {
				in.fail("pattern variable " + baseName(t) + " is used without an ellipsis")
				return t
			}
			return bd.d
		}
		if a, ok := in.renamed[k]; ok {
			return a
		}
		a := &parse.Alias{P: t.Pos(), Sym: t, Mark: in.mark, Env: in.m.env}
		in.renamed[k] = a
		return a
	case *parse.List:
		if ellipsisOn && len(t.Elems) == 2 && t.Tail == nil && in.isEllipsis(t.Elems[0], true) {
			return in.inst(t.Elems[1], b, false)
		}
		elems := in.instElems(t.Elems, b, ellipsisOn)
		out := &parse.List{P: in.pos, Elems: elems}
		if t.Tail != nil {
			tail := in.inst(t.Tail, b, ellipsisOn)
			// Keep lists flat: (a . (b c)) is (a b c).
			if tl, ok := tail.(*parse.List); ok {
				out.Elems = append(out.Elems, tl.Elems...)
				out.Tail = tl.Tail
			} else {
				out.Tail = tail
			}
		}
		return out
	case *parse.Vector:
		return &parse.Vector{P: in.pos, Elems: in.instElems(t.Elems, b, ellipsisOn)}
	}
	return t
}

// instElems instantiates a sequence of template elements, expanding each
// element followed by one or more ellipses into its repetitions.
func (in *instantiator) instElems(ts []parse.Datum, b bindings, ellipsisOn bool) []parse.Datum {
	var out []parse.Datum
	for i := 0; i < len(ts); i++ {
		depth := 0
		for i+1+depth < len(ts) && in.isEllipsis(ts[i+1+depth], ellipsisOn) {
			depth++
		}
		if depth == 0 {
			out = append(out, in.inst(ts[i], b, ellipsisOn))
			continue
		}
		out = append(out, in.repeat(ts[i], b, depth, ellipsisOn)...)
		i += depth
	}
	return out
}

// repeat instantiates sub once per repetition of the pattern variables it
// uses, depth ellipses deep.
func (in *instantiator) repeat(sub parse.Datum, b bindings, depth int, ellipsisOn bool) []parse.Datum {
	var drivers []string
	for _, k := range templateIdents(sub) {
		if bd, ok := b[k]; ok && bd.rep {
			drivers = append(drivers, k)
		}
	}
	if len(drivers) == 0 {
		in.fail("no pattern variable to repeat before an ellipsis in the template " + parse.Print(strip(sub)))
		return nil
	}
	n := -1
	for _, k := range drivers {
		if l := len(b[k].seq); n < 0 || l < n {
			if n >= 0 && l != n {
				in.fail("pattern variables under one ellipsis matched different numbers of forms")
			}
			n = l
		}
	}
	var out []parse.Datum
	for i := 0; i < n; i++ {
		nb := bindings{}
		for k, v := range b {
			nb[k] = v
		}
		for _, k := range drivers {
			nb[k] = b[k].seq[i]
		}
		if depth > 1 {
			out = append(out, in.repeat(sub, nb, depth-1, ellipsisOn)...)
		} else {
			out = append(out, in.inst(sub, nb, ellipsisOn))
		}
	}
	return out
}

func (in *instantiator) fail(msg string) {
	if in.err == "" {
		in.err = msg
	}
}

// templateIdents lists the identifier keys in a template.
func templateIdents(t parse.Datum) []string {
	var out []string
	eachIdent(t, func(d parse.Datum) { out = append(out, identKey(d)) })
	return out
}
