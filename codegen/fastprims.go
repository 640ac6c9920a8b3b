package codegen

import (
	"fmt"

	"github.com/dave/jennifer/jen"
	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/rt"
)

// checkedFast lists primitives with an inline fast path in rt/fastpaths.go:
// the Fx function and the number of arguments it takes.
var checkedFast = map[string]struct {
	fast string
	n    int
}{
	"vector-ref": {"VectorRefFx", 2}, "vector-set!": {"VectorSetFx", 3},
	"string-ref": {"StringRefFx", 2},
	"set-car!":   {"SetCarFx", 2}, "set-cdr!": {"SetCdrFx", 2},
	"quotient": {"QuotientFx", 2}, "remainder": {"RemainderFx", 2}, "modulo": {"ModuloFx", 2},
	"even?": {"EvenFx", 1}, "odd?": {"OddFx", 1}, "zero?": {"ZeroFx", 1},
	"positive?": {"PositiveFx", 1}, "negative?": {"NegativeFx", 1},
	"%record-ref": {"RecordRefFx", 3}, "%record-set!": {"RecordSetFx", 4}, "%record-is?": {"RecordIsFx", 2},
}

// fastPrim returns inline code for a primitive call that has some, or nil.
func (f *fnGen) fastPrim(n *analyze.PrimCall) jen.Code {
	if c := f.callEC(n); c != nil {
		return c
	}
	if c := f.listCall(n); c != nil {
		return c
	}
	if c := f.memberConst(n); c != nil {
		return c
	}
	return f.checkedFastPath(n)
}

// memberConst compiles (memv x '(a b c)), memq and member of a literal
// proper list whose elements are all immediates (fixnums, characters,
// booleans, symbols, the empty list; not flonums, where eqv? and equal?
// differ from bit identity) to rt.MemqU: one comparison per element, no
// cycle check and no generic equivalence. For such elements eq?, eqv?
// and equal? agree.
func (f *fnGen) memberConst(n *analyze.PrimCall) jen.Code {
	switch name := n.Prim.Name; {
	case name != "memq" && name != "memv" && name != "member", len(n.Args) != 2:
		return nil
	}
	c, ok := n.Args[1].(*analyze.Const)
	if !ok || !c.Val.IsPair() || !rt.ListP(nil, c.Val).IsTrue() {
		return nil
	}
	for l := c.Val; l.IsPair(); l = l.Pair().Cdr {
		if e := l.Pair().Car; !(e.IsFixnum() || e.IsChar() || e.IsBool() || e.IsSymbol() || e.IsNull()) {
			return nil
		}
	}
	args := f.exprs(n.Args)
	return rtq("MemqU").Call(args[0], args[1])
}

// callEC compiles (%call/ec (lambda (k) body)) to rt's CallECFunc with
// the receiver as a Go function literal: no procedure is made for it, and
// the literal, which CallECFunc only calls, stays on the stack.
func (f *fnGen) callEC(n *analyze.PrimCall) jen.Code {
	if n.Prim.Name != "%call/ec" || len(n.Args) != 1 {
		return nil
	}
	lam, ok := n.Args[0].(*analyze.Lambda)
	if !ok || lam.Rest != nil || len(lam.Params) != 1 {
		return nil
	}
	stmts, loopNames := f.g.body(lam)
	fn := jen.Func().Params(f.g.params(lam, loopNames)...).Add(valueType()).Block(stmts...)
	return thread().Dot("CallECFunc").Call(fn)
}

// listCall builds (list a b c) as rt.Cons(a, rt.Cons(b, rt.Cons(c, rt.Null)))
// rather than through ListV's argument slice. Go evaluates the calls among
// the arguments left to right, as it does in the slice literal.
func (f *fnGen) listCall(n *analyze.PrimCall) jen.Code {
	if n.Prim.Name != "list" || len(n.Args) == 0 || len(n.Args) > 8 {
		return nil
	}
	args := f.exprs(n.Args)
	l := rtq("Null")
	for i := len(args) - 1; i >= 0; i-- {
		l = rtq("Cons").Call(args[i], l)
	}
	return l
}

// checkedFastPath emits a primitive call with an inline fast path,
//
//	v, ok := rt.VectorRefFx(a, b)
//	if !ok {
//		v = rt.VectorRef(t, a, t.L(&locs[k], b))
//	}
//
// and returns v, or returns nil when n has none. The full primitive runs
// for the other types and reports errors at the call site.
func (f *fnGen) checkedFastPath(n *analyze.PrimCall) jen.Code {
	spec, ok := checkedFast[n.Prim.Name]
	goName := n.Prim.GoName()
	if !ok || len(n.Args) != spec.n || goName == "" || n.Prim.Variadic() || n.Prim.Req != spec.n {
		return nil
	}
	args := f.hoistAll(n.Args)
	full := pin(n.P).Add(qualified(goName).Call(append([]jen.Code{thread()}, f.withLoc(n.P, args)...)...))
	f.tmps++
	v, okName := fmt.Sprintf("v%d", f.tmps), fmt.Sprintf("ok%d", f.tmps)
	f.line(n.P)
	f.emit(jen.List(jen.Id(v), jen.Id(okName)).Op(":=").Add(rtq(spec.fast).Call(args...)))
	f.emit(jen.If(jen.Op("!").Id(okName)).Block(jen.Id(v).Op("=").Add(full)))
	return jen.Id(v)
}
