package codegen

import (
	"fmt"
	"math"
	"strconv"

	"github.com/dave/jennifer/jen"
	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// This file emits the unboxed entries of the procedures that analyze's
// fxspec pass specialised (Lambda.Fx, Lambda.FxSig): Go functions over
// int64 (fixnums), float64 (flonums), bool (tests) and []float64
// (f64vectors). For
//
//	(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
//
// it writes
//
//	func fib_int64(n_1 int64) (int64, bool) {
//		if n_1 < 2 {
//			return n_1, true
//		} else {
//			v2, ok2 := fib_int64(n_1 - 1)   // n >= 2: no overflow check
//			...
//			v4, ok4 := rt.AddInt64(v2, v3)
//			if !ok4 {
//				return 0, false
//			}
//			return v4, true
//		}
//	}
//
// and starts the generic entry fib(t, n rt.Value) with a call of it when
// every argument is a fixnum. A false result (overflow, zero divisor) makes
// the generic entry run the ordinary code, which gives the exact answer
// (bignums) or raises the error with its position; rerunning is sound
// because fxspec admits only bodies without effects.
//
// A procedure on flonums, such as fibfp, gets fibfp_unboxed(n_1 float64,
// depth int) (float64, bool) the same way; its flonum operations are
// written so that they give what rt's generic arithmetic gives (see
// flConst, flOperand, flExpr and rt/float64ops.go).

// fxName returns the Go name of lam's unboxed entry: name_int64 when it
// computes on fixnums alone, name_unboxed otherwise.
func (g *gen) fxName(lam *analyze.Lambda) string {
	if g.fxFunc == nil {
		g.fxFunc = map[*analyze.Lambda]string{}
	}
	name, ok := g.fxFunc[lam]
	if !ok {
		name = g.names.fresh(g.knownFunc[lam] + "_" + entryKind(lam.FxSig))
		g.fxFunc[lam] = name
	}
	return name
}

// fxEntry emits lam's unboxed entry, when it has one, and returns the
// statements that start its generic entry by trying it:
//
//	if t.Speculating() && n_1.IsFixnum() {
//		if r, ok := fib_int64(n_1.Int()); ok {
//			return rt.Fixnum(r)
//		}
//		return t.Rerun(func() rt.Value { return fib(t, n_1) })
//	}
//
// (IsFlonum, Float and rt.Flonum for flonum parameters and results,
// rt.Bool for a boolean result.) After a failure the generic code runs
// with speculation off, so the activations it makes do not try (and
// fail) again: without that, a linear recursion that overflows deep
// inside, such as (fact 100000), would retry the int64 entry in every
// generic activation and take quadratic time. loopNames are the Go names
// of parameters renamed by the generic body.
func (g *gen) fxEntry(lam *analyze.Lambda, loopNames map[*analyze.Var]string) []jen.Code {
	if !lam.Fx {
		return nil
	}
	sig := lam.FxSig
	name := g.fxName(lam)
	f := &fnGen{g: g, lam: lam}
	f.push()
	if g.recursive[lam] {
		// The int64 entry has no thread to raise "recursion too deep"
		// with: past a depth whose stack is far below the watchdog's
		// alarm it gives up, and the generic code reruns and checks the
		// stack itself. A depth argument in a register costs less than
		// testing the stack alarm on every call (fib(30): 1.19x of Go
		// with the load, see bench/fibscm).
		f.emit(jen.If(jen.Id(fxDepth).Op(">").Add(rtq("Int64MaxDepth"))).Block(f.fxAbort()))
	}
	if g.selfCalls[lam] {
		f.push()
		f.fxStmt(lam.Body, fxDest{kind: dReturn})
		loop := f.pop()
		f.emit(jen.For().Block(loop...))
	} else {
		f.fxStmt(lam.Body, fxDest{kind: dReturn})
	}
	body := f.pop()
	params := make([]jen.Code, len(lam.Params))
	guard := thread().Dot("Speculating").Call()
	args := make([]jen.Code, len(lam.Params))
	generic := []jen.Code{thread()}
	for i, p := range lam.Params {
		params[i] = jen.Id(g.localName(p)).Add(fxType(sig.Params[i]))
		gn := g.localName(p)
		if alt, ok := loopNames[p]; ok {
			gn = alt
		}
		generic = append(generic, jen.Id(gn))
		switch sig.Params[i] {
		case analyze.FxFlonum:
			args[i] = jen.Id(gn).Dot("Float").Call()
			guard = jen.Add(guard).Op("&&").Id(gn).Dot("IsFlonum").Call()
		case analyze.FxF64Vector:
			args[i] = jen.Id(gn).Dot("F64Vector").Call().Dot("Data").Call()
			guard = jen.Add(guard).Op("&&").Id(gn).Dot("Is").Call(rtq("TF64Vector"))
		default:
			args[i] = jen.Id(gn).Dot("Int").Call()
			guard = jen.Add(guard).Op("&&").Id(gn).Dot("IsFixnum").Call()
		}
	}
	if g.recursive[lam] {
		params = append(params, jen.Id(fxDepth).Int())
		args = append(args, jen.Lit(0))
	}
	wrap := map[analyze.FxKind]string{analyze.FxFixnum: "Fixnum", analyze.FxFlonum: "Flonum", analyze.FxBool: "Bool"}[sig.Result]
	what := "an overflow, a zero divisor"
	if !sig.IntOnly() {
		what = "a failed check"
	}
	g.funcs = append(g.funcs,
		jen.Comment(fmt.Sprintf("%s is the %s entry of %s: false (%s, too deep a recursion) sends the caller to the generic code.", name, entryKind(sig), g.knownFunc[lam], what)).Line().
			Func().Id(name).Params(params...).Parens(jen.List(fxType(sig.Result), jen.Bool())).Block(body...))
	return []jen.Code{
		// Not a .scm position: backtraces leave out the frames of the
		// speculation (the rerun's own frames carry the real lines).
		jen.Comment("//line " + specFile + ":1"),
		jen.If(guard).Block(
			jen.If(jen.List(jen.Id("r"), jen.Id("ok")).Op(":=").Id(name).Call(args...), jen.Id("ok")).Block(
				jen.Return(rtq(wrap).Call(jen.Id("r"))),
			),
			jen.Return(thread().Dot("Rerun").Call(
				jen.Func().Params().Add(valueType()).Block(jen.Return(jen.Id(g.knownFunc[lam]).Call(generic...))))),
		),
	}
}

// entryKind names an unboxed entry in comments: int64 when it computes on
// fixnums alone.
func entryKind(sig *analyze.FxSig) string {
	if sig.IntOnly() {
		return "int64"
	}
	return "unboxed"
}

// fxType is the Go type of values of kind k.
func fxType(k analyze.FxKind) jen.Code {
	switch k {
	case analyze.FxFlonum:
		return jen.Float64()
	case analyze.FxBool:
		return jen.Bool()
	case analyze.FxF64Vector:
		return jen.Index().Float64()
	}
	return jen.Int64()
}

// kindOf is the kind fxspec gave n, an expression of f's unboxed entry.
func (f *fnGen) kindOf(n analyze.Node) analyze.FxKind { return f.lam.FxSig.Kinds[n] }

// fxAbort is the statement that gives up the unboxed entry.
func (f *fnGen) fxAbort() jen.Code {
	if f.lam.FxSig.Result == analyze.FxBool {
		return jen.Return(jen.False(), jen.False())
	}
	return jen.Return(jen.Lit(0), jen.False())
}

// fxDepth is the recursion depth parameter of the unboxed entries of
// recursive procedures.
const fxDepth = "depth"

// specFile is the file name of the //line directive on the speculation code
// of a generic entry; rt's backtraces show only frames in .scm files.
const specFile = "lambdust-speculation"

// fxDest is where fxStmt delivers a value: returned with ok, or assigned
// to name. Inside a named let (loop set), a delivery to name ends with
// `break brk` (the loop is left), and tail calls of the loop are `continue`.
type fxDest struct {
	kind destKind
	name string
	brk  *fxLoop // the loop to leave after assigning, or nil
	loop *fxLoop // the innermost named let being generated
}

type fxLoop struct {
	v      *analyze.Var
	lam    *analyze.Lambda
	label  string
	used   bool    // a break or continue names the label
	parent *fxLoop // the enclosing named let, or nil
}

// fxStmt emits statements that evaluate the expression n (of any kind) and
// deliver it to d.
func (f *fnGen) fxStmt(n analyze.Node, d fxDest) {
	switch n := n.(type) {
	case *analyze.If:
		f.line(n.P)
		cond := f.fxTest(n.Test)
		saved := *f.cur()
		then := f.blockOf2(func() { f.fxStmt(n.Then, d) })
		els := f.blockOf2(func() { f.fxStmt(n.Else, d) })
		f.cur().lastLine, f.cur().lastFile = saved.lastLine, saved.lastFile
		f.line(n.P)
		f.emit(jen.If(cond).Block(then...).Else().Block(els...))
		f.cur().lastLine = -1
	case *analyze.Seq:
		f.fxStmt(n.Exprs[len(n.Exprs)-1], d)
	case *analyze.Let:
		f.fxBind(n)
		f.fxStmt(n.Body, d)
	case *analyze.Letrec:
		f.fxLoop(n, d)
	case *analyze.Call:
		if ref, ok := n.Fn.(*analyze.Ref); ok {
			// A tail call of this named let or of an enclosing one
			// (fxspec checked that it is in tail position of that one).
			for l := d.loop; l != nil; l = l.parent {
				if ref.Var == l.v {
					l.used = true
					f.fxJump(n, l.lam.Params, jen.Continue().Id(l.label))
					return
				}
			}
		}
		if d.kind == dReturn && d.loop == nil && f.g.isSelfCall(f.lam, n.Fn) {
			f.fxJump(n, f.lam.Params, jen.Continue())
			return
		}
		f.fxDeliver(n, d, f.fxValue(n))
	default:
		f.fxDeliver(n, d, f.fxValue(n))
	}
}

// fxJump emits the tail call n of a loop: the parameters get the
// arguments' values at once, then jump goes round the loop again.
func (f *fnGen) fxJump(n *analyze.Call, params []*analyze.Var, jump jen.Code) {
	var lhs, args []jen.Code
	for i, a := range n.Args {
		e := f.fxExpr(a)
		if isIdent(e, f.g.localName(params[i])) {
			continue // unchanged (and vet rejects x = x)
		}
		lhs = append(lhs, jen.Id(f.g.localName(params[i])))
		args = append(args, e)
	}
	f.line(n.P)
	if len(lhs) > 0 {
		f.emit(jen.List(lhs...).Op("=").List(args...))
	}
	f.emit(jump)
}

// fxLoop emits a named let that fxspec admitted (a letrec of one procedure
// whose body calls it, and which calls itself only in tail position) as a
// labelled Go for loop over its int64 and float64 parameters.
func (f *fnGen) fxLoop(n *analyze.Letrec, d fxDest) {
	lam := n.Inits[0].(*analyze.Lambda)
	call := n.Body.(*analyze.Call)
	vals := make([]jen.Code, len(call.Args))
	for i, a := range call.Args {
		vals[i] = f.fxHoist(a)
	}
	for i, v := range lam.Params {
		f.fxDeclare(v, call.P, vals[i])
	}
	f.tmps++
	label := fmt.Sprintf("loop%d", f.tmps)
	loop := &fxLoop{v: n.Vars[0], lam: lam, label: label, parent: d.loop}
	inner := fxDest{kind: d.kind, name: d.name, loop: loop}
	if d.kind == dAssign {
		inner.brk = loop
	}
	body := f.blockOf2(func() { f.fxStmt(lam.Body, inner) })
	f.line(n.P)
	if loop.used {
		f.emit(jen.Id(label).Op(":").For().Block(body...))
	} else {
		f.emit(jen.For().Block(body...))
	}
	if d.brk != nil {
		// The loop was in tail position of an enclosing one: leave it too.
		d.brk.used = true
		f.emit(jen.Break().Id(d.brk.label))
	}
	f.cur().lastLine = -1
}

func (f *fnGen) fxDeliver(n analyze.Node, d fxDest, e jen.Code) {
	f.line(n.Pos())
	if d.kind == dReturn {
		f.emit(jen.Return(e, jen.True()))
		return
	}
	f.emit(jen.Id(d.name).Op("=").Add(e))
	if d.brk != nil {
		d.brk.used = true
		f.emit(jen.Break().Id(d.brk.label))
	}
}

// fxValue returns a Go expression for n of its kind: a bool for a test,
// an int64 or a float64 for a number.
func (f *fnGen) fxValue(n analyze.Node) jen.Code {
	if f.kindOf(n) == analyze.FxBool {
		return f.fxTest(n)
	}
	return f.fxExpr(n)
}

// blockOf2 runs gen into a fresh block and returns its statements.
func (f *fnGen) blockOf2(gen func()) []jen.Code {
	f.push()
	gen()
	return f.pop()
}

func (f *fnGen) fxBind(n *analyze.Let) {
	vals := make([]jen.Code, len(n.Vars))
	for i, init := range n.Inits {
		if f.kindOf(init) == analyze.FxBool {
			vals[i] = f.fxTest(init)
			continue
		}
		vals[i] = f.fxHoist(init)
	}
	for i, v := range n.Vars {
		f.fxDeclare(v, n.P, vals[i])
	}
}

// fxDeclare declares the variable v with its Go type (typed: a constant
// initial value would make an int64 variable an int).
func (f *fnGen) fxDeclare(v *analyze.Var, pos parse.Pos, val jen.Code) {
	name := f.g.localName(v)
	f.line(pos)
	f.emit(jen.Var().Id(name).Add(fxType(f.lam.FxSig.Vars[v])).Op("=").Add(val))
	if f.g.reads[v] == 0 {
		f.emit(jen.Id("_").Op("=").Id(name))
	}
}

// fxHoist returns a number expression for n that may be evaluated twice.
func (f *fnGen) fxHoist(n analyze.Node) jen.Code {
	e := f.fxExpr(n)
	switch n := n.(type) {
	case *analyze.Const, *analyze.Ref, *analyze.Call, *analyze.GlobalRef:
		return e // a literal, a variable, or fxChecked's temporary
	case *analyze.PrimCall:
		if f.kindOf(n) == analyze.FxFlonum {
			if n.Prim.Name == "sqrt" || n.Prim.Name == "f64vector-ref" {
				return e // fxChecked's temporary
			}
			break
		}
		if !n.NoOverflow && fxOps[n.Prim.Name][1] != "" {
			return e
		}
	}
	tmp := f.temp()
	f.emit(jen.Var().Id(tmp).Add(fxType(f.kindOf(n))).Op("=").Add(e))
	return jen.Id(tmp)
}

// fxChecked emits `v, ok := call; if !ok { return 0, false }` and returns v.
func (f *fnGen) fxChecked(call jen.Code) jen.Code {
	f.tmps++
	v, ok := fmt.Sprintf("v%d", f.tmps), fmt.Sprintf("ok%d", f.tmps)
	f.emit(jen.List(jen.Id(v), jen.Id(ok)).Op(":=").Add(call))
	f.emit(jen.If(jen.Op("!").Id(ok)).Block(f.fxAbort()))
	return jen.Id(v)
}

var fxOps = map[string][2]string{
	"+": {"+", "AddInt64"}, "-": {"-", "SubInt64"}, "*": {"*", "MulInt64"},
	"quotient": {"", "QuoInt64"}, "remainder": {"", "RemInt64"}, "modulo": {"", "ModInt64"},
}

// constOf returns the constant value of n, a literal or a global fxspec
// reads as a constant.
func (f *fnGen) constOf(n analyze.Node) (rt.Value, bool) {
	switch n := n.(type) {
	case *analyze.Const:
		return n.Val, true
	case *analyze.GlobalRef:
		v, ok := f.lam.FxSig.Consts[n]
		return v, ok
	}
	return rt.Value{}, false
}

// fxExpr returns an int64 or float64 Go expression for the number
// expression n.
func (f *fnGen) fxExpr(n analyze.Node) jen.Code {
	if v, ok := f.constOf(n); ok {
		if v.IsFlonum() {
			return f.flConst(v.Float())
		}
		x := v.Int()
		if x < 0 {
			return jen.Parens(jen.Op(strconv.FormatInt(x, 10)))
		}
		return jen.Op(strconv.FormatInt(x, 10))
	}
	switch n := n.(type) {
	case *analyze.Ref:
		return jen.Id(f.g.localName(n.Var))
	case *analyze.PrimCall:
		if f.kindOf(n) == analyze.FxFlonum {
			return f.flExpr(n)
		}
		name := n.Prim.Name
		if name == "f64vector-length" {
			return jen.Int64().Call(jen.Len(f.fxHoist(n.Args[0])))
		}
		if name == "-" && len(n.Args) == 1 {
			a := f.fxHoist(n.Args[0])
			if n.NoOverflow {
				return jen.Parens(jen.Op("-").Add(a))
			}
			f.line(n.P)
			return f.fxChecked(rtq("NegInt64").Call(a))
		}
		op := fxOps[name]
		a, b := f.fxHoist(n.Args[0]), f.fxHoist(n.Args[1])
		if n.NoOverflow && op[0] != "" {
			return jen.Parens(jen.Add(a).Op(op[0]).Add(b))
		}
		f.line(n.P)
		return f.fxChecked(rtq(op[1]).Call(a, b))
	case *analyze.Call:
		lam := n.Fn.(*analyze.GlobalRef).G.Known
		args := make([]jen.Code, len(n.Args))
		for i, a := range n.Args {
			args[i] = f.fxHoist(a)
		}
		if f.g.recursive[lam] {
			if f.g.recursive[f.lam] {
				args = append(args, jen.Id(fxDepth).Op("+").Lit(1))
			} else {
				args = append(args, jen.Lit(0))
			}
		}
		f.line(n.P)
		return f.fxChecked(jen.Id(f.g.fxName(lam)).Call(args...))
	case *analyze.Seq:
		return f.fxExpr(n.Exprs[len(n.Exprs)-1])
	case *analyze.Let:
		f.fxBind(n)
		return f.fxExpr(n.Body)
	}
	// if, a named let: through a temporary.
	tmp := f.temp()
	f.emit(jen.Var().Id(tmp).Add(fxType(f.kindOf(n))))
	f.fxStmt(n, fxDest{kind: dAssign, name: tmp})
	return jen.Id(tmp)
}

// flConst returns a float64 variable holding x. Go evaluates constant
// expressions exactly, not in float64 arithmetic, and rejects a division
// by a constant zero, so flonum constants are never Go constants in
// arithmetic; the compiler still propagates the variable's value, with
// float64 semantics.
func (f *fnGen) flConst(x float64) jen.Code {
	var lit jen.Code
	switch {
	case math.IsNaN(x):
		lit = jen.Qual("math", "NaN").Call()
	case math.IsInf(x, 1):
		lit = jen.Qual("math", "Inf").Call(jen.Lit(1))
	case math.IsInf(x, -1):
		lit = jen.Qual("math", "Inf").Call(jen.Lit(-1))
	case x == 0 && math.Signbit(x):
		lit = jen.Qual("math", "Copysign").Call(jen.Lit(0), jen.Lit(-1))
	default:
		lit = jen.Op(strconv.FormatFloat(x, 'g', -1, 64))
	}
	tmp := f.temp()
	f.emit(jen.Var().Id(tmp).Float64().Op("=").Add(lit))
	return jen.Id(tmp)
}

// flOperand returns a float64 expression for the number expression n,
// converting a fixnum as rt.ToFloat does.
func (f *fnGen) flOperand(n analyze.Node) jen.Code {
	if v, ok := f.constOf(n); ok && v.IsFixnum() {
		return f.flConst(float64(v.Int()))
	}
	e := f.fxHoist(n)
	if f.kindOf(n) == analyze.FxFixnum {
		return jen.Float64().Call(e)
	}
	return e
}

// flMath maps the flonum functions of one argument to package math.
var flMath = map[string]string{
	"abs": "Abs", "floor": "Floor", "ceiling": "Ceil", "round": "RoundToEven", "truncate": "Trunc",
	"exp": "Exp", "sin": "Sin", "cos": "Cos", "tan": "Tan", "atan": "Atan",
}

// flExpr returns a float64 expression for the flonum operation n. Each
// arithmetic result is converted to float64 explicitly, which forbids Go
// to fuse a multiplication and an addition (as it may on arm64): the
// generic code rounds every operation.
func (f *fnGen) flExpr(n *analyze.PrimCall) jen.Code {
	name := n.Prim.Name
	if name == "f64vector-ref" {
		d, k := f.fxHoist(n.Args[0]), f.fxHoist(n.Args[1])
		f.line(n.P)
		return f.fxChecked(rtq("F64VectorRefFloat64").Call(d, k))
	}
	if len(n.Args) == 1 {
		switch name {
		case "inexact", "exact->inexact":
			return f.flOperand(n.Args[0])
		}
		a := f.fxHoist(n.Args[0])
		switch name {
		case "-":
			return jen.Parens(jen.Op("-").Add(a))
		case "square":
			return jen.Float64().Call(jen.Add(a).Op("*").Add(a))
		case "sqrt":
			f.line(n.P)
			return f.fxChecked(rtq("SqrtFloat64").Call(a))
		}
		return jen.Qual("math", flMath[name]).Call(a)
	}
	e := f.flOperand(n.Args[0])
	for _, a := range n.Args[1:] {
		e = jen.Float64().Call(jen.Add(e).Op(name).Add(f.flOperand(a)))
	}
	return e
}

var fxCompare = map[string]string{"<": "<", "<=": "<=", ">": ">", ">=": ">=", "=": "==", "eqv?": "==", "equal?": "=="}

// mixedCompare names rt's exact comparisons of a fixnum with a flonum, and
// the one that compares them the other way round.
var mixedCompare = map[string][2]string{
	"<": {"LtIntFloat64", "GtIntFloat64"}, "<=": {"LeIntFloat64", "GeIntFloat64"},
	">": {"GtIntFloat64", "LtIntFloat64"}, ">=": {"GeIntFloat64", "LeIntFloat64"},
	"=": {"EqIntFloat64", "EqIntFloat64"},
}

// fxTest returns a Go bool expression for the boolean expression n.
func (f *fnGen) fxTest(n analyze.Node) jen.Code {
	if v, ok := f.constOf(n); ok {
		return jen.Lit(v.IsTrue())
	}
	switch n := n.(type) {
	case *analyze.Ref:
		return jen.Id(f.g.localName(n.Var))
	case *analyze.Call:
		return f.fxExpr(n)
	case *analyze.PrimCall:
		name := n.Prim.Name
		if name == "not" {
			return jen.Op("!").Parens(f.fxTest(n.Args[0]))
		}
		if op, ok := fxCompare[name]; ok {
			ka, kb := f.kindOf(n.Args[0]), f.kindOf(n.Args[1])
			a, b := f.fxHoist(n.Args[0]), f.fxHoist(n.Args[1])
			switch {
			case ka == analyze.FxFixnum && kb == analyze.FxFlonum:
				return rtq(mixedCompare[name][0]).Call(a, b)
			case ka == analyze.FxFlonum && kb == analyze.FxFixnum:
				return rtq(mixedCompare[name][1]).Call(b, a)
			}
			return jen.Parens(jen.Add(a).Op(op).Add(b))
		}
		a := f.fxHoist(n.Args[0])
		switch name {
		case "zero?":
			return jen.Parens(jen.Add(a).Op("==").Lit(0))
		case "positive?":
			return jen.Parens(jen.Add(a).Op(">").Lit(0))
		case "negative?":
			return jen.Parens(jen.Add(a).Op("<").Lit(0))
		case "even?":
			return jen.Parens(jen.Add(a).Op("&").Lit(1).Op("==").Lit(0))
		case "odd?":
			return jen.Parens(jen.Add(a).Op("&").Lit(1).Op("!=").Lit(0))
		case "nan?":
			return jen.Qual("math", "IsNaN").Call(a)
		case "infinite?":
			return jen.Qual("math", "IsInf").Call(a, jen.Lit(0))
		case "finite?":
			return rtq("FiniteFloat64").Call(a)
		case "integer?":
			return rtq("IntegerFloat64").Call(a)
		}
	case *analyze.Seq:
		return f.fxTest(n.Exprs[len(n.Exprs)-1])
	case *analyze.Let:
		f.fxBind(n)
		return f.fxTest(n.Body)
	case *analyze.If:
		tmp := f.temp()
		f.emit(jen.Var().Id(tmp).Bool())
		cond := f.fxTest(n.Test)
		then := f.blockOf2(func() { f.emit(jen.Id(tmp).Op("=").Add(f.fxTest(n.Then))) })
		els := f.blockOf2(func() { f.emit(jen.Id(tmp).Op("=").Add(f.fxTest(n.Else))) })
		f.emit(jen.If(cond).Block(then...).Else().Block(els...))
		return jen.Id(tmp)
	case *analyze.Letrec:
		tmp := f.temp()
		f.emit(jen.Var().Id(tmp).Bool())
		f.fxStmt(n, fxDest{kind: dAssign, name: tmp})
		return jen.Id(tmp)
	}
	panic(fmt.Sprintf("fxTest: %T is not a test (fxspec admitted it)", n))
}

// isIdent reports whether the Go expression e is just the identifier name,
// as it is for an argument passed on unchanged to a loop, directly or as
// the value of a let body: assigning it to itself would be flagged by vet.
func isIdent(e jen.Code, name string) bool {
	s, ok := e.(fmt.GoStringer)
	return ok && s.GoString() == name
}
