package analyze

import (
	"fmt"
	"slices"
	"strings"

	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// This file defines the inline pass: constant folding, local
// simplification and the inlining of small known procedures.
//
// Simplifications, applied bottom-up (children first) with constants and
// copies propagated top-down through let:
//
//   - A call of a pure primitive of the foldable set (arithmetic,
//     comparisons, numeric, char and type predicates ...) whose arguments
//     are all constants is evaluated at compile time, when it returns an
//     immediate value or a small exact number (not a bignum made from
//     fixnums: fxspec speculates on such overflowing fixnum arithmetic,
//     and the program keeps the operation it wrote). A call that raises
//     (a type error, a division by zero, a wrong argument count) is left
//     alone, so the error still happens at run time at its position.
//   - (if 'c then else) becomes then or else.
//   - let: a variable never set!, bound to an immediate constant (not a
//     literal list or string, whose copies would not be eq?) or to another
//     variable that is never set! (a parameter or let variable, not a
//     letrec one, which may be read before it is initialised), is replaced
//     by its value; bindings whose variable is unused and whose init cannot
//     have an effect or raise are dropped.
//   - ((lambda (x ...) body) arg ...) with matching arity becomes
//     (let ((x arg) ...) body).
//   - A call of a known procedure (knownprocs) is replaced by a copy of its
//     body in a let binding fresh copies of its parameters, when the
//     procedure is not recursive (it cannot reach itself through the known
//     call graph), takes no rest argument, is called with its arity, the
//     call is inside a procedure (top-level code runs once: inlining there
//     would only change backtraces) and the callee is defined before any
//     procedure can run (the rule codegen uses for direct calls), and it
//     is small (its body has at most the budget of nodes) or declared
//     #:inline #t. #:inline #f forbids it. The copy gets fresh Vars and
//     Lambdas (the IR binds each Var once) and keeps the positions of the
//     procedure's source, so an error raised in the copy points into the
//     procedure, as it did before.
//   - Calls of record accessors, modifiers and predicates are the
//     records pass's (records.go), which runs next.
//
// Budgets: -O1 folds and simplifies and inlines only #:inline #t
// procedures; -O2 inlines bodies of up to inlineBudgetO2 nodes, -O3 up to
// inlineBudgetO3. Calls inside a procedure declared #:hot-path #t (and
// inside the lambdas it contains) get hotPathFactor times the budget.
// Inlined copies are themselves simplified, up to inlineDepth levels of
// nested inlining.
//
// Backtraces: an inlined call has no frame of its own, so a backtrace
// through it shows the caller's frame where it used to show the callee's
// (the error message's position still points into the callee's source).
// #:inline #f keeps a procedure's frames; -O0 and -O1 keep all frames but
// those of #:inline #t procedures.
//
// Sessions (the REPL, eval) never inline known procedures: a later input
// may redefine them.
//
// Requires: varinfo (Var.Assigned), knownprocs. Guarantees: varinfo and
// knownprocs facts are recomputed at the end; notes record each inlined
// call and each fold.

// The inlining budgets, in IR nodes of the callee's body.
const (
	inlineBudgetO2 = 12
	inlineBudgetO3 = 40
	hotPathFactor  = 3
	inlineDepth    = 4
	// maxFoldDigits bounds the written length of a folded exact number,
	// so folding never turns a small expression into a huge constant.
	maxFoldDigits = 40
)

// Inline is the inline pass.
func Inline(p *Program) error {
	in := &inliner{
		p:      p,
		letrec: map[*Var]bool{},
		early:  definedEarly(p),
		noted:  map[string]bool{},
	}
	switch {
	case p.OptLevel >= 3:
		in.budget = inlineBudgetO3
	case p.OptLevel == 2:
		in.budget = inlineBudgetO2
	}
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			if l, ok := n.(*Letrec); ok {
				for _, v := range l.Vars {
					in.letrec[v] = true
				}
			}
			return true
		})
	}
	in.recursive = recursiveKnown(p)
	for _, g := range p.Globals {
		if l := g.Known; l != nil && l.Inline && in.recursive[l] && !p.Session {
			p.note(l.P, "%s: #:inline #t ignored: recursive", g.Name)
		}
	}
	for i, n := range p.Body {
		p.Body[i] = in.simplify(n, nil, &inlineCtx{})
	}
	resetVarInfo(p)
	if err := VarInfo(p); err != nil {
		return err
	}
	return KnownProcs(p)
}

type inliner struct {
	p         *Program
	letrec    map[*Var]bool // letrec-bound variables
	early     map[*Lambda]bool
	recursive map[*Lambda]bool
	budget    int
	noted     map[string]bool
}

// inlineCtx is where the simplifier is: inside which procedure, how many
// inlined copies deep.
type inlineCtx struct {
	lam   *Lambda // innermost enclosing lambda, nil at top level
	hot   bool    // inside a #:hot-path procedure
	depth int     // nesting of inlined copies
}

// subst maps variables to the constant or variable replacing them.
type subst map[*Var]Node

func (in *inliner) note(ctx *inlineCtx, pos parse.Pos, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	key := pos.String() + "\x00" + msg
	if in.noted[key] {
		return
	}
	in.noted[key] = true
	in.p.note(pos, "%s", msg)
}

// simplify returns the simplified n under env.
func (in *inliner) simplify(n Node, env subst, ctx *inlineCtx) Node {
	switch n := n.(type) {
	case *Ref:
		if r, ok := env[n.Var]; ok {
			return replacement(r, n.P)
		}
		return n
	case *Set:
		n.Value = in.simplify(n.Value, env, ctx)
		return n
	case *GlobalSet:
		n.Value = in.simplify(n.Value, env, ctx)
		return n
	case *If:
		n.Test = in.simplify(n.Test, env, ctx)
		if c, ok := n.Test.(*Const); ok {
			if c.Val.IsTrue() {
				return in.simplify(n.Then, env, ctx)
			}
			return in.simplify(n.Else, env, ctx)
		}
		n.Then = in.simplify(n.Then, env, ctx)
		n.Else = in.simplify(n.Else, env, ctx)
		return n
	case *Seq:
		var out []Node
		for i, e := range n.Exprs {
			e = in.simplify(e, env, ctx)
			if s, ok := e.(*Seq); ok {
				out = append(out, s.Exprs...)
				continue
			}
			if i < len(n.Exprs)-1 && droppable(e, in.letrec) {
				continue
			}
			out = append(out, e)
		}
		if len(out) == 1 {
			return out[0]
		}
		n.Exprs = out
		return n
	case *Lambda:
		inner := &inlineCtx{lam: n, hot: ctx.hot || n.HotPath, depth: ctx.depth}
		n.Body = in.simplify(n.Body, env, inner)
		return n
	case *PrimCall:
		for i := range n.Args {
			n.Args[i] = in.simplify(n.Args[i], env, ctx)
		}
		return in.fold(n, ctx)
	case *Let:
		return in.let(n, env, ctx)
	case *Letrec:
		for i := range n.Inits {
			n.Inits[i] = in.simplify(n.Inits[i], env, ctx)
		}
		n.Body = in.simplify(n.Body, env, ctx)
		return n
	case *Call:
		n.Fn = in.simplify(n.Fn, env, ctx)
		for i := range n.Args {
			n.Args[i] = in.simplify(n.Args[i], env, ctx)
		}
		if lam, ok := n.Fn.(*Lambda); ok && lam.Rest == nil && len(lam.Params) == len(n.Args) {
			// The lambda's body was simplified with n.Fn; binding its
			// parameters may simplify it further.
			let := &Let{P: n.P, Vars: lam.Params, Inits: n.Args, Body: lam.Body}
			return in.let(let, env, ctx)
		}
		if r, ok := n.Fn.(*GlobalRef); ok {
			if out := in.inlineCall(n, r, env, ctx); out != nil {
				return out
			}
		}
		return n
	}
	return n
}

// replacement is a fresh node for the value r stands for, at pos.
func replacement(r Node, pos parse.Pos) Node {
	switch r := r.(type) {
	case *Const:
		return &Const{P: pos, Val: r.Val}
	case *Ref:
		return &Ref{P: pos, Var: r.Var}
	}
	panic(fmt.Sprintf("inline: bad substitution %T", r))
}

// droppable reports whether evaluating n can have no effect and cannot
// raise, so its value may be dropped unused.
func droppable(n Node, letrec map[*Var]bool) bool {
	switch n := n.(type) {
	case *Const, *PrimRef, *Lambda:
		return true
	case *Ref:
		return !letrec[n.Var] // a letrec variable may be read too early
	}
	return false
}

// let simplifies a let: constants and copies are propagated into the body,
// then bindings left unused with droppable inits are removed.
func (in *inliner) let(n *Let, env subst, ctx *inlineCtx) Node {
	for i := range n.Inits {
		n.Inits[i] = in.simplify(n.Inits[i], env, ctx)
	}
	inner := env
	for i, v := range n.Vars {
		if v.Assigned {
			continue
		}
		var r Node
		switch init := n.Inits[i].(type) {
		case *Const:
			// Only immediates: a copy of a literal list or string
			// would not be eq? to the original.
			if immediate(init.Val) {
				r = init
			}
		case *Ref:
			if !init.Var.Assigned && !in.letrec[init.Var] {
				r = init
			}
		}
		if r == nil {
			continue
		}
		if len(inner) == len(env) {
			inner = make(subst, len(env)+len(n.Vars))
			for k, x := range env {
				inner[k] = x
			}
		}
		inner[v] = r
	}
	n.Body = in.simplify(n.Body, inner, ctx)
	used := map[*Var]bool{}
	Walk(n.Body, func(x Node) bool {
		switch x := x.(type) {
		case *Ref:
			used[x.Var] = true
		case *Set:
			used[x.Var] = true
		}
		return true
	})
	var vars []*Var
	var inits []Node
	for i, v := range n.Vars {
		if !used[v] && droppable(n.Inits[i], in.letrec) {
			continue
		}
		vars = append(vars, v)
		inits = append(inits, n.Inits[i])
	}
	if len(vars) == 0 {
		return n.Body
	}
	n.Vars, n.Inits = vars, inits
	return n
}

// inlineCall returns the inlined body of the call n of the global r, or
// nil when it is not to be inlined.
func (in *inliner) inlineCall(n *Call, r *GlobalRef, env subst, ctx *inlineCtx) Node {
	lam := r.G.Known
	if lam == nil || in.p.Session || lam.NoInline || lam.Rest != nil || len(lam.Params) != len(n.Args) ||
		in.recursive[lam] || ctx.depth >= inlineDepth || lam == ctx.lam {
		return nil
	}
	// Only calls inside procedures: top-level code runs once, so
	// inlining there would only change backtraces. The callee must be
	// defined before any procedure can run, or the call could come before
	// the define, which must raise "unbound variable" (codegen's
	// knownDefined).
	if ctx.lam == nil || !in.early[lam] {
		return nil
	}
	budget := in.budget
	if ctx.hot {
		budget *= hotPathFactor
	}
	if !lam.Inline && size(lam.Body, budget+1) > budget {
		return nil
	}
	c := &copier{p: in.p, vars: map[*Var]*Var{}, letrec: in.letrec}
	params := make([]*Var, len(lam.Params))
	for i, v := range lam.Params {
		params[i] = c.fresh(v)
	}
	body := c.copy(lam.Body)
	let := &Let{P: n.P, Vars: params, Inits: n.Args, Body: body}
	out := in.let(let, env, &inlineCtx{lam: ctx.lam, hot: ctx.hot, depth: ctx.depth + 1})
	if k, ok := out.(*Const); ok {
		in.note(ctx, n.P, "call to %s inlined, folded to %s", r.G.Name, writeConst(k))
		return &Const{P: n.P, Val: k.Val}
	}
	in.note(ctx, n.P, "call to %s inlined", r.G.Name)
	return out
}

// size counts the nodes of n, stopping once it exceeds limit.
func size(n Node, limit int) int {
	count := 0
	Walk(n, func(Node) bool {
		count++
		return count <= limit
	})
	return count
}

// recursiveKnown returns the known procedures that can reach themselves
// through references to known procedures (calls, or passing them along).
func recursiveKnown(p *Program) map[*Lambda]bool {
	calls := callGraph{}
	var lams []*Lambda
	for _, g := range p.Globals {
		if l := g.Known; l != nil {
			lams = append(lams, l)
			Walk(l.Body, func(n Node) bool {
				if r, ok := n.(*GlobalRef); ok && r.G.Known != nil {
					calls[l] = append(calls[l], r.G.Known)
				}
				return true
			})
		}
	}
	rec := map[*Lambda]bool{}
	for _, l := range lams {
		for _, c := range calls[l] {
			if calls.reaches(c, l) {
				rec[l] = true
				break
			}
		}
	}
	return rec
}

// copier deep-copies the body of a procedure for inlining, giving every
// variable and lambda bound inside it a fresh identity.
type copier struct {
	p      *Program
	vars   map[*Var]*Var
	letrec map[*Var]bool
}

func (c *copier) fresh(v *Var) *Var {
	c.p.NumVars++
	nv := &Var{Name: v.Name, ID: c.p.NumVars, P: v.P, Assigned: v.Assigned}
	c.vars[v] = nv
	return nv
}

func (c *copier) freshAll(vs []*Var) []*Var {
	out := make([]*Var, len(vs))
	for i, v := range vs {
		out[i] = c.fresh(v)
	}
	return out
}

func (c *copier) v(v *Var) *Var {
	if nv, ok := c.vars[v]; ok {
		return nv
	}
	return v // bound outside the copied body
}

func (c *copier) all(ns []Node) []Node {
	out := make([]Node, len(ns))
	for i, n := range ns {
		out[i] = c.copy(n)
	}
	return out
}

func (c *copier) copy(n Node) Node {
	switch n := n.(type) {
	case *Const:
		return &Const{P: n.P, Val: n.Val}
	case *Ref:
		return &Ref{P: n.P, Var: c.v(n.Var)}
	case *GlobalRef:
		return &GlobalRef{P: n.P, G: n.G}
	case *PrimRef:
		return &PrimRef{P: n.P, Prim: n.Prim}
	case *Set:
		return &Set{P: n.P, Var: c.v(n.Var), Value: c.copy(n.Value)}
	case *GlobalSet:
		return &GlobalSet{P: n.P, G: n.G, Value: c.copy(n.Value), Define: n.Define}
	case *If:
		return &If{P: n.P, Test: c.copy(n.Test), Then: c.copy(n.Then), Else: c.copy(n.Else)}
	case *Seq:
		return &Seq{P: n.P, Exprs: c.all(n.Exprs)}
	case *Lambda:
		c.p.NumLambdas++
		out := &Lambda{P: n.P, Name: n.Name, ID: c.p.NumLambdas, Params: c.freshAll(n.Params),
			Inline: n.Inline, HotPath: n.HotPath, NoInline: n.NoInline}
		if n.Rest != nil {
			out.Rest = c.fresh(n.Rest)
		}
		out.Body = c.copy(n.Body)
		return out
	case *Call:
		return &Call{P: n.P, Fn: c.copy(n.Fn), Args: c.all(n.Args), Tail: n.Tail}
	case *PrimCall:
		return &PrimCall{P: n.P, Prim: n.Prim, Args: c.all(n.Args), Tail: n.Tail}
	case *Let:
		inits := c.all(n.Inits) // the inits are outside the variables' scope
		return &Let{P: n.P, Vars: c.freshAll(n.Vars), Inits: inits, Body: c.copy(n.Body)}
	case *Letrec:
		vars := c.freshAll(n.Vars)
		for _, v := range vars {
			c.letrec[v] = true
		}
		return &Letrec{P: n.P, Vars: vars, Inits: c.all(n.Inits), Body: c.copy(n.Body)}
	}
	panic(fmt.Sprintf("inline: cannot copy %T", n))
}

// foldable lists the pure primitives the pass evaluates on constant
// arguments. Their results on constants are immediates or numbers, the
// same at compile time as at run time; primitives that allocate a fresh
// object (whose identity or mutability would change), or that could take
// long or make a huge number (expt, arithmetic-shift), are not listed.
var foldable = setOf(
	"+", "-", "*", "/", "=", "<", ">", "<=", ">=",
	"zero?", "positive?", "negative?", "odd?", "even?", "max", "min", "abs",
	"quotient", "remainder", "modulo", "floor-quotient", "floor-remainder",
	"truncate-quotient", "truncate-remainder", "gcd", "lcm", "numerator", "denominator",
	"floor", "ceiling", "truncate", "round", "exact", "inexact", "exact->inexact",
	"inexact->exact", "square", "number?", "complex?", "real?", "rational?",
	"integer?", "exact?", "inexact?", "exact-integer?", "nan?", "finite?", "infinite?",
	"not", "boolean?", "boolean=?", "null?", "pair?", "symbol?", "string?", "char?",
	"vector?", "bytevector?", "procedure?", "list?",
	"char->integer", "integer->char", "char=?", "char<?", "char>?", "char<=?", "char>=?",
	"char-ci=?", "char-ci<?", "char-ci>?", "char-ci<=?", "char-ci>=?",
	"char-alphabetic?", "char-numeric?", "char-whitespace?", "char-upper-case?",
	"char-lower-case?", "digit-value", "char-upcase", "char-downcase", "char-foldcase",
	"string-length", "string-ref", "string=?", "string<?", "string>?", "string<=?",
	"string>=?", "symbol=?",
	"bitwise-and", "bitwise-ior", "bitwise-xor", "bitwise-not", "bit-count", "integer-length",
)

// identityPrims compare identities: folded only on immediate arguments,
// whose identity is their value (literal strings or lists may or may not
// be shared by the back ends).
var identityPrims = setOf("eq?", "eqv?", "equal?")

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// fold evaluates n when it is a foldable call on constants.
func (in *inliner) fold(n *PrimCall, ctx *inlineCtx) Node {
	name := n.Prim.Name
	if !n.Prim.Pure || !(foldable[name] || identityPrims[name]) {
		return n
	}
	args := make([]rt.Value, len(n.Args))
	for i, a := range n.Args {
		c, ok := a.(*Const)
		if !ok {
			return n
		}
		if identityPrims[name] && !immediate(c.Val) {
			return n
		}
		args[i] = c.Val
	}
	v, ok := evalPrim(n.Prim, args)
	if !ok {
		if ctx.depth == 0 {
			in.note(ctx, n.P, "%s not folded: raises at run time", callText(name, args))
		}
		return n
	}
	if !(immediate(v) && !v.IsUnspec() && !v.IsEOF() || smallNumber(v)) {
		return n
	}
	if v.Is(rt.TBignum) && !slices.ContainsFunc(args, func(a rt.Value) bool { return !a.IsFixnum() }) {
		// Fixnum arithmetic that overflows stays an operation: fxspec
		// speculates on it (a bignum constant would stop it).
		return n
	}
	if ctx.depth == 0 {
		in.note(ctx, n.P, "%s folded to %s", callText(name, args), rt.WriteString(v))
	}
	return &Const{P: n.P, Val: v}
}

// callText writes a primitive call on constants, for notes.
func callText(name string, args []rt.Value) string {
	words := make([]string, len(args)+1)
	words[0] = name
	for i, a := range args {
		words[i+1] = rt.WriteString(a)
	}
	return "(" + strings.Join(words, " ") + ")"
}

// immediate reports whether v is a value without identity of its own.
func immediate(v rt.Value) bool {
	return v.IsFixnum() || v.IsFlonum() || v.IsChar() || v.IsBool() || v.IsNull() || v.IsUnspec() || v.IsEOF()
}

// smallNumber reports whether v is a bignum or ratio short enough to be a
// literal of the program.
func smallNumber(v rt.Value) bool {
	return (v.Is(rt.TBignum) || v.Is(rt.TRatnum)) && len(rt.WriteString(v)) <= maxFoldDigits
}

// evalPrim calls prim on args at compile time; ok is false when the call
// raised (or has the wrong arity), so it must be left to run time.
func evalPrim(prim *rt.Prim, args []rt.Value) (v rt.Value, ok bool) {
	if len(args) < prim.Req || (prim.Max >= 0 && len(args) > prim.Max) {
		return rt.Value{}, false
	}
	defer func() {
		if recover() != nil {
			v, ok = rt.Value{}, false
		}
	}()
	t := rt.NewThread()
	switch f := prim.Fn.(type) {
	case func(*rt.Thread) rt.Value:
		v = f(t)
	case func(*rt.Thread, rt.Value) rt.Value:
		v = f(t, args[0])
	case func(*rt.Thread, rt.Value, rt.Value) rt.Value:
		v = f(t, args[0], args[1])
	case func(*rt.Thread, rt.Value, rt.Value, rt.Value) rt.Value:
		v = f(t, args[0], args[1], args[2])
	case func(*rt.Thread, rt.Value, rt.Value, rt.Value, rt.Value) rt.Value:
		v = f(t, args[0], args[1], args[2], args[3])
	case func(*rt.Thread, []rt.Value) rt.Value:
		v = f(t, args)
	default:
		return rt.Value{}, false
	}
	if v.IsTail() {
		return rt.Value{}, false
	}
	return v, true
}

// recordPrims are the primitives of define-record-type: they make
// procedures but call none.
var recordPrims = setOf("%make-record-type", "%record-constructor", "%record-predicate", "%record-accessor", "%record-modifier")

// runsNoProcedure reports whether evaluating the value of a top-level
// define cannot call a procedure of the program.
func runsNoProcedure(n Node) bool {
	switch n := n.(type) {
	case *Lambda, *Const:
		return true
	case *PrimCall:
		if !(n.Prim.Pure || recordPrims[n.Prim.Name]) || n.Prim.TailCalls {
			return false
		}
		for _, a := range n.Args {
			switch a.(type) {
			case *Const, *GlobalRef, *PrimRef:
			default:
				return false
			}
		}
		return true
	}
	return false
}
