package codegen

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/parse"
)

// This file generates the body of one Go function: a known procedure, a
// closure, or the program's top level.
//
// Generation is destination-driven: stmt(n, d) emits statements that
// evaluate n and deliver its value to d (return it, assign it, or drop it),
// and expr(n) returns a Go expression for n, first emitting statements for
// any part that needs control flow (if, let) into the current block.
// Scheme leaves argument evaluation order unspecified, so hoisting such
// parts ahead of their siblings is allowed.

type destKind uint8

const (
	dDiscard destKind = iota
	dReturn
	dAssign
)

type dest struct {
	kind destKind
	name string // for dAssign
}

var (
	discard = dest{kind: dDiscard}
	ret     = dest{kind: dReturn}
)

type block struct {
	codes    []jen.Code
	lastLine int32 // Scheme line of the last //line directive, -1: unknown
	lastFile string
}

type fnGen struct {
	g        *gen
	lam      *analyze.Lambda // nil at top level
	topIndex int             // index of the top-level form being generated
	blocks   []*block
	tmps     int
	// loopParam maps a captured parameter of a self-looping procedure to
	// the Go variable that self tail calls assign (the parameter itself is
	// a fresh copy per iteration, so closures capture per-iteration
	// bindings).
	loopParam map[*analyze.Var]string
	// group: generating a member of this group's Go function (tail
	// calls to members are jumps).
	group []*analyze.Lambda
	// spec: generating the entry of a known procedure that takes Go
	// functions for its parameters with FuncArity (specProcedure), or a
	// local Go function nested in it (gen.specScope).
	spec bool
	// lazyCheck: the procedure tests the stack alarm before its first
	// non-tail call that could recurse; stackChecked: on the current
	// path, it has (lambda.go).
	lazyCheck, stackChecked bool
	// inPlace: the in-place loops (Lambda.InPlace) being generated,
	// innermost last; outerLabelUsed: a jump inside one of them went to
	// the loop of the procedure or group, which then needs its label.
	inPlace        []*inPlaceLoop
	outerLabelUsed bool
}

// inPlaceLoop is a named let generated in place as a labelled Go loop.
type inPlaceLoop struct {
	v     *analyze.Var
	lam   *analyze.Lambda
	label string
	used  bool
}

// outerLoop is the label of the loop of a procedure with self tail calls,
// or of a group's function.
const outerLoop = "procLoop"

// outerJump returns the jump to the top of the procedure's or group's
// loop: a plain continue, or a labelled one from inside an in-place loop.
func (f *fnGen) outerJump() jen.Code {
	if len(f.inPlace) == 0 {
		return jen.Continue()
	}
	f.outerLabelUsed = true
	return jen.Continue().Id(outerLoop)
}

// labelled returns the for loop of a procedure or group, labelled if an
// in-place loop jumped to it.
func (f *fnGen) labelled(loop *jen.Statement) *jen.Statement {
	if f.outerLabelUsed {
		return jen.Id(outerLoop).Op(":").Add(loop)
	}
	return loop
}

// inPlaceOf returns the lambda of a letrec generated in place, or nil.
func inPlaceOf(n *analyze.Letrec) *analyze.Lambda {
	if len(n.Inits) == 1 {
		if lam, ok := n.Inits[0].(*analyze.Lambda); ok && lam.InPlace {
			return lam
		}
	}
	return nil
}

// inPlaceLoop generates a named let compiled in place (closures pass,
// Lambda.InPlace), in tail position: its parameters are Go variables of
// the enclosing function, its body a labelled loop, and its calls jumps
// (inPlaceJump).
func (f *fnGen) inPlaceLoop(n *analyze.Letrec, lam *analyze.Lambda, d dest) {
	call := n.Body.(*analyze.Call)
	args := f.exprs(call.Args)
	f.line(call.P)
	for i, p := range lam.Params {
		name := f.g.localName(p)
		f.emit(jen.Id(name).Op(":=").Add(args[i]))
		if f.g.reads[p] == 0 {
			f.emit(jen.Id("_").Op("=").Id(name))
		}
	}
	f.tmps++
	l := &inPlaceLoop{v: n.Vars[0], lam: lam, label: fmt.Sprintf("loop%d", f.tmps)}
	f.inPlace = append(f.inPlace, l)
	body := f.blockOf(lam.Body, d)
	f.inPlace = f.inPlace[:len(f.inPlace)-1]
	f.line(lam.P)
	if l.used {
		f.emit(jen.Id(l.label).Op(":").For().Block(body...))
	} else {
		f.emit(jen.For().Block(body...))
	}
	f.cur().lastLine = -1
}

// inPlaceJump is a call of an in-place loop: its parameters get the
// arguments' values at once, and the loop goes round again.
func (f *fnGen) inPlaceJump(n *analyze.Call, l *inPlaceLoop) {
	args := f.exprs(n.Args)
	var lhs, rhs []jen.Code
	for i, p := range l.lam.Params {
		name := f.g.localName(p)
		if isIdent(args[i], name) {
			continue
		}
		lhs = append(lhs, jen.Id(name))
		rhs = append(rhs, args[i])
	}
	f.line(n.P)
	if len(lhs) > 0 {
		f.emit(jen.List(lhs...).Op("=").List(rhs...))
	}
	l.used = true
	f.emit(jen.Continue().Id(l.label))
}

func (f *fnGen) push() { f.blocks = append(f.blocks, &block{lastLine: -1}) }

func (f *fnGen) pop() []jen.Code {
	b := f.blocks[len(f.blocks)-1]
	f.blocks = f.blocks[:len(f.blocks)-1]
	if len(f.blocks) > 0 {
		f.cur().lastLine = -1 // the block's directives now apply textually
	}
	return b.codes
}

func (f *fnGen) cur() *block { return f.blocks[len(f.blocks)-1] }

func (f *fnGen) emit(cs ...jen.Code) { f.cur().codes = append(f.cur().codes, cs...) }

// line emits a //line directive for pos if the current block is not
// already on that line.
func (f *fnGen) line(pos parse.Pos) {
	if !pos.IsKnown() {
		return
	}
	b := f.cur()
	if b.lastLine == pos.Line && b.lastFile == pos.File {
		return
	}
	b.lastLine, b.lastFile = pos.Line, pos.File
	f.emit(lineDirective(pos))
}

func (f *fnGen) temp() string {
	f.tmps++
	return fmt.Sprintf("v%d", f.tmps)
}

// blockOf generates n into a fresh block delivering to d.
func (f *fnGen) blockOf(n analyze.Node, d dest) []jen.Code {
	f.push()
	f.stmt(n, d)
	return f.pop()
}

// stmt emits statements that evaluate n and deliver its value to d.
func (f *fnGen) stmt(n analyze.Node, d dest) {
	switch n := n.(type) {
	case *analyze.If:
		f.line(n.P)
		cond := f.test(n.Test)
		// The branches are generated first but appear after the if in
		// the text, so the directive state before them still holds.
		saved := *f.cur()
		checked := f.stackChecked
		then := f.blockOf(n.Then, d)
		thenChecked := f.stackChecked
		f.stackChecked = checked
		els := f.blockOf(n.Else, d)
		f.stackChecked = f.stackChecked && thenChecked
		f.cur().lastLine, f.cur().lastFile = saved.lastLine, saved.lastFile
		f.line(n.P)
		if len(els) == 0 {
			f.emit(jen.If(cond).Block(then...))
		} else {
			f.emit(jen.If(cond).Block(then...).Else().Block(els...))
		}
		f.cur().lastLine = -1
	case *analyze.Seq:
		for _, e := range n.Exprs[:len(n.Exprs)-1] {
			f.stmt(e, discard)
		}
		f.stmt(n.Exprs[len(n.Exprs)-1], d)
	case *analyze.Let:
		f.bindLet(n)
		f.stmt(n.Body, d)
	case *analyze.Letrec:
		if lam := inPlaceOf(n); lam != nil && d.kind == dReturn && f.lam != nil {
			f.inPlaceLoop(n, lam, d)
			return
		}
		f.bindLetrec(n)
		f.stmt(n.Body, d)
	case *analyze.Set:
		f.set(n)
		f.deliver(n.P, d, rtq("Unspecified"), true)
	case *analyze.GlobalSet:
		f.globalSet(n)
		f.deliver(n.P, d, rtq("Unspecified"), true)
	case *analyze.Call:
		if d.kind == dReturn && f.lam != nil {
			f.tailCall(n)
			return
		}
		f.deliver(n.P, d, f.expr(n), false)
	case *analyze.PrimCall:
		if d.kind == dReturn && f.lam != nil && n.Prim.TailCalls {
			f.line(n.P)
			f.emit(jen.Return(f.primCall(n)))
			return
		}
		f.deliver(n.P, d, f.expr(n), false)
	default:
		f.deliver(n.Pos(), d, f.expr(n), isPureExpr(n))
	}
}

func isPureExpr(n analyze.Node) bool {
	switch n.(type) {
	case *analyze.Const, *analyze.PrimRef, *analyze.Lambda:
		return true
	}
	return false
}

// deliver sends the value of the Go expression e to d. pure means e has no
// effects and may be dropped when discarded.
func (f *fnGen) deliver(pos parse.Pos, d dest, e jen.Code, pure bool) {
	switch d.kind {
	case dDiscard:
		if !pure {
			f.line(pos)
			f.emit(jen.Id("_").Op("=").Add(e))
		}
	case dReturn:
		f.line(pos)
		if f.lam == nil {
			f.emit(jen.Id("_").Op("=").Add(e))
			return
		}
		f.emit(jen.Return(e))
	case dAssign:
		f.line(pos)
		f.emit(jen.Id(d.name).Op("=").Add(e))
	}
}

func (f *fnGen) bindLet(n *analyze.Let) {
	vals := make([]jen.Code, len(n.Vars))
	for i, init := range n.Inits {
		vals[i] = f.expr(init)
	}
	for i, v := range n.Vars {
		f.declare(v, n.P, vals[i])
	}
}

// declare introduces the Go variable for v, initialized to val.
func (f *fnGen) declare(v *analyze.Var, pos parse.Pos, val jen.Code) {
	name := f.g.localName(v)
	f.line(pos)
	f.emit(jen.Id(name).Op(":=").Add(val))
	if f.g.reads[v] == 0 {
		f.emit(jen.Id("_").Op("=").Id(name))
	}
}

// bindLetrec declares the letrec's variables, then runs its inits in
// order. A Direct procedure's variable is a Go function variable set to a
// Go closure (no rt.Procedure); a Lifted one has no variable at all, its
// calls name a top-level Go function.
func (f *fnGen) bindLetrec(n *analyze.Letrec) {
	for _, v := range n.Vars {
		typ := valueType()
		if lam := f.g.directVar[v]; lam != nil {
			if lam.Lifted || groupIndex(lam) > 0 {
				continue
			}
			typ = f.g.funcType(lam)
		}
		f.emit(jen.Var().Id(f.g.localName(v)).Add(typ))
		if f.g.reads[v] == 0 {
			f.emit(jen.Id("_").Op("=").Id(f.g.localName(v)))
		}
	}
	for i, v := range n.Vars {
		if lam := f.g.directVar[v]; lam != nil {
			switch {
			case groupIndex(lam) > 0:
				// made with the group's first member
			case lam.Lifted:
				f.g.liftedProcedure(lam, v)
			default:
				f.line(lam.P)
				f.emit(jen.Id(f.g.localName(v)).Op("=").Add(f.g.directFunc(lam)))
			}
			continue
		}
		f.stmt(n.Inits[i], dest{kind: dAssign, name: f.g.localName(v)})
	}
}

func (f *fnGen) set(n *analyze.Set) {
	val := f.expr(n.Value)
	f.line(n.P)
	f.emit(jen.Id(f.g.localName(n.Var)).Op("=").Add(val))
}

func (f *fnGen) globalSet(n *analyze.GlobalSet) {
	name := f.g.globalVar[n.G]
	if n.Define && n.G.Known != nil && n.Value == n.G.Known {
		f.g.knownProcedure(n.G.Known, n.G.Name)
		f.line(n.P)
		f.emit(jen.Id(name).Op("=").Qual(RTPath, "NewProc").Call(jen.Op("&").Id(f.g.knownProc[n.G.Known])))
		return
	}
	val := f.expr(n.Value)
	f.line(n.P)
	if n.Define {
		f.emit(jen.Id(name).Op("=").Add(val))
		return
	}
	// set! of a global that is not yet defined is an error (R7RS 4.1.6).
	f.emit(jen.Id(name).Op("=").Qual(RTPath, "SetGlobal").Call(thread(), jen.Id(name), val, jen.Lit(n.G.Name), f.g.loc(n.P)))
}

// simple reports whether n's Go expression has no effects and can be
// evaluated at any point (so it need not be hoisted into a temporary).
func simple(n analyze.Node) bool {
	switch n.(type) {
	case *analyze.Const, *analyze.Ref, *analyze.PrimRef, *analyze.GlobalRef:
		return true
	}
	return false
}

// expr returns a Go expression of type rt.Value for n.
func (f *fnGen) expr(n analyze.Node) jen.Code {
	switch n := n.(type) {
	case *analyze.Const:
		return f.g.constant(n.Val, n.P)
	case *analyze.Ref:
		if f.g.directVar[n.Var] != nil && f.g.err == nil {
			f.g.err = fmt.Errorf("%s: internal error: local procedure %s used as a value but compiled as a Go function", n.P, n.Var.Name)
		}
		return jen.Id(f.g.localName(n.Var))
	case *analyze.GlobalRef:
		return f.globalRef(n)
	case *analyze.PrimRef:
		return f.g.primValue(n.Prim)
	case *analyze.Lambda:
		if n.FuncArg && !f.g.asClosure[n] {
			// an argument of a FuncArgs call, which calls the
			// procedure's entry taking Go functions (call)
			return f.g.directFunc(n)
		}
		return f.closure(n)
	case *analyze.Call:
		return f.call(n)
	case *analyze.PrimCall:
		c := f.primCall(n)
		if n.Prim.TailCalls {
			if isThen(n) {
				// At top level of a resumable program: pass the
				// unwind marker on to the top-level driver.
				return thread().Dot("SettleR").Call(c)
			}
			return thread().Dot("Settle").Call(c)
		}
		// pin: the primitive may fail or call procedures, and it may
		// sit inside an expression that spans lines of source, all on
		// the statement's line (backtraces).
		return pin(n.P).Add(c)
	case *analyze.Seq:
		for _, e := range n.Exprs[:len(n.Exprs)-1] {
			f.stmt(e, discard)
		}
		return f.expr(n.Exprs[len(n.Exprs)-1])
	case *analyze.Let:
		f.bindLet(n)
		return f.expr(n.Body)
	case *analyze.Letrec:
		f.bindLetrec(n)
		return f.expr(n.Body)
	case *analyze.Set:
		f.set(n)
		return rtq("Unspecified")
	case *analyze.GlobalSet:
		f.globalSet(n)
		return rtq("Unspecified")
	}
	tmp := f.temp()
	f.emit(jen.Var().Id(tmp).Add(valueType()))
	f.stmt(n, dest{kind: dAssign, name: tmp})
	return jen.Id(tmp)
}

// hoist returns an expression for n that is safe to evaluate after other
// arguments: n itself when simple, else a temporary holding its value.
func (f *fnGen) hoist(n analyze.Node) jen.Code {
	if simple(n) {
		return f.expr(n)
	}
	e := f.expr(n)
	tmp := f.temp()
	// pin: a hoisted operand may be the first statement of a block, or
	// follow others on the last //line directive's line (backtraces).
	f.emit(jen.Id(tmp).Op(":=").Add(pin(n.Pos())).Add(e))
	return jen.Id(tmp)
}

func (f *fnGen) globalRef(n *analyze.GlobalRef) jen.Code {
	name := f.g.globalVar[n.G]
	if n.Defined || f.knownDefined(n.G) {
		return jen.Id(name)
	}
	return rtq("Global").Call(thread(), jen.Id(name), jen.Lit(n.G.Name), f.g.loc(n.P))
}

// knownDefined reports whether g is a known procedure that is certainly
// defined when this code runs: inside procedures when its define precedes
// the first top-level form that can call a procedure (no procedure runs
// before that form), and at top level when its define comes earlier.
func (f *fnGen) knownDefined(g *analyze.Global) bool {
	if g.Known == nil {
		return false
	}
	i, ok := f.g.defIndex[g]
	if f.lam != nil {
		return ok && i < f.g.firstRun
	}
	return ok && i < f.topIndex
}

// withLoc wraps the last argument so the thread records the call site after
// every argument has been evaluated (Go evaluates calls left to right), just
// before the call itself.
func (f *fnGen) withLoc(pos parse.Pos, args []jen.Code) []jen.Code {
	if len(args) == 0 {
		return args
	}
	out := append([]jen.Code(nil), args[:len(args)-1]...)
	return append(out, thread().Dot("L").Call(f.g.loc(pos), args[len(args)-1]))
}

// The arguments are evaluated left to right, in both modes. An argument
// whose code needs statements (a fast path, a let) has them emitted before
// the expression that uses the list, so the earlier arguments are first
// moved into temporaries there, ahead of those statements.
func (f *fnGen) exprs(ns []analyze.Node) []jen.Code {
	out := make([]jen.Code, len(ns))
	for i, n := range ns {
		mark := len(f.cur().codes)
		out[i] = f.expr(n)
		if len(f.cur().codes) == mark {
			continue
		}
		var pre []jen.Code
		for j := 0; j < i; j++ {
			if !stable(ns[j]) {
				tmp := f.temp()
				pre = append(pre, jen.Id(tmp).Op(":=").Add(pin(ns[j].Pos())).Add(out[j])) // pin: as in hoist
				out[j] = jen.Id(tmp)
			}
		}
		if len(pre) > 0 {
			b := f.cur()
			b.codes = append(b.codes[:mark], append(pre, b.codes[mark:]...)...)
		}
	}
	return out
}

// hoistAll is exprs for operands used more than once (fast paths): every
// operand whose value could change or that has effects is evaluated once,
// in order, into a temporary.
func (f *fnGen) hoistAll(ns []analyze.Node) []jen.Code {
	out := f.exprs(ns)
	for i, n := range ns {
		if !stable(n) {
			tmp := f.temp()
			f.emit(jen.Id(tmp).Op(":=").Add(pin(n.Pos())).Add(out[i])) // pin: as in hoist
			out[i] = jen.Id(tmp)
		}
	}
	return out
}

// stable reports whether n's value is the same wherever it is evaluated
// among its neighbours: constants and variables that are never set!.
func stable(n analyze.Node) bool {
	switch n := n.(type) {
	case *analyze.Const, *analyze.PrimRef:
		return true
	case *analyze.Ref:
		return !n.Var.Assigned
	}
	return false
}

// knownTarget returns the known lambda a call's function position names,
// when the call may jump straight to it.
func (f *fnGen) knownTarget(fn analyze.Node, nargs int) *analyze.Lambda {
	if r, ok := fn.(*analyze.Ref); ok {
		if lam := f.g.directVar[r.Var]; lam != nil && f.g.arityMatches(lam, nargs) {
			return lam
		}
		return nil
	}
	ref, ok := fn.(*analyze.GlobalRef)
	if !ok || !f.knownDefined(ref.G) || !f.g.arityMatches(ref.G.Known, nargs) {
		return nil
	}
	return ref.G.Known
}

// knownArgs builds the Go arguments of a direct call to lam.
func (f *fnGen) knownArgs(lam *analyze.Lambda, args []jen.Code) []jen.Code {
	return f.g.knownArgsOf(lam, args)
}

func (g *gen) knownArgsOf(lam *analyze.Lambda, args []jen.Code) []jen.Code {
	out := []jen.Code{thread()}
	if i := groupIndex(lam); i >= 0 {
		// The group's function: the member's index, then its
		// arguments padded to the group's widest parameter list.
		out = append(out, jen.Lit(i))
		out = append(out, args...)
		for j := len(args); j < groupWidth(lam.Group); j++ {
			out = append(out, rtq("Unspecified"))
		}
		return out
	}
	out = append(out, args[:len(lam.Params)]...)
	if lam.Rest != nil {
		out = append(out, listOf(args[len(lam.Params):]))
	}
	return out
}

func listOf(items []jen.Code) jen.Code {
	if len(items) == 0 {
		return rtq("Null")
	}
	return rtq("List").Call(items...)
}

// funcParam returns the Go function variable fn names when it is a
// parameter with FuncArity of the procedure whose Go-function entry is
// being generated.
func (f *fnGen) funcParam(fn analyze.Node) (string, bool) {
	if r, ok := fn.(*analyze.Ref); ok && f.spec && r.Var.FuncArity > 0 {
		return f.g.localName(r.Var), true
	}
	return "", false
}

// specTarget returns the Go-function entry a call of lam goes to: for a
// call passing lambdas as Go functions, and for a call of the procedure
// itself from that entry (which passes its Go functions on).
func (f *fnGen) specTarget(n *analyze.Call, lam *analyze.Lambda) string {
	if (n.FuncArgs || (f.spec && lam == f.g.specProc)) && f.g.specFunc[lam] != "" {
		return f.g.specFunc[lam]
	}
	return ""
}

// call generates a non-tail call.
func (f *fnGen) call(n *analyze.Call) jen.Code {
	if name, ok := f.funcParam(n.Fn); ok {
		f.checkBeforeCall(nil)
		args := f.exprs(n.Args)
		return pin(n.P).Add(thread().Dot("Settle").Call(jen.Id(name).Call(append([]jen.Code{thread()}, args...)...)))
	}
	lam := f.knownTarget(n.Fn, len(n.Args))
	if r, ok := n.Fn.(*analyze.GlobalRef); ok && f.spec && r.G.Known == f.g.specProc && f.g.arityMatches(f.g.specProc, len(n.Args)) {
		// The procedure calling itself: it is defined, it is running;
		// its Go-function entry must pass its Go functions on.
		lam = f.g.specProc
	}
	f.checkBeforeCall(lam)
	if lam != nil {
		if sname := f.specTarget(n, lam); sname != "" {
			c := pin(n.P).Id(sname).Call(f.knownArgs(lam, f.exprs(n.Args))...)
			return pin(n.P).Add(thread().Dot("Settle").Call(c))
		}
	}
	if n.FuncArgs {
		// A call that cannot go to the Go-function entry (it may run
		// before the procedure is defined) passes procedures.
		for _, a := range n.Args {
			if l, ok := a.(*analyze.Lambda); ok && l.FuncArg {
				f.g.asClosure[l] = true
			}
		}
	}
	if lam != nil {
		c := pin(n.P).Id(f.g.knownFunc[lam]).Call(f.knownArgs(lam, f.exprs(n.Args))...)
		if f.g.mayTail[lam] {
			return pin(n.P).Add(thread().Dot("Settle").Call(c))
		}
		return c
	}
	fn := f.hoist(n.Fn)
	args := f.exprs(n.Args)
	switch len(args) {
	case 0:
		return pin(n.P).Id("t").Dot("At").Call(f.g.loc(n.P)).Dot("Call0").Call(fn)
	case 1, 2, 3, 4:
		return pin(n.P).Id("t").Dot(fmt.Sprintf("Call%d", len(args))).Call(append([]jen.Code{fn}, f.withLoc(n.P, args)...)...)
	}
	return pin(n.P).Id("t").Dot("CallN").Call(fn, jen.Index().Add(valueType()).Values(f.withLoc(n.P, args)...))
}

// isThen reports whether n is (%then call k), made by the resumable pass.
func isThen(n *analyze.PrimCall) bool { return n.Prim.Name == "%then" && len(n.Args) == 2 }

// resumableExpr generates the call of a %then: with the resumable call
// protocol, whose settling passes the unwind marker on instead of driving
// (rt.Thread.SettleR).
func (f *fnGen) resumableExpr(n analyze.Node) jen.Code {
	switch n := n.(type) {
	case *analyze.Call:
		return f.callR(n)
	case *analyze.PrimCall:
		c := f.primCall(n)
		if n.Prim.TailCalls {
			return thread().Dot("SettleR").Call(c)
		}
		return c
	}
	return f.expr(n)
}

// callR is call with the resumable protocol.
func (f *fnGen) callR(n *analyze.Call) jen.Code {
	f.checkBeforeCall(f.knownTarget(n.Fn, len(n.Args)))
	if lam := f.knownTarget(n.Fn, len(n.Args)); lam != nil {
		c := pin(n.P).Id(f.g.knownFunc[lam]).Call(f.knownArgs(lam, f.exprs(n.Args))...)
		if f.g.mayTail[lam] {
			return pin(n.P).Add(thread().Dot("SettleR").Call(c))
		}
		return c
	}
	fn := f.hoist(n.Fn)
	args := f.exprs(n.Args)
	switch len(args) {
	case 0:
		return pin(n.P).Id("t").Dot("At").Call(f.g.loc(n.P)).Dot("CallR0").Call(fn)
	case 1, 2, 3:
		return pin(n.P).Id("t").Dot(fmt.Sprintf("CallR%d", len(args))).Call(append([]jen.Code{fn}, f.withLoc(n.P, args)...)...)
	}
	return pin(n.P).Id("t").Dot("CallRN").Call(fn, jen.Index().Add(valueType()).Values(f.withLoc(n.P, args)...))
}

// pin starts an expression with an inline /*line*/ directive, so the Go
// call that follows is attributed to exactly pos in backtraces and
// profiles however far it is from the last //line (DESIGN §7).
func pin(pos parse.Pos) *jen.Statement {
	if !pos.IsKnown() {
		return jen.Null()
	}
	return jen.Op(fmt.Sprintf("/*line %s:%d:%d*/", pos.File, pos.Line, pos.Col))
}

// tailCall generates a call in tail position of a procedure.
func (f *fnGen) tailCall(n *analyze.Call) {
	if r, ok := n.Fn.(*analyze.Ref); ok {
		for i := len(f.inPlace) - 1; i >= 0; i-- {
			if l := f.inPlace[i]; l.v == r.Var {
				f.inPlaceJump(n, l)
				return
			}
		}
	}
	if name, ok := f.funcParam(n.Fn); ok {
		args := f.exprs(n.Args)
		f.line(n.P)
		f.emit(jen.Return(pin(n.P).Id(name).Call(append([]jen.Code{thread()}, args...)...)))
		return
	}
	if lam := f.g.groupTarget(f.group, n.Fn, len(n.Args)); lam != nil {
		f.groupJump(n, groupIndex(lam))
		return
	}
	if f.g.isSelfCall(f.lam, n.Fn) && f.g.arityMatches(f.lam, len(n.Args)) {
		f.selfTailCall(n)
		return
	}
	if n.FuncArgs {
		// A tail call passing lambdas as Go functions: a direct Go call
		// of the Go-function entry (the closures pass checked that the
		// callee makes no such tail calls itself, so the Go stack
		// stays bounded); whatever it returns, a pending tail call
		// included, is this procedure's result.
		if lam := f.knownTarget(n.Fn, len(n.Args)); lam != nil {
			if sname := f.specTarget(n, lam); sname != "" {
				f.checkBeforeCall(lam)
				args := f.exprs(n.Args)
				f.line(n.P)
				f.emit(jen.Return(pin(n.P).Id(sname).Call(f.knownArgs(lam, args)...)))
				return
			}
		}
		// It may run before the procedure is defined: procedures.
		for _, a := range n.Args {
			if l, ok := a.(*analyze.Lambda); ok && l.FuncArg {
				f.g.asClosure[l] = true
			}
		}
	}
	if r, ok := n.Fn.(*analyze.Ref); ok && f.g.directVar[r.Var] != nil {
		// A local procedure that is only called: the closures pass
		// allowed a direct call in tail position (its call graph has no
		// cycle of such calls), so the Go stack stays bounded.
		lam := f.g.directVar[r.Var]
		args := f.exprs(n.Args)
		f.line(n.P)
		f.emit(jen.Return(pin(n.P).Id(f.g.knownFunc[lam]).Call(f.knownArgs(lam, args)...)))
		return
	}
	fn := f.hoist(n.Fn)
	args := f.exprs(n.Args)
	f.line(n.P)
	var c jen.Code
	switch len(args) {
	case 0:
		c = jen.Id("t").Dot("At").Call(f.g.loc(n.P)).Dot("TailCall0").Call(fn)
	case 1, 2, 3, 4:
		c = jen.Id("t").Dot(fmt.Sprintf("TailCall%d", len(args))).Call(append([]jen.Code{fn}, f.withLoc(n.P, args)...)...)
	default:
		c = jen.Id("t").Dot("TailCallN").Call(fn, jen.Index().Add(valueType()).Values(f.withLoc(n.P, args)...))
	}
	f.emit(jen.Return(c))
}

// groupJump is a tail call between members of a group: set the entry and
// the arguments, and go round the group's loop.
func (f *fnGen) groupJump(n *analyze.Call, idx int) {
	args := f.exprs(n.Args)
	lhs := []jen.Code{jen.Id("entry")}
	rhs := []jen.Code{jen.Lit(idx)}
	for i, a := range args {
		lhs = append(lhs, jen.Id(fmt.Sprintf("arg%d", i)))
		rhs = append(rhs, a)
	}
	f.line(n.P)
	f.emit(jen.List(lhs...).Op("=").List(rhs...))
	f.emit(f.outerJump())
}

// selfTailCall rebinds the parameters and jumps back to the top of the
// procedure's loop.
func (f *fnGen) selfTailCall(n *analyze.Call) {
	args := f.exprs(n.Args)
	lam := f.lam
	var lhs, rhs []jen.Code
	for i, p := range lam.Params {
		if isIdent(args[i], f.paramTarget(p)) {
			continue // passed on unchanged: no self-assignment (go vet flags it)
		}
		lhs = append(lhs, jen.Id(f.paramTarget(p)))
		rhs = append(rhs, args[i])
	}
	if lam.Rest != nil {
		lhs = append(lhs, jen.Id(f.paramTarget(lam.Rest)))
		rhs = append(rhs, listOf(args[len(lam.Params):]))
	}
	f.line(n.P)
	if len(lhs) > 0 {
		f.emit(jen.List(lhs...).Op("=").List(rhs...))
	}
	f.emit(f.outerJump())
}

func (f *fnGen) paramTarget(p *analyze.Var) string {
	if name, ok := f.loopParam[p]; ok {
		return name
	}
	return f.g.localName(p)
}

// test returns a Go bool expression for the truth of n.
func (f *fnGen) test(n analyze.Node) jen.Code {
	if pc, ok := n.(*analyze.PrimCall); ok {
		if c := f.inlineTest(pc); c != nil {
			return c
		}
	}
	if c, ok := n.(*analyze.Const); ok {
		return jen.Lit(c.Val.IsTrue())
	}
	return jen.Parens(f.expr(n)).Dot("IsTrue").Call()
}

// comparisons with a fixnum fast path, by primitive name: the fast path
// (rt.LtFx ...) and the full operation.
var inlineCompare = map[string][2]string{
	"<": {"LtFx", "Lt2"}, "<=": {"LeFx", "Le2"}, ">": {"GtFx", "Gt2"}, ">=": {"GeFx", "Ge2"}, "=": {"EqFx", "NumEq2"},
}

// arithmetic with a fixnum fast path; "" means none (the call is direct).
var inlineArith = map[string][2]string{
	"+": {"AddFx", "Add2"}, "-": {"SubFx", "Sub2"}, "*": {"MulFx", "Mul2"}, "/": {"", "Div2"},
}

// fastPath emits the inline fixnum fast path of a binary operation:
//
//	v, ok := rt.AddFx(a, b)
//	if !ok {
//		v = rt.Add2(t, a, b, &locs[k])
//	}
//
// and returns v. Go inlines the Fx function, so fixnum arithmetic costs no
// call; the full operation runs only for other numbers, on overflow, and to
// report a type error at the call site.
func (f *fnGen) fastPath(n *analyze.PrimCall, ops [2]string) jen.Code {
	ab := f.hoistAll(n.Args[:2])
	a, b := ab[0], ab[1]
	// pin: the slow path sits inside a multi-line if, after which the
	// last //line directive no longer describes it (backtraces).
	full := pin(n.P).Add(rtq(ops[1]).Call(thread(), a, b, f.g.loc(n.P)))
	if ops[0] == "" {
		return full
	}
	f.tmps++
	v, ok := fmt.Sprintf("v%d", f.tmps), fmt.Sprintf("ok%d", f.tmps)
	f.line(n.P)
	f.emit(jen.List(jen.Id(v), jen.Id(ok)).Op(":=").Add(rtq(ops[0]).Call(a, b)))
	f.emit(jen.If(jen.Op("!").Id(ok)).Block(jen.Id(v).Op("=").Add(full)))
	return jen.Id(v)
}

// inlineTest returns a Go bool expression for predicate calls that have
// one, or nil.
func (f *fnGen) inlineTest(n *analyze.PrimCall) jen.Code {
	if c := f.provenTest(n); c != nil { // proven types (unsafe.go)
		return c
	}
	name := n.Prim.Name
	switch {
	case len(n.Args) == 2 && inlineCompare[name][0] != "":
		return f.fastPath(n, inlineCompare[name])
	case len(n.Args) == 2 && name == "eq?":
		a := f.exprs(n.Args)
		return rtq("Eq").Call(a[0], a[1])
	case len(n.Args) == 1:
		method := map[string]string{"null?": "IsNull", "pair?": "IsPair", "not": "IsFalse"}[name]
		if method != "" {
			return jen.Parens(f.expr(n.Args[0])).Dot(method).Call()
		}
	}
	return nil
}

// primCall calls a primitive's Go function directly.
func (f *fnGen) primCall(n *analyze.PrimCall) jen.Code {
	if isThen(n) {
		return rtq("Then").Call(thread(), f.resumableExpr(n.Args[0]), f.expr(n.Args[1]))
	}
	if c := f.provenPrim(n); c != nil { // proven types (unsafe.go)
		return c
	}
	if c := f.unsafePrim(n); c != nil { // --unsafe (unsafe.go)
		return c
	}
	if c := f.inlineTest(n); c != nil {
		return rtq("Bool").Call(c)
	}
	name := n.Prim.Name
	if len(n.Args) == 2 && inlineArith[name][1] != "" {
		return f.fastPath(n, inlineArith[name])
	}
	if c := f.fastPrim(n); c != nil {
		return c
	}
	args := f.exprs(n.Args)
	switch {
	case len(args) == 1 && (name == "car" || name == "cdr"):
		fn := map[string]string{"car": "CarAt", "cdr": "CdrAt"}[name]
		return rtq(fn).Call(thread(), args[0], f.g.loc(n.P))
	case len(args) == 2 && name == "cons":
		return rtq("Cons").Call(args[0], args[1])
	}
	goName := n.Prim.GoName()
	fixed := !n.Prim.Variadic() && n.Prim.Req == len(args) && n.Prim.Max == len(args)
	switch {
	case goName != "" && fixed:
		if len(args) == 0 {
			return qualified(goName).Call(jen.Id("t").Dot("At").Call(f.g.loc(n.P)))
		}
		return qualified(goName).Call(append([]jen.Code{thread()}, f.withLoc(n.P, args)...)...)
	case goName != "" && n.Prim.Variadic() && len(args) >= n.Prim.Req && (n.Prim.Max < 0 || len(args) <= n.Prim.Max):
		if len(args) == 0 {
			return qualified(goName).Call(jen.Id("t").Dot("At").Call(f.g.loc(n.P)), jen.Nil())
		}
		return qualified(goName).Call(thread(), jen.Index().Add(valueType()).Values(f.withLoc(n.P, args)...))
	}
	// A wrong argument count, or a primitive without a named Go
	// function: go through the procedure, which checks the arity.
	if len(args) == 0 {
		return jen.Id("t").Dot("At").Call(f.g.loc(n.P)).Dot("CallN").Call(f.g.primValue(n.Prim), jen.Nil())
	}
	return jen.Id("t").Dot("CallN").Call(f.g.primValue(n.Prim), jen.Index().Add(valueType()).Values(f.withLoc(n.P, args)...))
}

// qualified turns "path/to/pkg.Func" into a qualified Go reference.
func qualified(goName string) *jen.Statement {
	slash := strings.LastIndex(goName, "/")
	dot := strings.Index(goName[slash+1:], ".") + slash + 1
	return jen.Qual(goName[:dot], goName[dot+1:])
}
