package analyze

import "github.com/lambdust/lambdust/rt"

// This file defines the types pass: flow-sensitive inference of the
// non-numeric types of immutable local variables (fxspec.go infers the
// numeric ones), so that checks of proven types disappear.
//
// A variable that is never set! keeps the type its value had when it was
// bound, and every check that succeeded on it still holds wherever the
// check dominates. The pass walks each body in evaluation order with the
// facts known so far: a binding to a constructor's result ((cons ...),
// (list x ...), (make-vector ...), (string-ref ...), a literal, a lambda),
// the branches of (if (pair? x) ...) and (if (not (pair? x)) ...), and
// every type-checking primitive that has already run on the variable (after
// (car x) returns, x is a pair). Facts flow into lambdas created where
// they hold (the variable cannot change) and out of an if only when both
// branches establish them.
//
// A primitive whose argument type is thus proven gets PrimCall.Proven and
// the code generator drops its check (the unchecked rt.CarU ... of
// --unsafe): car, cdr, set-car!, set-cdr!, vector-length, string-length,
// char->integer and symbol->string. Characters come from string-ref,
// integer->char, the case mappings and literals, symbols from
// string->symbol and literals, and both from char? and symbol? tests and
// the character primitives that have run on the variable.
//
// Requires: varinfo (Var.Assigned). Guarantees: Proven is set only where
// the checked argument is a variable proven to have the checked type on
// every path to the call.

type valueKind uint8

const (
	kindUnknown valueKind = iota
	kindPair
	kindVector
	kindString
	kindProcedure
	kindChar
	kindSymbol
)

var kindNames = [...]string{"", "pair", "vector", "string", "procedure", "char", "symbol"}

// checkedArg gives, for primitives that check their first argument's type,
// the type they check and whether the check can be dropped when proven.
var checkedArg = map[string]struct {
	kind valueKind
	drop bool
}{
	"car": {kindPair, true}, "cdr": {kindPair, true}, "set-car!": {kindPair, true}, "set-cdr!": {kindPair, true},
	"vector-length": {kindVector, true}, "string-length": {kindString, true},
	"vector-ref": {kindVector, false}, "vector-set!": {kindVector, false},
	"string-ref": {kindString, false}, "string-set!": {kindString, false},
	"char->integer": {kindChar, true}, "symbol->string": {kindSymbol, true},
	"char-upcase": {kindChar, false}, "char-downcase": {kindChar, false}, "char-foldcase": {kindChar, false},
	"char-alphabetic?": {kindChar, false}, "char-numeric?": {kindChar, false},
	"char-whitespace?": {kindChar, false}, "char-upper-case?": {kindChar, false},
	"char-lower-case?": {kindChar, false}, "digit-value": {kindChar, false},
}

// predicateKind gives the type a predicate tests.
var predicateKind = map[string]valueKind{
	"pair?": kindPair, "vector?": kindVector, "string?": kindString, "procedure?": kindProcedure,
	"char?": kindChar, "symbol?": kindSymbol,
}

// constructorKind gives the type of a primitive's result, when fixed.
var constructorKind = map[string]valueKind{
	"cons": kindPair, "cons*": kindPair, "make-vector": kindVector, "vector": kindVector,
	"vector-copy": kindVector, "make-string": kindString, "string": kindString,
	"substring": kindString, "string-append": kindString, "string-copy": kindString,
	"string-ref": kindChar, "integer->char": kindChar, "char-upcase": kindChar,
	"char-downcase": kindChar, "char-foldcase": kindChar, "string->symbol": kindSymbol,
	"symbol->string": kindString, "number->string": kindString, "list->string": kindString,
	"string-upcase": kindString, "string-downcase": kindString, "string-foldcase": kindString,
}

type typeFacts map[*Var]valueKind

func (f typeFacts) copy() typeFacts {
	c := make(typeFacts, len(f))
	for k, v := range f {
		c[k] = v
	}
	return c
}

// Types is the types pass.
func Types(p *Program) error {
	tp := &typer{p: p}
	for _, n := range p.Body {
		tp.walk(n, typeFacts{})
	}
	return nil
}

type typer struct{ p *Program }

func (tp *typer) walk(n Node, env typeFacts) {
	switch n := n.(type) {
	case *If:
		tp.walk(n.Test, env)
		thenEnv, elseEnv := env.copy(), env.copy()
		testFacts(n.Test, thenEnv, elseEnv)
		tp.walk(n.Then, thenEnv)
		tp.walk(n.Else, elseEnv)
		for v, k := range thenEnv {
			if elseEnv[v] == k {
				env[v] = k
			}
		}
	case *Lambda:
		tp.walk(n.Body, env.copy())
	case *Let:
		for i, init := range n.Inits {
			tp.walk(init, env)
			if k := kindOf(init, env); k != kindUnknown && !n.Vars[i].Assigned {
				env[n.Vars[i]] = k
			}
		}
		tp.walk(n.Body, env)
	case *Letrec:
		for i, init := range n.Inits {
			if _, ok := init.(*Lambda); ok && !n.Vars[i].Assigned {
				env[n.Vars[i]] = kindProcedure
			}
		}
		for _, init := range n.Inits {
			tp.walk(init, env)
		}
		tp.walk(n.Body, env)
	case *PrimCall:
		for _, a := range n.Args {
			tp.walk(a, env)
		}
		c, ok := checkedArg[n.Prim.Name]
		if !ok || len(n.Args) == 0 || n.Prim.Req > len(n.Args) || (n.Prim.Max >= 0 && n.Prim.Max < len(n.Args)) {
			return
		}
		r, ok := n.Args[0].(*Ref)
		if !ok || r.Var.Assigned {
			// An argument made by a constructor of the checked type:
			// (char->integer (string-ref s i)).
			if pc, isPrim := n.Args[0].(*PrimCall); isPrim && c.drop && !n.Proven && kindOf(pc, env) == c.kind {
				n.Proven = true
				tp.p.note(n.P, "%s: argument is a %s (made by %s), type check dropped", n.Prim.Name, kindNames[c.kind], pc.Prim.Name)
			}
			return
		}
		if env[r.Var] == c.kind {
			if c.drop && !n.Proven {
				n.Proven = true
				tp.p.note(n.P, "%s: %s proven a %s, type check dropped", n.Prim.Name, r.Var.Name, kindNames[c.kind])
			}
			return
		}
		env[r.Var] = c.kind // the check passed if evaluation goes on
	default:
		for _, c := range Children(n) {
			tp.walk(c, env)
		}
	}
}

// kindOf returns the type of n's value when it is fixed.
func kindOf(n Node, env typeFacts) valueKind {
	switch n := n.(type) {
	case *Const:
		switch {
		case n.Val.IsPair():
			return kindPair
		case n.Val.IsVector():
			return kindVector
		case n.Val.IsString():
			return kindString
		case n.Val.IsChar():
			return kindChar
		case n.Val.IsSymbol():
			return kindSymbol
		}
	case *Ref:
		if !n.Var.Assigned {
			return env[n.Var]
		}
	case *Lambda:
		return kindProcedure
	case *PrimCall:
		if n.Prim.Name == "list" && len(n.Args) > 0 {
			return kindPair
		}
		if k, ok := constructorKind[n.Prim.Name]; ok && (n.Prim.Name != "cons*" || len(n.Args) > 1) {
			return k
		}
	}
	return kindUnknown
}

// testFacts adds to thenEnv and elseEnv what test being true or false
// proves.
func testFacts(test Node, thenEnv, elseEnv typeFacts) {
	pc, ok := test.(*PrimCall)
	if !ok || len(pc.Args) != 1 {
		return
	}
	if pc.Prim == rt.LookupPrim("not") {
		testFacts(pc.Args[0], elseEnv, thenEnv)
		return
	}
	k, ok := predicateKind[pc.Prim.Name]
	if !ok {
		return
	}
	if r, ok := pc.Args[0].(*Ref); ok && !r.Var.Assigned {
		thenEnv[r.Var] = k
	}
}
