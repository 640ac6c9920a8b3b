package analyze

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// This file defines the expander, which turns datums into core IR. It
// resolves every identifier to a lexical Var, a special form, a macro or a
// Global, so the IR it produces no longer depends on names.
//
// Hygiene (R7RS 4.3) works by renaming: identifiers that a macro template
// inserts become parse.Alias datums carrying a mark fresh to that expansion
// and the scope of the macro's definition. A binding form binds an alias
// under a key that includes the mark, so only identifiers from the same
// expansion see the binding; a free alias is resolved in the definition
// scope. Derived forms that the expander implements in Go either build IR
// directly or rewrite to datums whose keywords are such aliases of the top
// scope, so user bindings of if or let cannot capture them either.

// special is a special form: its name and how to expand it. Exactly one of
// expand (to IR) and rewrite (to another form, expanded in its place —
// which lets a rewrite produce definitions inside a body) is set. The form
// has at least one element.
type special struct {
	name    string
	expand  func(x *expander, form *parse.List, sc *scope) Node
	rewrite func(x *expander, form *parse.List, sc *scope) parse.Datum
}

// scope is one level of lexical bindings, keyed by identKey. Values are
// *Var, *special or *macro.
type scope struct {
	parent *scope
	names  map[string]any
	env    *topEnv // set on a top-level scope: whose globals free identifiers name
}

func newScope(parent *scope) *scope { return &scope{parent: parent, names: map[string]any{}} }

func (s *scope) lookup(key string) any {
	for ; s != nil; s = s.parent {
		if b, ok := s.names[key]; ok {
			return b
		}
	}
	return nil
}

// identKey is the key an identifier is bound under: its name, extended by
// the mark of every renaming.
func identKey(d parse.Datum) string {
	switch d := d.(type) {
	case *parse.Symbol:
		return d.Name
	case *parse.Alias:
		return identKey(d.Sym) + "\x00" + strconv.Itoa(d.Mark)
	}
	return ""
}

func isIdent(d parse.Datum) bool {
	_, ok := parse.BaseName(d)
	return ok
}

func baseName(d parse.Datum) string {
	n, _ := parse.BaseName(d)
	return n
}

// resolve returns what identifier id means in sc: a *Var, *special or
// *macro, or nil for a global named baseName(id).
func (x *expander) resolve(id parse.Datum, sc *scope) any {
	b, _ := x.resolveIn(id, sc)
	return b
}

// resolveIn is resolve that also returns, for a free identifier, the
// top-level environment whose globals it names.
func (x *expander) resolveIn(id parse.Datum, sc *scope) (any, *topEnv) {
	for {
		if b := sc.lookup(identKey(id)); b != nil {
			return b, nil
		}
		a, ok := id.(*parse.Alias)
		if !ok {
			return nil, rootEnv(sc)
		}
		id, sc = a.Sym, a.Env.(*scope)
	}
}

func rootEnv(sc *scope) *topEnv {
	for sc.env == nil {
		sc = sc.parent
	}
	return sc.env
}

type expander struct {
	prog      *Program
	globals   map[string]*Global // by key (see topEnv.global)
	owner     map[*Global]*topEnv
	nearby    map[*Global][]string // local names in scope at a global's first use
	errs      parse.ErrorList
	coreScope *scope  // every special form and prelude macro; what x.core names
	program   *topEnv // the program's top level
	libs      libraries
	marks     int
	steps     int // macro expansions so far, to stop runaway expansions
	produced  int // datums macro templates have produced so far
	nesting   int // depth of expr calls
	tooDeep   bool
	// lenient leaves globals that are never defined to fail at run time
	// (sessions: a later input may define them).
	lenient bool
}

// ExpandOptions configure the expander.
type ExpandOptions struct {
	// LibPath lists the directories searched for user libraries
	// ((foo bar) is foo/bar.sld in one of them).
	LibPath []string
}

// Expand expands a program's top-level forms into a Program. It reports
// every error it finds, positioned, as a parse.ErrorList.
func Expand(file string, forms []parse.Datum, opt ExpandOptions) (*Program, error) {
	x := newExpander(file, opt)
	x.program.prepare(x, forms)
	x.toplevelForms(forms, x.program)
	x.resolveGlobals()
	if len(x.errs) > 0 {
		return nil, x.errs
	}
	return x.prog, nil
}

func newExpander(file string, opt ExpandOptions) *expander {
	x := &expander{
		prog:    &Program{File: file},
		globals: map[string]*Global{},
		owner:   map[*Global]*topEnv{},
		nearby:  map[*Global][]string{},
		libs:    libraries{path: opt.LibPath, byName: map[string]*library{}, loading: map[string]bool{}},
	}
	x.coreScope = newScope(nil)
	x.coreScope.env = &topEnv{name: "core", all: true, core: true, scope: x.coreScope}
	for name, sp := range specials {
		x.coreScope.names[name] = sp
	}
	for name := range aux {
		x.coreScope.names[name] = auxSyntax(name)
	}
	x.loadPrelude()
	x.program = x.newTopEnv("", "")
	return x
}

func (x *expander) errorf(pos parse.Pos, format string, args ...any) {
	if len(x.errs) < 50 {
		x.errs = append(x.errs, &parse.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
	}
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

// bindVar binds identifier id to a new variable in sc.
func (x *expander) bindVar(id parse.Datum, sc *scope) *Var {
	v := x.newVar(baseName(id), id.Pos())
	sc.names[identKey(id)] = v
	return v
}

// globalKey returns the Global with the given key, making it (named name,
// owned by env) on first use.
func (x *expander) globalKey(key, name string, env *topEnv, pos parse.Pos) *Global {
	g := x.globals[key]
	if g == nil {
		g = &Global{Name: name, P: pos}
		x.globals[key] = g
		x.owner[g] = env
		x.prog.Globals = append(x.prog.Globals, g)
	}
	return g
}

// core returns an identifier that means name in the core scope whatever
// the use site binds or imports: derived forms that rewrite to datums use
// it for the keywords and runtime procedures they insert.
func (x *expander) core(name string, pos parse.Pos) parse.Datum {
	x.marks++
	return &parse.Alias{P: pos, Sym: &parse.Symbol{P: pos, Name: name}, Mark: x.marks, Env: x.coreScope}
}

// fresh returns an identifier no user code can name, for temporaries of
// rewritten forms.
func (x *expander) fresh(name string, pos parse.Pos) parse.Datum { return x.core(name, pos) }

// resolveGlobals checks every global the program uses: one it never defines
// is a primitive of that name or an error.
func (x *expander) resolveGlobals() {
	for _, g := range x.prog.Globals {
		if g.Defines > 0 {
			g.Prim = nil // a session input defined a name that was a primitive
			continue
		}
		env := x.owner[g]
		var p *rt.Prim
		if env.all || env.core {
			p = rt.LookupPrim(g.Name)
		}
		switch {
		case p == nil:
			if !env.importFailed && !x.lenient {
				name := strings.TrimPrefix(g.Name, env.prefix)
				if s := suggest(name, x.visibleNames(g, env)); s != "" {
					x.errorf(g.P, "undefined: %s (did you mean %s?)", name, s)
				} else {
					x.errorf(g.P, "undefined: %s", name)
				}
			}
		case g.Sets > 0:
			x.errorf(g.P, "set!: cannot assign to built-in %s (define it first)", g.Name)
		default:
			g.Prim = p
		}
	}
}

// headSpecial returns the special form or macro that list d is a use of.
func (x *expander) head(d parse.Datum, sc *scope) (*parse.List, any) {
	l, ok := d.(*parse.List)
	if !ok || len(l.Elems) == 0 || !isIdent(l.Elems[0]) {
		return l, nil
	}
	switch b := x.resolve(l.Elems[0], sc).(type) {
	case *special, *macro:
		return l, b
	}
	return l, nil
}

// expandHead expands d while it is a macro use or a rewriting special form,
// so a body or the top level can see whether it is a definition.
func (x *expander) expandHead(d parse.Datum, sc *scope) parse.Datum {
	for {
		l, b := x.head(d, sc)
		switch b := b.(type) {
		case *macro:
			d = x.expandMacro(b, l, sc)
		case *special:
			if b.rewrite == nil {
				return d
			}
			d = b.rewrite(x, l, sc)
		default:
			return d
		}
		if d == nil {
			return nil // an error was reported
		}
	}
}

// toplevelForms expands top-level forms of env in order, splicing begin.
func (x *expander) toplevelForms(forms []parse.Datum, env *topEnv) {
	for _, d := range forms {
		x.toplevel(d, env)
	}
}

func (x *expander) toplevel(d parse.Datum, env *topEnv) {
	top := env.scope
	if x.nesting == 0 {
		x.steps, x.produced = 0, 0 // the limits are per top-level form
	}
	if env == x.program && x.programDecl(d) {
		return
	}
	env.importsOK = false
	if d = x.expandHead(d, top); d == nil {
		return
	}
	l, b := x.head(d, top)
	if sp, ok := b.(*special); ok {
		switch sp.name {
		case "begin":
			if l.Tail != nil {
				x.errorf(l.P, "begin: malformed form")
				return
			}
			x.preIntroduce(l.Elems[1:], top)
			x.toplevelForms(l.Elems[1:], env)
			return
		case "define":
			name, val := x.definition(l, top)
			if name != nil {
				if g := x.defineGlobal(name, top); g != nil {
					x.prog.Body = append(x.prog.Body, &GlobalSet{P: l.P, G: g, Value: val, Define: true})
				}
			}
			return
		case "define-syntax":
			x.defineSyntax(l, top, top)
			return
		case "declare":
			x.declare(l)
			return
		}
	}
	x.prog.Body = append(x.prog.Body, x.expr(d, top))
}

// introGlobal binds, in a top-level scope, an identifier that a macro
// introduced into a top-level definition: hygiene (R7RS 4.3) makes the
// global it defines that expansion's own, seen only by identifiers of the
// same expansion, never the global user code names with the same symbol.
type introGlobal struct{ g *Global }

// introduce gives the free alias name, defined at top level, its own
// global in env, bound in scope top.
func (x *expander) introduce(name parse.Datum, top *scope, env *topEnv) *Global {
	x.marks++
	// The '#' cannot appear in a symbol written without bars, so no user
	// global has this name.
	key := env.prefix + baseName(name) + "#" + strconv.Itoa(x.marks)
	g := x.globalKey(key, key, env, name.Pos())
	top.names[identKey(name)] = &introGlobal{g}
	return g
}

// preIntroduce binds the introduced names that the definitions among forms
// (the body of a top-level begin) define, before any of the forms is
// expanded, so that a procedure defined first sees a variable defined
// after it in the same expansion.
func (x *expander) preIntroduce(forms []parse.Datum, top *scope) {
	for _, d := range forms {
		l, ok := d.(*parse.List)
		if !ok || len(l.Elems) < 2 || l.Tail != nil {
			continue
		}
		if sp, ok := x.resolve(l.Elems[0], top).(*special); !ok || sp.name != "define" {
			continue
		}
		name := l.Elems[1]
		for {
			if h, ok := name.(*parse.List); ok && len(h.Elems) > 0 {
				name = h.Elems[0] // (define (name . formals) ...), curried too
				continue
			}
			break
		}
		if _, alias := name.(*parse.Alias); !alias {
			continue
		}
		if b, env := x.resolveIn(name, top); b == nil {
			if env == nil || env.core {
				env = rootEnv(top)
			}
			x.introduce(name, top, env)
		}
	}
}

// defineGlobal records a top-level definition of identifier name in the
// top-level environment of scope top.
func (x *expander) defineGlobal(name parse.Datum, top *scope) *Global {
	b, env := x.resolveIn(name, top)
	if ig, ok := b.(*introGlobal); ok {
		ig.g.Defines++
		return ig.g
	}
	if env == nil || env.core {
		env = rootEnv(top)
	}
	if _, alias := name.(*parse.Alias); alias && b == nil {
		g := x.introduce(name, top, env)
		g.Defines++
		return g
	}
	n := baseName(name)
	if from, ok := env.imports[n]; ok {
		x.errorf(name.Pos(), "define: cannot redefine %s, imported from %s", n, from.lib)
		return nil
	}
	g := env.global(x, n, name.Pos())
	if g.Defines == 0 {
		g.P = name.Pos()
	}
	g.Defines++
	return g
}

// maxNesting bounds how deeply expressions nest (macros can build nesting
// the reader's own limit never saw), so expansion cannot exhaust the stack.
const maxNesting = 20000

// expr expands d in expression context.
func (x *expander) expr(d parse.Datum, sc *scope) Node {
	x.nesting++
	defer func() { x.nesting-- }()
	if x.nesting > maxNesting {
		if !x.tooDeep {
			x.tooDeep = true
			x.errorf(d.Pos(), "expression nested too deeply (over %d levels)", maxNesting)
		}
		return &Const{P: d.Pos(), Val: rt.Unspecified}
	}
	switch d := d.(type) {
	case *parse.Symbol, *parse.Alias:
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
		if isIdent(d.Elems[0]) {
			switch b := x.resolve(d.Elems[0], sc).(type) {
			case *special:
				if b.rewrite != nil {
					r := b.rewrite(x, d, sc)
					if r == nil {
						return &Const{P: d.P, Val: rt.Unspecified}
					}
					return x.expr(r, sc)
				}
				return b.expand(x, d, sc)
			case *macro:
				r := x.expandMacro(b, d, sc)
				if r == nil {
					return &Const{P: d.P, Val: rt.Unspecified}
				}
				return x.expr(r, sc)
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

func (x *expander) ref(id parse.Datum, sc *scope) Node {
	b, env := x.resolveIn(id, sc)
	switch b := b.(type) {
	case *Var:
		return &Ref{P: id.Pos(), Var: b}
	case *introGlobal:
		return &GlobalRef{P: id.Pos(), G: b.g}
	case *special, *macro:
		return x.bad(id.Pos(), "syntax keyword %s used as an expression", baseName(id))
	}
	g := env.global(x, baseName(id), id.Pos())
	x.noteNearby(g, sc)
	return &GlobalRef{P: id.Pos(), G: g}
}

// body expands a lambda or let body (R7RS 5.3.2): definitions, which may
// come from macro uses and begin splices, then expressions, with letrec*
// semantics. Definitions may be interleaved with expressions; an expression
// before the last definition is evaluated in order as the init of an unused
// variable.
func (x *expander) body(pos parse.Pos, forms []parse.Datum, sc *scope) Node {
	inner := newScope(sc)
	type item struct {
		v   *Var        // nil for an expression after the last definition
		def *parse.List // a define form, or nil
		d   parse.Datum // the expression
	}
	var items []item
	queue := append([]parse.Datum(nil), forms...)
	for len(queue) > 0 {
		d := x.expandHead(queue[0], inner)
		queue = queue[1:]
		if d == nil {
			continue
		}
		l, b := x.head(d, inner)
		if sp, ok := b.(*special); ok {
			switch sp.name {
			case "begin":
				if l.Tail == nil {
					queue = append(append([]parse.Datum(nil), l.Elems[1:]...), queue...)
					continue
				}
			case "define":
				name := x.definedName(l)
				if name == nil {
					x.errorf(l.P, "define: malformed definition")
					continue
				}
				if _, dup := inner.names[identKey(name)]; dup {
					x.errorf(name.Pos(), "duplicate definition of %s in body", baseName(name))
				}
				items = append(items, item{v: x.bindVar(name, inner), def: l})
				continue
			case "define-syntax":
				x.defineSyntax(l, inner, inner)
				continue
			}
		}
		items = append(items, item{d: d})
	}
	lastDef := -1
	for i, it := range items {
		if it.def != nil {
			lastDef = i
		}
	}
	if len(items) == 0 {
		return x.bad(pos, "empty body")
	}
	if lastDef == len(items)-1 {
		return x.bad(items[lastDef].def.P, "body ends with a definition: a body needs an expression after its definitions")
	}
	if lastDef < 0 {
		exprs := make([]Node, len(items))
		for i, it := range items {
			exprs[i] = x.expr(it.d, inner)
		}
		return seq(pos, exprs)
	}
	rec := &Letrec{P: pos}
	for _, it := range items[:lastDef+1] {
		var init Node
		v := it.v
		if it.def != nil {
			_, init = x.definition(it.def, inner)
		} else {
			v = x.newVar("_", it.d.Pos())
			init = x.expr(it.d, inner)
		}
		if init == nil {
			init = &Const{P: v.P, Val: rt.Unspecified}
		}
		rec.Vars = append(rec.Vars, v)
		rec.Inits = append(rec.Inits, init)
	}
	var exprs []Node
	for _, it := range items[lastDef+1:] {
		exprs = append(exprs, x.expr(it.d, inner))
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

// definedName returns the identifier a define form binds, or nil if
// malformed.
func (x *expander) definedName(l *parse.List) parse.Datum {
	if len(l.Elems) < 2 {
		return nil
	}
	t := l.Elems[1]
	for {
		if isIdent(t) {
			return t
		}
		tl, ok := t.(*parse.List)
		if !ok || len(tl.Elems) == 0 {
			return nil
		}
		t = tl.Elems[0] // (define ((curried a) b) ...) binds curried
	}
}

// definition expands (define name expr) or (define (name . formals) body...)
// and returns the name and the value's IR.
func (x *expander) definition(l *parse.List, sc *scope) (parse.Datum, Node) {
	if l.Tail != nil || len(l.Elems) < 2 {
		x.errorf(l.P, "define: expected (define name expr) or (define (name formals...) body...)")
		return nil, nil
	}
	target := l.Elems[1]
	if isIdent(target) {
		switch len(l.Elems) {
		case 2:
			return target, &Const{P: l.P, Val: rt.Unspecified}
		case 3:
			v := x.expr(l.Elems[2], sc)
			if lam, ok := v.(*Lambda); ok && lam.Name == "" {
				lam.Name = baseName(target)
			}
			return target, v
		}
		x.errorf(l.P, "define: expected one expression after the name %s", baseName(target))
		return nil, nil
	}
	tl, ok := target.(*parse.List)
	if !ok || len(tl.Elems) == 0 {
		x.errorf(target.Pos(), "define: expected a name, got %s", parse.Print(target))
		return nil, nil
	}
	formals := &parse.List{P: tl.P, Elems: tl.Elems[1:], Tail: tl.Tail}
	if inner, ok := tl.Elems[0].(*parse.List); ok {
		// Curried define: (define ((f a) b) body) is
		// (define (f a) (lambda (b) body)).
		lam := &parse.List{P: l.P, Elems: append([]parse.Datum{x.core("lambda", l.P), formals}, l.Elems[2:]...)}
		return x.definition(&parse.List{P: l.P, Elems: []parse.Datum{l.Elems[0], inner, lam}}, sc)
	}
	name := tl.Elems[0]
	if !isIdent(name) {
		x.errorf(name.Pos(), "define: expected a name, got %s", parse.Print(name))
		return nil, nil
	}
	return name, x.lambda(l.P, baseName(name), formals, l.Elems[2:], sc)
}

// lambda expands a procedure with the given formals and body.
func (x *expander) lambda(pos parse.Pos, name string, formals parse.Datum, body []parse.Datum, sc *scope) Node {
	inner := newScope(sc)
	x.prog.NumLambdas++
	lam := &Lambda{P: pos, Name: name, ID: x.prog.NumLambdas}
	bind := func(d parse.Datum) *Var {
		if !isIdent(d) {
			x.errorf(d.Pos(), "lambda: expected a parameter name, got %s", parse.Print(d))
			return nil
		}
		if _, dup := inner.names[identKey(d)]; dup {
			x.errorf(d.Pos(), "lambda: duplicate parameter %s", baseName(d))
		}
		return x.bindVar(d, inner)
	}
	switch f := formals.(type) {
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
		if isIdent(f) {
			lam.Rest = bind(f)
		} else {
			x.errorf(formals.Pos(), "lambda: expected a parameter list, got %s", parse.Print(formals))
		}
	}
	body = x.lambdaDecls(lam, body)
	lam.Body = x.body(pos, body, inner)
	return lam
}

// lambdaDecls takes the declarations #:name value at the start of a
// procedure body (the Lambdust notation for #:inline #t and #:hot-path #t)
// and returns the rest of the body.
func (x *expander) lambdaDecls(lam *Lambda, body []parse.Datum) []parse.Datum {
	for len(body) > 0 {
		k, ok := body[0].(*parse.Keyword)
		if !ok {
			break
		}
		if len(body) < 2 {
			x.errorf(k.P, "declaration #:%s needs a value (#:%s #t)", k.Name, k.Name)
			return body[1:]
		}
		b, ok := body[1].(*parse.Bool)
		if !ok {
			x.errorf(body[1].Pos(), "declaration #:%s: expected #t or #f, got %s", k.Name, parse.Print(body[1]))
		} else {
			switch k.Name {
			case "inline":
				lam.Inline, lam.NoInline = b.V, !b.V
			case "hot-path":
				lam.HotPath = b.V
			default:
				x.errorf(k.P, "unknown declaration #:%s (expected #:inline or #:hot-path)", k.Name)
			}
		}
		body = body[2:]
	}
	return body
}

// datumValue converts a quoted datum to a runtime value, turning aliases
// back into plain symbols. Datum labels may make it cyclic.
func datumValue(d parse.Datum) (rt.Value, error) {
	v, err := rt.FromDatumErr(strip(d))
	if err != nil {
		return v, errors.New(err.Msg) // the caller adds the position
	}
	return v, nil
}

// strip returns d with every alias replaced by its base symbol (the
// syntax->datum of the expander's renaming).
func strip(d parse.Datum) parse.Datum {
	switch d := d.(type) {
	case *parse.Alias:
		return &parse.Symbol{P: d.P, Name: baseName(d)}
	case *parse.List:
		if !hasAlias(d) {
			return d
		}
		out := &parse.List{P: d.P, Elems: make([]parse.Datum, len(d.Elems))}
		for i, e := range d.Elems {
			out.Elems[i] = strip(e)
		}
		if d.Tail != nil {
			out.Tail = strip(d.Tail)
		}
		return out
	case *parse.Vector:
		if !hasAlias(d) {
			return d
		}
		out := &parse.Vector{P: d.P, Elems: make([]parse.Datum, len(d.Elems))}
		for i, e := range d.Elems {
			out.Elems[i] = strip(e)
		}
		return out
	}
	return d
}

// hasAlias reports whether d contains an alias (not following datum-label
// references, which only the reader makes).
func hasAlias(d parse.Datum) bool {
	switch d := d.(type) {
	case *parse.Alias:
		return true
	case *parse.List:
		for _, e := range d.Elems {
			if hasAlias(e) {
				return true
			}
		}
		return d.Tail != nil && hasAlias(d.Tail)
	case *parse.Vector:
		for _, e := range d.Elems {
			if hasAlias(e) {
				return true
			}
		}
	}
	return false
}
