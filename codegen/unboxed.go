package codegen

import (
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"
	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/parse"
)

// This file emits the int64 entries of the procedures that analyze's fxspec
// pass proved fixnum-only (Lambda.Fx). For
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

// fxName returns the Go name of lam's int64 entry.
func (g *gen) fxName(lam *analyze.Lambda) string {
	if g.fxFunc == nil {
		g.fxFunc = map[*analyze.Lambda]string{}
	}
	name, ok := g.fxFunc[lam]
	if !ok {
		name = g.names.fresh(g.knownFunc[lam] + "_int64")
		g.fxFunc[lam] = name
	}
	return name
}

// fxEntry emits lam's int64 entry, when it has one, and returns the
// statements that start its generic entry by trying it:
//
//	if t.Speculating() && n_1.IsFixnum() {
//		if r, ok := fib_int64(n_1.Int()); ok {
//			return rt.Fixnum(r)
//		}
//		return t.Rerun(func() rt.Value { return fib(t, n_1) })
//	}
//
// After a failure the generic code runs with speculation off, so the
// activations it makes do not try (and fail) again: without that, a linear
// recursion that overflows deep inside, such as (fact 100000), would retry
// the int64 entry in every generic activation and take quadratic time.
// loopNames are the Go names of parameters renamed by the generic body.
func (g *gen) fxEntry(lam *analyze.Lambda, loopNames map[*analyze.Var]string) []jen.Code {
	if !lam.Fx {
		return nil
	}
	name := g.fxName(lam)
	g.fxFindBools(lam.Body)
	f := &fnGen{g: g, lam: lam}
	f.push()
	if g.recursive[lam] {
		// The int64 entry has no thread to raise "recursion too deep"
		// with: past a depth whose stack is far below the watchdog's
		// alarm it gives up, and the generic code reruns and checks the
		// stack itself. A depth argument in a register costs less than
		// testing the stack alarm on every call (fib(30): 1.19x of Go
		// with the load, see bench/fibscm).
		f.emit(jen.If(jen.Id(fxDepth).Op(">").Add(rtq("Int64MaxDepth"))).Block(fxAbort))
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
		params[i] = jen.Id(g.localName(p)).Int64()
		gn := g.localName(p)
		if alt, ok := loopNames[p]; ok {
			gn = alt
		}
		args[i] = jen.Id(gn).Dot("Int").Call()
		generic = append(generic, jen.Id(gn))
		guard = jen.Add(guard).Op("&&").Id(gn).Dot("IsFixnum").Call()
	}
	if g.recursive[lam] {
		params = append(params, jen.Id(fxDepth).Int())
		args = append(args, jen.Lit(0))
	}
	g.funcs = append(g.funcs,
		jen.Comment(fmt.Sprintf("%s is the int64 entry of %s: false (an overflow, a zero divisor, too deep a recursion) sends the caller to the generic code.", name, g.knownFunc[lam])).Line().
			Func().Id(name).Params(params...).Parens(jen.List(jen.Int64(), jen.Bool())).Block(body...))
	return []jen.Code{
		// Not a .scm position: backtraces leave out the frames of the
		// speculation (the rerun's own frames carry the real lines).
		jen.Comment("//line " + specFile + ":1"),
		jen.If(guard).Block(
			jen.If(jen.List(jen.Id("r"), jen.Id("ok")).Op(":=").Id(name).Call(args...), jen.Id("ok")).Block(
				jen.Return(rtq("Fixnum").Call(jen.Id("r"))),
			),
			jen.Return(thread().Dot("Rerun").Call(
				jen.Func().Params().Add(valueType()).Block(jen.Return(jen.Id(g.knownFunc[lam]).Call(generic...))))),
		),
	}
}

// fxDepth is the recursion depth parameter of the int64 entries of
// recursive procedures.
const fxDepth = "depth"

// specFile is the file name of the //line directive on the speculation code
// of a generic entry; rt's backtraces show only frames in .scm files.
const specFile = "lambdust-speculation"

var fxAbort = jen.Return(jen.Lit(0), jen.False())

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
	v     *analyze.Var
	lam   *analyze.Lambda
	label string
	used  bool // a break or continue names the label
}

// fxStmt emits statements that evaluate the fixnum expression n and deliver
// it to d.
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
		if ref, ok := n.Fn.(*analyze.Ref); ok && d.loop != nil && ref.Var == d.loop.v {
			d.loop.used = true
			f.fxJump(n, d.loop.lam.Params, jen.Continue().Id(d.loop.label))
			return
		}
		if d.kind == dReturn && d.loop == nil && f.g.isSelfCall(f.lam, n.Fn) {
			f.fxJump(n, f.lam.Params, jen.Continue())
			return
		}
		f.fxDeliver(n, d, f.fxExpr(n))
	default:
		f.fxDeliver(n, d, f.fxExpr(n))
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
// labelled Go for loop over its int64 parameters.
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
	loop := &fxLoop{v: n.Vars[0], lam: lam, label: label}
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

// blockOf2 runs gen into a fresh block and returns its statements.
func (f *fnGen) blockOf2(gen func()) []jen.Code {
	f.push()
	gen()
	return f.pop()
}

func (f *fnGen) fxBind(n *analyze.Let) {
	vals := make([]jen.Code, len(n.Vars))
	bools := make([]bool, len(n.Vars))
	for i, init := range n.Inits {
		if f.g.fxIsBool(init) {
			bools[i] = true
			vals[i] = f.fxTest(init)
			continue
		}
		vals[i] = f.fxHoist(init)
	}
	for i, v := range n.Vars {
		if bools[i] {
			name := f.g.localName(v)
			f.line(n.P)
			f.emit(jen.Var().Id(name).Bool().Op("=").Add(vals[i]))
			if f.g.reads[v] == 0 {
				f.emit(jen.Id("_").Op("=").Id(name))
			}
			continue
		}
		f.fxDeclare(v, n.P, vals[i])
	}
}

// fxIsBool reports whether n, which fxspec admitted, is a test (a boolean)
// rather than a fixnum: the same judgement as fxspec's kinds, given the
// boolean let variables found so far (fxFindBools).
func (g *gen) fxIsBool(n analyze.Node) bool {
	switch n := n.(type) {
	case *analyze.Const:
		return n.Val.IsBool()
	case *analyze.Ref:
		return g.fxBools[n.Var]
	case *analyze.PrimCall:
		_, isInt := fxOps[n.Prim.Name]
		return !isInt
	case *analyze.If:
		// Both branches have the kind; one may be a variable not known
		// to be boolean yet.
		return g.fxIsBool(n.Then) || g.fxIsBool(n.Else)
	case *analyze.Seq:
		return g.fxIsBool(n.Exprs[len(n.Exprs)-1])
	case *analyze.Let:
		return g.fxIsBool(n.Body)
	}
	return false // calls and loops give fixnums
}

// fxFindBools records the let variables of body that hold booleans (as or
// expands to), iterating until no more are found: an initial value may
// be an if whose boolean branch is another such variable.
func (g *gen) fxFindBools(body analyze.Node) {
	if g.fxBools == nil {
		g.fxBools = map[*analyze.Var]bool{}
	}
	for changed := true; changed; {
		changed = false
		analyze.Walk(body, func(n analyze.Node) bool {
			if l, ok := n.(*analyze.Let); ok {
				for i, v := range l.Vars {
					if !g.fxBools[v] && g.fxIsBool(l.Inits[i]) {
						g.fxBools[v] = true
						changed = true
					}
				}
			}
			return true
		})
	}
}

// fxDeclare declares the int64 variable v (typed: a constant initial value
// would make it an int).
func (f *fnGen) fxDeclare(v *analyze.Var, pos parse.Pos, val jen.Code) {
	name := f.g.localName(v)
	f.line(pos)
	f.emit(jen.Var().Id(name).Int64().Op("=").Add(val))
	if f.g.reads[v] == 0 {
		f.emit(jen.Id("_").Op("=").Id(name))
	}
}

// fxHoist returns an int64 expression for n that may be evaluated twice.
func (f *fnGen) fxHoist(n analyze.Node) jen.Code {
	e := f.fxExpr(n)
	switch n := n.(type) {
	case *analyze.Const, *analyze.Ref, *analyze.Call:
		return e // a literal, a variable, or fxChecked's temporary
	case *analyze.PrimCall:
		if !n.NoOverflow && fxOps[n.Prim.Name][1] != "" {
			return e
		}
	}
	tmp := f.temp()
	f.emit(jen.Var().Id(tmp).Int64().Op("=").Add(e))
	return jen.Id(tmp)
}

// fxChecked emits `v, ok := call; if !ok { return 0, false }` and returns v.
func (f *fnGen) fxChecked(call jen.Code) jen.Code {
	f.tmps++
	v, ok := fmt.Sprintf("v%d", f.tmps), fmt.Sprintf("ok%d", f.tmps)
	f.emit(jen.List(jen.Id(v), jen.Id(ok)).Op(":=").Add(call))
	f.emit(jen.If(jen.Op("!").Id(ok)).Block(fxAbort))
	return jen.Id(v)
}

var fxOps = map[string][2]string{
	"+": {"+", "AddInt64"}, "-": {"-", "SubInt64"}, "*": {"*", "MulInt64"},
	"quotient": {"", "QuoInt64"}, "remainder": {"", "RemInt64"}, "modulo": {"", "ModInt64"},
}

// fxExpr returns an int64 Go expression for the fixnum expression n.
func (f *fnGen) fxExpr(n analyze.Node) jen.Code {
	switch n := n.(type) {
	case *analyze.Const:
		x := n.Val.Int()
		if x < 0 {
			return jen.Parens(jen.Op(strconv.FormatInt(x, 10)))
		}
		return jen.Op(strconv.FormatInt(x, 10))
	case *analyze.Ref:
		return jen.Id(f.g.localName(n.Var))
	case *analyze.PrimCall:
		name := n.Prim.Name
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
	// if: through a temporary.
	tmp := f.temp()
	f.emit(jen.Var().Id(tmp).Int64())
	f.fxStmt(n, fxDest{kind: dAssign, name: tmp})
	return jen.Id(tmp)
}

var fxCompare = map[string]string{"<": "<", "<=": "<=", ">": ">", ">=": ">=", "=": "==", "eqv?": "==", "equal?": "=="}

// fxTest returns a Go bool expression for the boolean expression n.
func (f *fnGen) fxTest(n analyze.Node) jen.Code {
	switch n := n.(type) {
	case *analyze.Const:
		return jen.Lit(n.Val.IsTrue())
	case *analyze.Ref:
		return jen.Id(f.g.localName(n.Var))
	case *analyze.PrimCall:
		name := n.Prim.Name
		if name == "not" {
			return jen.Op("!").Parens(f.fxTest(n.Args[0]))
		}
		if op, ok := fxCompare[name]; ok {
			a, b := f.fxHoist(n.Args[0]), f.fxHoist(n.Args[1])
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
	}
	panic(fmt.Sprintf("fxTest: %T is not a fixnum test (fxspec admitted it)", n))
}

// isIdent reports whether the Go expression e is just the identifier name,
// as it is for an argument passed on unchanged to a loop, directly or as
// the value of a let body: assigning it to itself would be flagged by vet.
func isIdent(e jen.Code, name string) bool {
	s, ok := e.(fmt.GoStringer)
	return ok && s.GoString() == name
}
