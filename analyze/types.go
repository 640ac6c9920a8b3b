package analyze

import (
	"cmp"
	"slices"
	"strings"

	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// This file defines the types pass: flow-sensitive inference of the types
// of immutable local variables (fxspec.go infers the unboxed fixnum and
// flonum ones), so that checks of proven types disappear.
//
// A type (Type) is a set of run-time representations: the numeric tower
// (fixnum, bignum, ratnum, flonum; the runtime has no complex numbers, so
// real and number are the same type), the empty list, two kinds of
// pair (those whose cdrs end in the empty list, and all others), vector,
// string, char, symbol, procedure, #f, #t, and everything else. The kinds
// the report's type inference names are unions of these: exact integer,
// real, number, list, pair, boolean, ...
//
// A variable that is never set! keeps the type its value had when it was
// bound, and every check that succeeded on it still holds wherever the
// check dominates. The pass walks each body in evaluation order with the
// facts known so far: a binding to a constructor's or an operation's
// result ((cons x l), (list x ...), (+ i 1), (string-ref s i), a literal,
// a lambda), the branches of (if (pair? x) ...), (if (null? l) ...),
// (if x ...) and their negations and conjunctions, and every type-checking
// primitive that has already run on the variable (after (car x) returns, x
// is a pair; after (+ x 1), a number). A branch that certainly raises
// ((error ...), (raise ...)) adds nothing to the facts after the if; both
// branches otherwise join by union. Facts flow into lambdas created where
// they hold (the variable cannot change).
//
// The parameters of procedures whose every call the pass sees — local
// procedures that are only called (Direct and InPlace, see closures.go),
// named lets included, and known global procedures that are only called
// (calledOnly) — get the union of the types of the arguments of all their
// calls; known procedures and local ones get result types, the union of
// their bodies' value types (0 when they never return, which makes the
// code after their calls unreachable). All are found together by
// walking the whole program until nothing changes (fixpoint); so in
// (let loop ((l lst) (acc '())) ... (loop (cdr l) (cons x acc))), acc is
// a list, and so is l when lst is one, and a procedure that returns acc
// returns a list.
//
// A pair is a list pair when its cdr is a list; since the type is fixed
// when the pair is made, it holds only in programs that never change a
// cdr: the list types are used only when the program does not use
// set-cdr!, the other primitives that change cdrs, eval or load, and is
// neither a REPL input nor part of the runtime, whose callers may change
// the lists they pass (listsImmutable). Otherwise both kinds of pair are
// always taken together.
//
// What is proven is used in three ways:
//
//   - a primitive whose checked argument is proven gets PrimCall.Proven
//     and the code generator drops its check (the unchecked rt.CarU ...
//     of --unsafe): car, cdr, set-car!, set-cdr!, vector-length,
//     string-length, char->integer, symbol->string, length (of a list:
//     no walk for cycles or a dotted tail), exact (of an exact number:
//     no call) and inexact (of a real);
//   - +, -, *, /, =, <, >, <=, >= of two proven flonums get Proven and
//     are compiled as float64 operations, with no dispatch;
//   - a type predicate of a variable whose type decides it is folded to
//     its constant (PrimCall.Folded): pair?, null?, list?, number?,
//     real?, exact-integer?, vector?, string?, char?, symbol?, procedure?
//     and boolean?.
//
// Requires: varinfo (Var.Assigned), knownprocs, closures (Lambda.Direct,
// Lambda.InPlace). Guarantees:
// Proven and Folded are set only where the argument types are proven on
// every path to the call.

// Type is a set of run-time representations (see above). The zero Type
// is the empty set: no value, code that cannot run.
type Type uint16

const (
	tFix      Type = 1 << iota // fixnum
	tBig                       // bignum
	tRat                       // ratnum
	tFlo                       // flonum
	tNull                      // '()
	tListPair                  // a pair whose cdr is a list
	tDotPair                   // any other pair: dotted or circular
	tVector
	tString
	tChar
	tSymbol
	tProc
	tFalse
	tTrue
	tOther // records, bytevectors, ports, eof, unspecified, ...

	tTop Type = 1<<iota - 1 // any value
)

// The unions with names.
const (
	tExactInt = tFix | tBig
	tExactRat = tExactInt | tRat
	tInteger  = tExactInt | tFlo // what integer? may accept
	tReal     = tExactRat | tFlo
	tNumber   = tReal // the runtime has no complex numbers (rt/number.go)
	tPair     = tListPair | tDotPair
	tList     = tNull | tListPair
	tBool     = tFalse | tTrue
)

// typeNames names the Types explain reports, smallest first for each
// family, with their article.
var typeNames = []struct {
	t    Type
	name string
}{
	{tFix, "a fixnum"}, {tFlo, "a flonum"}, {tExactInt, "an exact integer"},
	{tExactRat, "an exact rational"}, {tNumber, "a number"},
	{tNull, "the empty list"}, {tListPair, "a non-empty list"}, {tPair, "a pair"}, {tList, "a list"},
	{tVector, "a vector"}, {tString, "a string"}, {tChar, "a char"}, {tSymbol, "a symbol"},
	{tProc, "a procedure"}, {tFalse, "#f"}, {tBool, "a boolean"},
}

// Name returns the name, with its article, of the smallest named type
// that contains t, or "" when there is none.
func (t Type) Name() string {
	best, name := tTop, ""
	for _, n := range typeNames {
		if t&^n.t == 0 && n.t&^best == 0 && n.t != best {
			best, name = n.t, n.name
		}
	}
	return name
}

// bare is a type name without its article.
func bare(name string) string {
	for _, a := range []string{"a ", "an ", "the "} {
		if s, ok := strings.CutPrefix(name, a); ok {
			return s
		}
	}
	return name
}

// argTypes gives the types a primitive checks its arguments have; the
// last entry applies to the remaining arguments, tTop to an unchecked one.
// After the primitive returns, its variable arguments have these types.
var argTypes = map[string][]Type{
	"car": {tPair}, "cdr": {tPair}, "set-car!": {tPair, tTop}, "set-cdr!": {tPair, tTop},
	"vector-length": {tVector}, "vector-ref": {tVector, tExactInt}, "vector-set!": {tVector, tExactInt, tTop},
	"vector->list": {tVector, tExactInt}, "vector-fill!": {tVector, tTop, tExactInt},
	"string-length": {tString}, "string-ref": {tString, tExactInt}, "string-set!": {tString, tExactInt, tChar},
	"string->symbol": {tString}, "string->list": {tString, tExactInt}, "string-append": {tString},
	"substring": {tString, tExactInt}, "string->number": {tString, tExactInt},
	"char->integer": {tChar}, "char-upcase": {tChar}, "char-downcase": {tChar}, "char-foldcase": {tChar},
	"char-alphabetic?": {tChar}, "char-numeric?": {tChar}, "char-whitespace?": {tChar},
	"char-upper-case?": {tChar}, "char-lower-case?": {tChar}, "digit-value": {tChar},
	"symbol->string": {tSymbol}, "integer->char": {tExactInt},
	"length": {tList}, "reverse": {tList}, "list->vector": {tList}, "list->string": {tList},
	"+": {tNumber}, "-": {tNumber}, "*": {tNumber}, "/": {tNumber}, "=": {tNumber},
	"<": {tReal}, ">": {tReal}, "<=": {tReal}, ">=": {tReal},
	"zero?": {tNumber}, "positive?": {tReal}, "negative?": {tReal},
	"abs": {tReal}, "min": {tReal}, "max": {tReal},
	"quotient": {tInteger}, "remainder": {tInteger}, "modulo": {tInteger},
	"even?": {tInteger}, "odd?": {tInteger},
	"floor": {tReal}, "ceiling": {tReal}, "round": {tReal}, "truncate": {tReal},
	"exact": {tNumber}, "inexact": {tNumber}, "exact->inexact": {tNumber}, "inexact->exact": {tNumber},
	"sqrt": {tNumber}, "exp": {tNumber}, "log": {tNumber}, "sin": {tNumber}, "cos": {tNumber},
	"tan": {tNumber}, "atan": {tNumber}, "number->string": {tNumber, tExactInt},
}

// argType returns the type primitive name checks its argument i has.
func argType(name string, i int) Type {
	ts := argTypes[name]
	switch {
	case len(ts) == 0:
		return tTop
	case i < len(ts):
		return ts[i]
	}
	return ts[len(ts)-1]
}

// drops lists the primitives whose check the code generator drops when
// their argument has the given type (codegen/unsafe.go); flonumOps those
// compiled as float64 operations when both arguments are flonums.
var drops = map[string]Type{
	"car": tPair, "cdr": tPair, "set-car!": tPair, "set-cdr!": tPair,
	"vector-length": tVector, "string-length": tString,
	"char->integer": tChar, "symbol->string": tSymbol,
	"length": tList, "exact": tExactRat, "inexact->exact": tExactRat,
	"inexact": tReal, "exact->inexact": tReal,
}

var flonumOps = map[string]bool{
	"+": true, "-": true, "*": true, "/": true,
	"=": true, "<": true, ">": true, "<=": true, ">=": true,
}

// predicates gives the type a predicate's argument has when it returns
// #t (then) and the types for which it certainly does (sure, a subset).
var predicates = map[string]struct{ then, sure Type }{
	"pair?": {tPair, tPair}, "null?": {tNull, tNull}, "list?": {tList, tList},
	"vector?": {tVector, tVector}, "string?": {tString, tString}, "procedure?": {tProc, tProc},
	"char?": {tChar, tChar}, "symbol?": {tSymbol, tSymbol}, "boolean?": {tBool, tBool},
	"number?": {tNumber, tNumber}, "complex?": {tNumber, tNumber}, "real?": {tReal, tReal},
	"rational?": {tReal, tExactRat}, "integer?": {tInteger, tExactInt},
	"exact-integer?": {tExactInt, tExactInt},
}

// results gives the type of a primitive's result when it does not depend
// on the arguments' types (resultType handles those that do).
var results = map[string]Type{
	"make-vector": tVector, "vector": tVector, "vector-copy": tVector, "list->vector": tVector,
	"vector-map": tVector, "make-string": tString, "string": tString, "substring": tString,
	"string-append": tString, "string-copy": tString, "symbol->string": tString,
	"number->string": tString, "list->string": tString, "string-upcase": tString,
	"string-downcase": tString, "string-foldcase": tString,
	"string-ref": tChar, "integer->char": tChar, "char-upcase": tChar, "char-downcase": tChar,
	"char-foldcase": tChar, "string->symbol": tSymbol,
	"length": tFix, "string-length": tFix, "vector-length": tFix, "char->integer": tFix,
	"string->list": tList, "vector->list": tList, "reverse": tList, "map": tList,
	"not": tBool, "eq?": tBool, "eqv?": tBool, "equal?": tBool,
	"=": tBool, "<": tBool, ">": tBool, "<=": tBool, ">=": tBool,
	"zero?": tBool, "positive?": tBool, "negative?": tBool, "even?": tBool, "odd?": tBool,
	"string=?": tBool, "char=?": tBool, "exact?": tBool, "inexact?": tBool,
	"sqrt": tNumber, "exp": tNumber, "log": tNumber, "sin": tNumber, "cos": tNumber,
	"tan": tNumber, "atan": tNumber, "string->number": tNumber | tFalse,
}

// diverges lists the primitives that never return normally.
var diverges = map[string]bool{"error": true, "raise": true, "exit": true, "emergency-exit": true}

type typeFacts map[*Var]Type

func (f typeFacts) copy() typeFacts {
	c := make(typeFacts, len(f))
	for k, v := range f {
		c[k] = v
	}
	return c
}

// of returns v's type: tTop when nothing is known.
func (f typeFacts) of(v *Var) Type {
	if t, ok := f[v]; ok {
		return t
	}
	return tTop
}

// Types is the types pass.
func Types(p *Program) error {
	tp := &typer{p: p, lists: listsImmutable(p), mark: true, params: map[*Var]Type{},
		direct: map[*Var]*Lambda{}, known: map[*Global]*Lambda{}, results: map[*Lambda]Type{},
		last: map[Node]Type{}}
	var inferred []*Var
	for _, lam := range calledOnly(p) {
		inferred = append(inferred, tp.track(lam)...)
	}
	var lams []*Lambda
	if !p.Session { // a later input may redefine any global
		for _, g := range p.Globals {
			if g.Known != nil {
				tp.known[g] = g.Known
				lams = append(lams, g.Known)
			}
		}
	}
	// The local procedures that are only called, in every letrec.
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			if lr, ok := n.(*Letrec); ok {
				for i, init := range lr.Inits {
					if lam, ok := init.(*Lambda); ok && (lam.Direct || lam.InPlace) && lam.Rest == nil && !lr.Vars[i].Assigned {
						tp.direct[lr.Vars[i]] = lam
						inferred = append(inferred, tp.track(lam)...)
						lams = append(lams, lam)
					}
				}
			}
			return true
		})
	}
	tp.fixpoint(inferred, lams, func() {
		for _, n := range p.Body {
			tp.walk(n, typeFacts{})
		}
	})
	return nil
}

// calledOnly returns the known global procedures that are only ever
// called, by the program itself: no reference to them is anything but a
// call's operator, no library exports them (runtime libraries register
// their exports as primitives), and no code the compiler does not see
// (eval, load, a later REPL input) can call them. Their parameters' types
// are inferred from their calls.
func calledOnly(p *Program) map[*Global]*Lambda {
	if p.Session || usesAny(p, "eval", "load") {
		return nil
	}
	known := map[*Global]*Lambda{}
	for _, g := range p.Globals {
		if g.Known != nil && g.Known.Rest == nil {
			known[g] = g.Known
		}
	}
	for _, lib := range p.Libraries {
		for _, e := range lib.Exports {
			delete(known, e.G)
		}
	}
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			switch n := n.(type) {
			case *Call:
				if _, ok := n.Fn.(*GlobalRef); ok {
					for _, a := range n.Args {
						Walk(a, func(m Node) bool {
							if g, ok := m.(*GlobalRef); ok {
								delete(known, g.G)
							}
							return true
						})
					}
					return false
				}
			case *GlobalRef:
				delete(known, n.G)
			}
			return true
		})
	}
	return known
}

// track starts inferring the parameter types of lam, and returns the
// parameters inferred.
func (tp *typer) track(lam *Lambda) []*Var {
	var inferred []*Var
	for _, p := range lam.Params {
		if !p.Assigned {
			tp.params[p] = 0
			inferred = append(inferred, p)
		}
	}
	return inferred
}

// fixpoint runs walk, which walks the whole program, without marking
// until the types of the inferred parameters and of the results of lams
// are stable, then once more marking. All are sought together: each walk
// joins what the calls it sees pass and what the bodies return into
// them, so they only grow, and the number of walks is about the depth
// of the longest chain of calls that carries a type, not exponential in
// the nesting of loops. It notes the inferred parameter types that are
// not numbers (fxspec reports those).
func (tp *typer) fixpoint(inferred []*Var, lams []*Lambda, walk func()) {
	for _, lam := range lams {
		tp.results[lam] = 0
	}
	tp.mark = false
	for iter := 0; len(inferred)+len(lams) > 0; iter++ {
		params := make([]Type, len(inferred))
		for i, p := range inferred {
			params[i] = tp.params[p]
		}
		results := make([]Type, len(lams))
		for i, lam := range lams {
			results[i] = tp.results[lam]
		}
		walk()
		stable := true
		for i, p := range inferred {
			stable = stable && tp.params[p] == params[i]
		}
		for i, lam := range lams {
			stable = stable && tp.results[lam] == results[i]
		}
		if stable {
			break
		}
		if iter == maxTypeWalks {
			for _, p := range inferred {
				tp.params[p] = tTop
			}
			for _, lam := range lams {
				tp.results[lam] = tTop
			}
			break
		}
	}
	tp.mark = true
	for _, p := range inferred {
		if tp.params[p] == 0 {
			// Never called (its calls were all inlined, say): the
			// body is dead, but analysed as if anything could come.
			tp.params[p] = tTop
		}
		tp.params[p] = tp.norm(tp.params[p])
		if name := tp.params[p].Name(); name != "" && tp.params[p]&^tNumber != 0 {
			tp.note(p.P, "%s: %s", p.Name, bare(name))
		}
	}
	walk()
}

// maxTypeWalks bounds the walks of fixpoint; past it every inferred type
// is taken to be any value. Each walk that changes something adds a
// member to some type of at most 15, so it is not expected to be reached.
const maxTypeWalks = 64

// usesAny reports whether p refers to any of the primitives names.
func usesAny(p *Program, names ...string) bool {
	return anyPrim(p, func(prim *rt.Prim) bool { return slices.Contains(names, prim.Name) })
}

// anyPrim reports whether p refers to (calls or uses as a value) a
// primitive for which pred holds.
func anyPrim(p *Program, pred func(*rt.Prim) bool) bool {
	found := false
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			switch n := n.(type) {
			case *PrimRef:
				found = found || pred(n.Prim)
			case *PrimCall:
				found = found || pred(n.Prim)
			}
			return !found
		})
	}
	return found
}

type typer struct {
	p *Program
	// lists is set when no cdr of the program's pairs ever changes, so
	// list pairs stay lists (listsImmutable).
	lists bool
	// mark is cleared while a fixed point of parameter types is sought:
	// only the final walk sets Proven and Folded and makes notes.
	mark bool
	// params holds the parameter types of the Direct lambdas being
	// inferred: the union of the argument types of the calls seen.
	params map[*Var]Type
	// results holds the result types of the known procedures and
	// Direct lambdas: the union of the types of their bodies' values (0:
	// they never return normally).
	results map[*Lambda]Type
	direct  map[*Var]*Lambda    // Direct lambdas by their variable
	known   map[*Global]*Lambda // known procedures (none in a REPL)
	// last holds the type walk found for each expression, for typeOf.
	last map[Node]Type
	// fxKinds are the unboxed kinds fxspec gave the expressions of the
	// procedure being walked, if any.
	fxKinds map[Node]FxKind
}

// norm widens t so that it never separates list pairs from other pairs
// when list types cannot be trusted.
func (tp *typer) norm(t Type) Type {
	if !tp.lists && t&tPair != 0 {
		t |= tPair
	}
	return t
}

// set records that immutable variable v has type t.
func (tp *typer) set(env typeFacts, v *Var, t Type) {
	if !v.Assigned {
		env[v] = tp.norm(t)
	}
}

func (tp *typer) note(pos parse.Pos, format string, args ...any) {
	if tp.mark {
		tp.p.note(pos, format, args...)
	}
}

// walk infers the types in n under env, which it updates with what holds
// after n, and returns the type of n's value: 0 when n never returns
// normally (it raises, or calls a procedure that never returns).
func (tp *typer) walk(n Node, env typeFacts) Type {
	t := tp.walk1(n, env)
	switch n.(type) {
	case *Const, *Ref, *Lambda:
	default:
		tp.last[n] = t
	}
	return t
}

func (tp *typer) walk1(n Node, env typeFacts) Type {
	switch n := n.(type) {
	case *Const:
		return tp.norm(constType(n.Val))
	case *Ref:
		return env.of(n.Var)
	case *PrimRef:
		return tProc
	case *If:
		test := tp.walk(n.Test, env)
		thenEnv, elseEnv := env.copy(), env.copy()
		tp.testFacts(n.Test, thenEnv, elseEnv)
		thenT := tp.walk(n.Then, thenEnv)
		elseT := tp.walk(n.Else, elseEnv)
		switch {
		case thenT != 0 && elseT == 0:
			for v, t := range thenEnv {
				env[v] = t
			}
		case elseT != 0 && thenT == 0:
			for v, t := range elseEnv {
				env[v] = t
			}
		default:
			for v, t := range thenEnv {
				if e, ok := elseEnv[v]; ok {
					env[v] = t | e
				}
			}
		}
		return returns(test, thenT|elseT)
	case *Seq:
		t := tTop
		for _, e := range n.Exprs {
			t = returns(t, tp.walk(e, env))
		}
		return t
	case *Lambda:
		if n.FxSig != nil {
			defer func(k map[Node]FxKind) { tp.fxKinds = k }(tp.fxKinds)
			tp.fxKinds = n.FxSig.Kinds
		}
		inner := env.copy()
		for _, p := range n.Params {
			if t, ok := tp.params[p]; ok {
				inner[p] = t
			}
		}
		t := tp.walk(n.Body, inner)
		if r, ok := tp.results[n]; ok {
			tp.results[n] = r | t
		}
		return tProc
	case *Let:
		t := tTop
		for i, init := range n.Inits {
			t = returns(t, tp.walk(init, env))
			tp.set(env, n.Vars[i], tp.typeOf(init, env))
		}
		return returns(t, tp.walk(n.Body, env))
	case *Letrec:
		return tp.letrec(n, env)
	case *Call:
		t := tTop
		for _, c := range Children(n) {
			t = returns(t, tp.walk(c, env))
		}
		var lam *Lambda
		switch fn := n.Fn.(type) {
		case *Ref:
			lam = tp.direct[fn.Var]
		case *GlobalRef:
			lam = tp.known[fn.G]
		}
		if lam == nil {
			return returns(t, tTop)
		}
		for i, p := range lam.Params {
			if _, inferred := tp.params[p]; !inferred {
				continue
			}
			a := tTop
			if len(n.Args) == len(lam.Params) {
				a = tp.typeOf(n.Args[i], env)
			}
			tp.params[p] |= a
		}
		if r, ok := tp.results[lam]; ok && len(n.Args) >= len(lam.Params) && (lam.Rest != nil || len(n.Args) == len(lam.Params)) {
			return returns(t, r)
		}
		return returns(t, tTop)
	case *PrimCall:
		t := tTop
		for _, a := range n.Args {
			t = returns(t, tp.walk(a, env))
		}
		if n.Prim.Req > len(n.Args) || (n.Prim.Max >= 0 && n.Prim.Max < len(n.Args)) {
			return 0 // an arity error at run time
		}
		tp.prim(n, env)
		if diverges[n.Prim.Name] {
			return 0
		}
		return returns(t, tp.typeOf(n, env))
	case *Set, *GlobalSet:
		t := tTop
		for _, c := range Children(n) {
			t = returns(t, tp.walk(c, env))
		}
		return returns(t, tOther) // unspecified
	default:
		t := tTop
		for _, c := range Children(n) {
			t = returns(t, tp.walk(c, env))
		}
		return returns(t, tTop)
	}
}

// returns is t when the evaluation of the earlier parts, the last of type
// before, returns, and 0 otherwise.
func returns(before, t Type) Type {
	if before == 0 {
		return 0
	}
	return t
}

// letrec walks a letrec; the types of its Direct lambdas' parameters and
// results come from the fixed point (Types).
func (tp *typer) letrec(n *Letrec, env typeFacts) Type {
	for i, init := range n.Inits {
		if _, isLam := init.(*Lambda); isLam && !n.Vars[i].Assigned {
			env[n.Vars[i]] = tProc
		}
	}
	t := tTop
	for _, init := range n.Inits {
		t = returns(t, tp.walk(init, env))
	}
	return returns(t, tp.walk(n.Body, env))
}

// prim records what a primitive call proves, and drops or folds it when
// its argument types are proven.
func (tp *typer) prim(n *PrimCall, env typeFacts) {
	name := n.Prim.Name
	args := make([]Type, len(n.Args))
	for i, a := range n.Args {
		args[i] = tp.typeOf(a, env)
	}
	if p, ok := predicates[name]; ok && len(n.Args) == 1 && args[0] != 0 {
		if _, pure := n.Args[0].(*Ref); pure && n.Folded == nil && tp.mark {
			what := describe(n.Args[0])
			switch {
			case args[0]&^p.sure == 0:
				n.Folded = &Const{P: n.P, Val: rt.True}
				tp.note(n.P, "%s: %s proven %s, folded to #t", name, what, cmp.Or(args[0].Name(), p.sure.Name()))
			case args[0]&p.then == 0:
				n.Folded = &Const{P: n.P, Val: rt.False}
				tp.note(n.P, "%s: %s proven not %s, folded to #f", name, what, p.then.Name())
			}
		}
	}
	if want, ok := drops[name]; ok && len(n.Args) >= 1 && args[0] != 0 && args[0]&^want == 0 && !n.Proven && tp.mark {
		n.Proven = true
		if pc, isPrim := n.Args[0].(*PrimCall); isPrim {
			tp.note(n.P, "%s: argument is %s (made by %s), type check dropped", name, want.Name(), pc.Prim.Name)
		} else {
			tp.note(n.P, "%s: %s proven %s, type check dropped", name, describe(n.Args[0]), want.Name())
		}
	}
	if flonumOps[name] && len(n.Args) == 2 && args[0] == tFlo && args[1] == tFlo && !n.Proven && tp.mark {
		n.Proven = true
		if _, unboxed := tp.fxKinds[n]; !unboxed { // fxspec's notes say it
			tp.note(n.P, "%s: arguments proven flonums, compiled as a float64 operation", name)
		}
	}
	// The checks passed if evaluation goes on.
	for i, a := range n.Args {
		if r, ok := a.(*Ref); ok {
			if want := argType(name, i); want != tTop {
				tp.set(env, r.Var, env.of(r.Var)&want)
			}
		}
	}
}

// describe names an argument for a note.
func describe(n Node) string {
	if r, ok := n.(*Ref); ok {
		return r.Var.Name
	}
	return "argument"
}

// typeOf returns the type of n's value under env, once walked.
func (tp *typer) typeOf(n Node, env typeFacts) Type {
	switch n := n.(type) {
	case *Const:
		return tp.norm(constType(n.Val))
	case *Ref:
		return env.of(n.Var)
	case *Lambda, *PrimRef:
		return tProc
	case *PrimCall:
		if n.Folded != nil {
			return constType(n.Folded.Val)
		}
		return tp.norm(tp.resultType(n, env))
	}
	if t, ok := tp.last[n]; ok {
		return t
	}
	return tTop
}

// constType returns the type of a literal.
func constType(v rt.Value) Type {
	switch {
	case v.IsFixnum():
		return tFix
	case v.IsFlonum():
		return tFlo
	case v.Is(rt.TBignum):
		return tBig
	case v.Is(rt.TRatnum):
		return tRat
	case v.IsNull():
		return tNull
	case v.IsPair():
		if rt.ListP(nil, v).IsTrue() {
			return tListPair
		}
		return tDotPair
	case v.IsVector():
		return tVector
	case v.IsString():
		return tString
	case v.IsChar():
		return tChar
	case v.IsSymbol():
		return tSymbol
	case v == rt.False:
		return tFalse
	case v == rt.True:
		return tTrue
	}
	return tOther
}

// resultType returns the type of a primitive call's result.
func (tp *typer) resultType(n *PrimCall, env typeFacts) Type {
	name := n.Prim.Name
	if _, ok := predicates[name]; ok {
		return tBool
	}
	args := make([]Type, len(n.Args))
	any := Type(0) // the union of the argument types
	for i, a := range n.Args {
		args[i] = tp.typeOf(a, env)
		any |= args[i]
	}
	// list is the type of a list whose last cdr has type t.
	list := func(t Type) Type {
		switch {
		case t&^tList == 0:
			return tListPair
		case t&tList == 0:
			return tDotPair
		}
		return tPair
	}
	numeric := func(args []Type) Type {
		joined := Type(0)
		for _, a := range args {
			joined |= a & tNumber
		}
		switch {
		case joined&^tExactInt == 0:
			return tExactInt
		case joined&^tExactRat == 0:
			return tExactRat
		case joined&^tReal == 0:
			for _, a := range args {
				if a&tNumber == tFlo {
					return tFlo // inexact contagion
				}
			}
			return tReal
		}
		return tNumber
	}
	switch name {
	case "cons":
		if len(args) == 2 {
			return list(args[1])
		}
	case "list":
		if len(args) == 0 {
			return tNull
		}
		return tListPair
	case "cons*":
		if len(args) > 1 {
			return list(args[len(args)-1])
		}
	case "cdr":
		if len(args) == 1 && args[0]&^tListPair == 0 {
			return tList
		}
	case "list-copy", "list-tail":
		if len(args) >= 1 && args[0]&^tList == 0 {
			return tList
		}
	case "append":
		if len(args) == 0 {
			return tNull
		}
		last := args[len(args)-1]
		if last&^tList == 0 {
			return tList
		}
	case "memq", "memv", "member":
		if len(args) >= 2 && args[1]&^tList == 0 {
			return tFalse | tListPair
		}
	case "+", "*", "-", "abs", "min", "max":
		return numeric(args)
	case "/":
		t := numeric(args)
		if t == tExactInt {
			t = tExactRat
		}
		return t
	case "quotient", "remainder", "modulo":
		if any&tNumber&^tExactInt == 0 {
			return tExactInt
		}
		return tExactInt | tFlo
	case "floor", "ceiling", "round", "truncate":
		if len(args) == 1 {
			switch a := args[0] & tNumber; {
			case a&^tExactRat == 0:
				return tExactInt
			case a == tFlo:
				return tFlo
			}
			return tExactInt | tFlo
		}
	case "exact", "inexact->exact":
		if len(args) == 1 && args[0]&tNumber&^tExactInt == 0 {
			return tExactInt
		}
		return tExactRat
	case "inexact", "exact->inexact":
		if len(args) == 1 && args[0]&^tReal == 0 {
			return tFlo
		}
		return tFlo
	}
	if t, ok := results[name]; ok {
		return t
	}
	return tTop
}

// testFacts adds to thenEnv and elseEnv what test being true or false
// proves.
func (tp *typer) testFacts(test Node, thenEnv, elseEnv typeFacts) {
	switch t := test.(type) {
	case *Ref:
		tp.set(thenEnv, t.Var, thenEnv.of(t.Var)&^tFalse)
		tp.set(elseEnv, t.Var, elseEnv.of(t.Var)&tFalse)
	case *If:
		// (and a b) is (if a b #f): when it is true, so are a and b.
		if c, ok := t.Else.(*Const); ok && c.Val == rt.False {
			tp.testFacts(t.Test, thenEnv, typeFacts{})
			tp.testFacts(t.Then, thenEnv, typeFacts{})
		}
	case *PrimCall:
		if len(t.Args) != 1 {
			return
		}
		if t.Prim == rt.LookupPrim("not") {
			tp.testFacts(t.Args[0], elseEnv, thenEnv)
			return
		}
		p, ok := predicates[t.Prim.Name]
		r, isRef := t.Args[0].(*Ref)
		if !ok || !isRef {
			return
		}
		tp.set(thenEnv, r.Var, thenEnv.of(r.Var)&p.then)
		tp.set(elseEnv, r.Var, elseEnv.of(r.Var)&^p.sure)
	}
}

// listMutators are the primitives that may change the cdr of a pair that
// already exists (SRFI 1's linear-update procedures among them), and
// those that run code the compiler does not see.
var listMutators = map[string]bool{
	"set-cdr!": true, "eval": true, "load": true,
}

// listsImmutable reports whether no cdr of p's pairs can change after the
// pair is made, so that a pair's list type is fixed: p refers to no
// primitive that changes cdrs (set-cdr!, and every procedure whose name
// ends in ! other than the known ones that change no pair's cdr), none
// that runs code it does not contain, and is neither a REPL input nor
// open (runtime mode).
func listsImmutable(p *Program) bool {
	if p.Session || p.Open {
		return false
	}
	return !anyPrim(p, func(prim *rt.Prim) bool {
		name := prim.Name
		return listMutators[name] || strings.HasSuffix(name, "!") && !cdrSafeMutator(name)
	})
}

// cdrSafeMutator reports whether the mutating primitive name changes no
// pair's cdr.
func cdrSafeMutator(name string) bool {
	if name == "set-car!" || name == "list-set!" || name == "read-bytevector!" {
		return true
	}
	for _, prefix := range []string{"vector-", "string-", "bytevector-", "hash-table-", "f64vector-", "u8vector-"} {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}
