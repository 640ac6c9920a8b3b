package codegen

import (
	"github.com/dave/jennifer/jen"
	"github.com/lambdust/lambdust/analyze"
)

// This file generates the unchecked operations of programs compiled with
// --unsafe or (declare (unsafe)) (analyze.Program.Unsafe):
//
//   - car, cdr, set-car!, set-cdr!, vector-ref, vector-set!,
//     vector-length, string-ref, string-length, char->integer and
//     symbol->string call the rt.*U variants
//     (rt/unsafe.go), which skip the type checks and the error path; Go's
//     bounds checks stay;
//   - procedures do not test the stack alarm (stackCheckKind), so runaway
//     recursion ends in Go's fatal stack overflow instead of the Scheme
//     error "recursion too deep".
//
// Everything else is as in safe code: fixnum arithmetic keeps its overflow
// checks (they are exactness, not safety: an overflow promotes to a
// bignum), calls of unknown procedures check the arity, and the
// interpreter ignores the declaration.

// unsafePrims maps primitives to their unchecked rt function and arity.
var unsafePrims = map[string]struct {
	fn    string
	arity int
}{
	"car": {"CarU", 1}, "cdr": {"CdrU", 1},
	"set-car!": {"SetCarU", 2}, "set-cdr!": {"SetCdrU", 2},
	"vector-ref": {"VectorRefU", 2}, "vector-set!": {"VectorSetU", 3},
	"vector-length": {"VectorLengthU", 1},
	"string-ref":    {"StringRefU", 2}, "string-length": {"StringLengthU", 1},
	"char->integer": {"CharToIntegerU", 1}, "symbol->string": {"SymbolToStringU", 1},
}

// provenPrims maps primitives to their unchecked rt function when the
// types pass proved the argument's type (never only because of --unsafe:
// the argument of length may be circular, that of exact inexact). The
// function "" is the identity.
var provenPrims = map[string]string{
	"length": "LengthU", "exact": "", "inexact->exact": "",
	"inexact": "InexactU", "exact->inexact": "InexactU",
}

// flonumOps are the float64 operations of arithmetic and comparisons of
// two proven flonums.
var flonumOps = map[string]string{
	"+": "+", "-": "-", "*": "*", "/": "/", "=": "==", "<": "<", ">": ">", "<=": "<=", ">=": ">=",
}

// provenPrim returns the code of a primitive whose result or argument
// types the types pass proved (PrimCall.Folded, PrimCall.Proven), or nil.
func (f *fnGen) provenPrim(n *analyze.PrimCall) jen.Code {
	switch {
	case n.Folded != nil:
		return f.expr(n.Folded)
	case !n.Proven:
		return nil
	}
	if op, ok := flonumOps[n.Prim.Name]; ok && len(n.Args) == 2 {
		ab := f.hoistAll(n.Args)
		c := jen.Parens(ab[0]).Dot("Float").Call().Op(op).Parens(ab[1]).Dot("Float").Call()
		if op == "==" || op[0] == '<' || op[0] == '>' {
			return rtq("Bool").Call(c)
		}
		return rtq("Flonum").Call(c)
	}
	if fn, ok := provenPrims[n.Prim.Name]; ok && len(n.Args) == 1 {
		if fn == "" {
			return f.expr(n.Args[0])
		}
		return rtq(fn).Call(f.expr(n.Args[0]))
	}
	return nil
}

// provenTest is provenPrim for a test: a Go bool, or nil.
func (f *fnGen) provenTest(n *analyze.PrimCall) jen.Code {
	switch {
	case n.Folded != nil:
		return jen.Lit(n.Folded.Val.IsTrue())
	case !n.Proven || len(n.Args) != 2:
		return nil
	}
	if op, ok := flonumOps[n.Prim.Name]; ok && (op == "==" || op[0] == '<' || op[0] == '>') {
		ab := f.hoistAll(n.Args)
		return jen.Parens(ab[0]).Dot("Float").Call().Op(op).Parens(ab[1]).Dot("Float").Call()
	}
	return nil
}

// unsafePrim returns the unchecked call of n in an unsafe program, or
// when the types pass proved the argument's type (PrimCall.Proven), or nil.
func (f *fnGen) unsafePrim(n *analyze.PrimCall) jen.Code {
	u, ok := unsafePrims[n.Prim.Name]
	if !(f.g.prog.Unsafe || n.Proven) || !ok || len(n.Args) != u.arity {
		return nil
	}
	return rtq(u.fn).Call(f.exprs(n.Args)...)
}

// unsafeNoStackCheck reports whether procedures skip the stack alarm.
func (g *gen) unsafeNoStackCheck() bool { return g.prog.Unsafe }
