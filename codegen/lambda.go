package codegen

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// params returns the Go parameter list of lam (after the thread).
func (g *gen) params(lam *analyze.Lambda, loopNames map[*analyze.Var]string) []jen.Code {
	ps := []jen.Code{threadParam()}
	add := func(v *analyze.Var) {
		name := g.localName(v)
		if alt, ok := loopNames[v]; ok {
			name = alt
		}
		ps = append(ps, jen.Id(name).Add(valueType()))
	}
	for _, p := range lam.Params {
		add(p)
	}
	if lam.Rest != nil {
		add(lam.Rest)
	}
	return ps
}

// body generates the statements of lam's Go function. A procedure that
// calls itself in tail position runs its body in a for loop; its captured
// parameters are copied afresh on each iteration so closures made in one
// iteration keep that iteration's bindings.
func (g *gen) body(lam *analyze.Lambda) (stmts []jen.Code, loopNames map[*analyze.Var]string) {
	return g.bodyOf(lam, false)
}

// bodyOf is body; spec generates the body of the entry of a known
// procedure that takes Go functions for its parameters with FuncArity
// (specProcedure).
func (g *gen) bodyOf(lam *analyze.Lambda, spec bool) (stmts []jen.Code, loopNames map[*analyze.Var]string) {
	// The Go functions of the entry are visible in it and in the local
	// procedures nested in it that are Go functions too (Direct); a
	// closure made inside sees none (funcParams).
	saved := g.specScope
	defer func() { g.specScope = saved }()
	if spec {
		g.specScope = true
	} else if !lam.Direct {
		g.specScope = false
	}
	f := &fnGen{g: g, lam: lam, spec: g.specScope}
	f.push()
	switch g.stackCheckKind(lam) {
	case checkAtEntry:
		f.emit(thread().Dot("StackCheck").Call())
	case checkBeforeCalls:
		f.lazyCheck = true
	}
	// Code the body starts with before its first directive (an operand
	// hoisted ahead of the expression that uses it) is on the body's
	// line, not on the line the Go text around the function continues
	// from (backtraces showed lines past the end of the file).
	f.line(lam.Body.Pos())
	if !g.selfCalls[lam] {
		f.stmt(lam.Body, ret)
		return f.pop(), nil
	}
	loopNames = map[*analyze.Var]string{}
	all := append([]*analyze.Var(nil), lam.Params...)
	if lam.Rest != nil {
		all = append(all, lam.Rest)
	}
	for _, p := range all {
		if p.Captured {
			loopNames[p] = g.localName(p) + "_next"
		}
	}
	f.loopParam = loopNames
	f.push()
	for _, p := range all {
		if alt, ok := loopNames[p]; ok {
			f.emit(jen.Id(g.localName(p)).Op(":=").Id(alt))
			if g.reads[p] == 0 {
				f.emit(jen.Id("_").Op("=").Id(g.localName(p)))
			}
		}
	}
	f.stmt(lam.Body, ret)
	loop := f.pop()
	f.emit(f.labelled(jen.For().Block(loop...)))
	return f.pop(), loopNames
}

// procInfo returns the address of lam's rt.ProcInfo: a package variable
// holding its name, arity and position, shared by every procedure made
// from lam (one per lambda, made once).
func (g *gen) procInfo(lam *analyze.Lambda, name string) jen.Code {
	v, ok := g.infoVar[lam]
	if !ok {
		max := len(lam.Params)
		if lam.Rest != nil {
			max = -1
		}
		d := jen.Dict{
			jen.Id("Req"): jen.Lit(len(lam.Params)),
			jen.Id("Max"): jen.Lit(max),
			jen.Id("Pos"): jen.Qual(RTPath, "Pos").Values(jen.Dict{
				jen.Id("File"): jen.Lit(lam.P.File),
				jen.Id("Line"): jen.Lit(int(lam.P.Line)),
				jen.Id("Col"):  jen.Lit(int(lam.P.Col)),
			}),
		}
		if name != "" {
			d[jen.Id("Name")] = jen.Lit(name)
		}
		v = g.names.fresh(fmt.Sprintf("info%d", lam.ID))
		g.infoVar[lam] = v
		g.infoDecls = append(g.infoDecls, jen.Id(v).Op("=").Qual(RTPath, "ProcInfo").Values(d))
	}
	return jen.Op("&").Id(v)
}

// procValue returns a static rt.Procedure with its own rt.ProcCode made
// of fields (in an init function: one allocation at start-up).
func procValue(fields jen.Dict) jen.Code {
	return jen.Qual(RTPath, "Procedure").Values(jen.Dict{
		jen.Id("ProcCode"): jen.Op("&").Qual(RTPath, "ProcCode").Values(fields)})
}

// procedureFields returns the rt.ProcCode fields other than the entries.
func (g *gen) procedureFields(lam *analyze.Lambda, name string) jen.Dict {
	return jen.Dict{jen.Id("ProcInfo"): g.procInfo(lam, name)}
}

// fixedEntry reports whether lam fits one of the per-arity entries F0-F4.
func fixedEntry(lam *analyze.Lambda) bool { return lam.Rest == nil && len(lam.Params) <= 4 }

// adapterFN returns a func(t, args []rt.Value) rt.Value literal that checks
// the argument count and calls fn, for procedures with a rest parameter or
// more than four parameters. self names the *rt.Procedure for errors.
func adapterFN(lam *analyze.Lambda, fn jen.Code, self jen.Code) jen.Code {
	n := len(lam.Params)
	var check jen.Code
	if lam.Rest != nil {
		check = jen.Len(jen.Id("args")).Op("<").Lit(n)
	} else {
		check = jen.Len(jen.Id("args")).Op("!=").Lit(n)
	}
	callArgs := []jen.Code{thread()}
	for i := 0; i < n; i++ {
		callArgs = append(callArgs, jen.Id("args").Index(jen.Lit(i)))
	}
	if lam.Rest != nil {
		callArgs = append(callArgs, rtq("List").Call(jen.Id("args").Index(jen.Lit(n).Op(":")).Op("...")))
	}
	return jen.Func().Params(threadParam(), jen.Id("args").Index().Add(valueType())).Add(valueType()).Block(
		jen.If(check).Block(jen.Return(thread().Dot("ArityError").Call(self, jen.Len(jen.Id("args"))))),
		jen.Return(jen.Add(fn).Call(callArgs...)),
	)
}

// knownProcedure emits the Go function for a known top-level procedure and
// its static rt.Procedure (once).
func (g *gen) knownProcedure(lam *analyze.Lambda, schemeName string) {
	if _, done := g.knownProc[lam]; done {
		return
	}
	if lam.Group != nil {
		g.groupProcedure(lam, schemeName)
		return
	}
	fname := g.knownFunc[lam]
	pname := g.names.fresh("proc_" + fname)
	g.knownProc[lam] = pname
	stmts, loopNames := g.body(lam)
	stmts = append(g.fxEntry(lam, loopNames), stmts...)
	g.funcs = append(g.funcs,
		jen.Comment(fmt.Sprintf("%s is %s, defined at %s.", fname, schemeName, lam.P)).Line().
			Func().Id(fname).Params(g.params(lam, loopNames)...).Add(valueType()).Block(stmts...))
	g.procDecls = append(g.procDecls, jen.Id(pname).Qual(RTPath, "Procedure"))
	g.procNames = append(g.procNames, jen.Id(fname), jen.Lit(schemeName))
	fields := g.procedureFields(lam, schemeName)
	if fixedEntry(lam) {
		fields[jen.Id(fmt.Sprintf("F%d", len(lam.Params)))] = jen.Id(fname)
	} else {
		fields[jen.Id("FN")] = adapterFN(lam, jen.Id(fname), jen.Op("&").Id(pname))
	}
	g.procInits = append(g.procInits, jen.Id(pname).Op("=").Add(procValue(fields)))
	if sname := g.specFunc[lam]; sname != "" {
		g.specProcedure(lam, schemeName, sname)
	}
}

// specProcedure emits the second entry of a known procedure whose
// parameters with FuncArity are only called (analyze's closures pass,
// funcParams): those parameters are Go functions, calls of it that pass
// lambdas for them (Call.FuncArgs) pass Go function literals, and Go
// keeps those on the stack, since the entry only calls them.
func (g *gen) specProcedure(lam *analyze.Lambda, schemeName, sname string) {
	g.specProc = lam
	stmts, loopNames := g.bodyOf(lam, true)
	g.specProc = nil
	ps := []jen.Code{threadParam()}
	for _, p := range lam.Params {
		name := g.localName(p)
		if alt, ok := loopNames[p]; ok {
			name = alt
		}
		if p.FuncArity > 0 {
			ps = append(ps, jen.Id(name).Add(funcArgType(p.FuncArity-1)))
			continue
		}
		ps = append(ps, jen.Id(name).Add(valueType()))
	}
	g.funcs = append(g.funcs,
		jen.Comment(fmt.Sprintf("%s is %s, defined at %s, for callers that pass lambdas as Go functions.", sname, schemeName, lam.P)).Line().
			Func().Id(sname).Params(ps...).Add(valueType()).Block(stmts...))
	g.procNames = append(g.procNames, jen.Id(sname), jen.Lit(schemeName))
}

// funcArgType is the Go type of a lambda of n parameters passed as a Go
// function.
func funcArgType(n int) jen.Code {
	ps := []jen.Code{jen.Op("*").Qual(RTPath, "Thread")}
	for range n {
		ps = append(ps, valueType())
	}
	return jen.Func().Params(ps...).Add(valueType())
}

// groupProcedure is knownProcedure for a member of a group of known
// global procedures that tail-call each other (analyze's closures pass):
// the group's Go function, emitted with its first member, runs every
// member's body, and the member's rt.Procedure enters it at the member's
// index. Direct calls of a member call the group's function (knownArgs).
func (g *gen) groupProcedure(lam *analyze.Lambda, schemeName string) {
	fname := g.knownFunc[lam]
	if !g.lifted[lam.Group[0]] {
		g.lifted[lam.Group[0]] = true
		params, stmts := g.groupBody(lam.Group)
		names := make([]string, len(lam.Group))
		for i, m := range lam.Group {
			names[i] = g.groupNames[m]
		}
		g.funcs = append(g.funcs,
			jen.Comment(fmt.Sprintf("%s is the procedures %s, defined from %s, which tail-call each other.", fname, strings.Join(names, ", "), lam.Group[0].P)).Line().
				Func().Id(fname).Params(params...).Add(valueType()).Block(stmts...))
		var members []jen.Code
		for i, m := range lam.Group {
			members = append(members, jen.Values(jen.Dict{jen.Id("Name"): jen.Lit(names[i]), jen.Id("File"): jen.Lit(m.P.File), jen.Id("Line"): jen.Lit(int(m.P.Line))}))
		}
		g.procNames = append(g.procNames, jen.Id(fname), jen.Index().Qual(RTPath, "GroupMember").Values(members...))
	}
	pname := g.names.fresh("proc_" + goIdent(schemeName))
	g.knownProc[lam] = pname
	ps := []jen.Code{threadParam()}
	args := []jen.Code{}
	for i := range lam.Params {
		ps = append(ps, jen.Id(fmt.Sprintf("a%d", i)).Add(valueType()))
		args = append(args, jen.Id(fmt.Sprintf("a%d", i)))
	}
	entry := jen.Func().Params(ps...).Add(valueType()).Block(
		jen.Return(jen.Id(fname).Call(g.knownArgsOf(lam, args)...)))
	g.procDecls = append(g.procDecls, jen.Id(pname).Qual(RTPath, "Procedure"))
	fields := g.procedureFields(lam, schemeName)
	if fixedEntry(lam) {
		fields[jen.Id(fmt.Sprintf("F%d", len(lam.Params)))] = entry
	} else {
		fields[jen.Id("FN")] = adapterFN(lam, entry, jen.Op("&").Id(pname))
	}
	g.procInits = append(g.procInits, jen.Id(pname).Op("=").Add(procValue(fields)))
}

// funcType returns the Go type of lam's function: the thread, then one
// rt.Value per parameter (the rest list as one).
func (g *gen) funcType(lam *analyze.Lambda) jen.Code {
	ps := []jen.Code{jen.Op("*").Qual(RTPath, "Thread")}
	if lam.Group != nil {
		ps = append(ps, jen.Int())
		for range groupWidth(lam.Group) {
			ps = append(ps, valueType())
		}
		return jen.Func().Params(ps...).Add(valueType())
	}
	for range lam.Params {
		ps = append(ps, valueType())
	}
	if lam.Rest != nil {
		ps = append(ps, valueType())
	}
	return jen.Func().Params(ps...).Add(valueType())
}

// directFunc returns the Go function literal of a Direct local procedure
// (analyze's closures pass): the same body as a closure's entry, without
// the rt.Procedure around it.
func (g *gen) directFunc(lam *analyze.Lambda) jen.Code {
	if lam.Group != nil {
		params, stmts := g.groupBody(lam.Group)
		return jen.Func().Params(params...).Add(valueType()).Block(stmts...)
	}
	stmts, loopNames := g.body(lam)
	return jen.Func().Params(g.params(lam, loopNames)...).Add(valueType()).Block(stmts...)
}

// liftedProcedure emits the top-level Go function of a Lifted local
// procedure bound to v (once).
func (g *gen) liftedProcedure(lam *analyze.Lambda, v *analyze.Var) {
	if g.lifted[lam] {
		return
	}
	g.lifted[lam] = true
	fname := g.knownFunc[lam]
	if lam.Group != nil {
		params, stmts := g.groupBody(lam.Group)
		var names []string
		for _, m := range lam.Group {
			names = append(names, m.Name)
		}
		g.funcs = append(g.funcs,
			jen.Comment(fmt.Sprintf("%s is the local procedures %s, defined from %s, which tail-call each other.", fname, strings.Join(names, ", "), lam.P)).Line().
				Func().Id(fname).Params(params...).Add(valueType()).Block(stmts...))
		g.procNames = append(g.procNames, jen.Id(fname), jen.Lit(v.Name))
		return
	}
	stmts, loopNames := g.body(lam)
	g.funcs = append(g.funcs,
		jen.Comment(fmt.Sprintf("%s is the local procedure %s, defined at %s.", fname, v.Name, lam.P)).Line().
			Func().Id(fname).Params(g.params(lam, loopNames)...).Add(valueType()).Block(stmts...))
	g.procNames = append(g.procNames, jen.Id(fname), jen.Lit(v.Name))
}

// groupWidth is the number of argument parameters of a group's function.
func groupWidth(group []*analyze.Lambda) int {
	w := 0
	for _, m := range group {
		w = max(w, len(m.Params))
	}
	return w
}

// groupBody returns the parameters and statements of the Go function of a
// group of local procedures that tail-call each other (analyze's closures
// pass): it takes the index of the member to run and that member's
// arguments, and runs the members' bodies in a loop over a switch, so a
// tail call between members (or of a member to itself) sets the index and
// the arguments and goes round the loop. Each member copies its
// arguments into fresh variables, so closures capture one binding per
// call.
func (g *gen) groupBody(group []*analyze.Lambda) (params, stmts []jen.Code) {
	params = []jen.Code{threadParam(), jen.Id("entry").Int()}
	for i := range groupWidth(group) {
		params = append(params, jen.Id(fmt.Sprintf("arg%d", i)).Add(valueType()))
	}
	f := &fnGen{g: g, group: group, spec: g.specScope}
	f.push()
	f.emit(thread().Dot("StackCheck").Call())
	var cases []jen.Code
	for i, lam := range group {
		f.lam = lam
		f.push()
		for j, p := range lam.Params {
			f.emit(jen.Id(g.localName(p)).Op(":=").Id(fmt.Sprintf("arg%d", j)))
			if g.reads[p] == 0 {
				f.emit(jen.Id("_").Op("=").Id(g.localName(p)))
			}
		}
		f.stmt(lam.Body, ret)
		body := f.pop()
		if i == len(group)-1 {
			cases = append(cases, jen.Default().Block(body...))
		} else {
			cases = append(cases, jen.Case(jen.Lit(i)).Block(body...))
		}
	}
	f.emit(f.labelled(jen.For().Block(jen.Switch(jen.Id("entry")).Block(cases...))))
	return params, f.pop()
}

// closure returns an expression making a procedure value for lam.
func (f *fnGen) closure(lam *analyze.Lambda) jen.Code {
	g := f.g
	if g.flatClosure(lam) {
		return f.flatClosure(lam)
	}
	stmts, loopNames := g.body(lam)
	fn := jen.Func().Params(g.params(lam, loopNames)...).Add(valueType()).Block(stmts...)
	fields := g.procedureFields(lam, lam.Name)
	if fixedEntry(lam) {
		fields[jen.Id(fmt.Sprintf("F%d", len(lam.Params)))] = fn
		return rtq("NewProc").Call(rtq("NewProcCode").Call(jen.Qual(RTPath, "ProcCode").Values(fields)))
	}
	// The adapter needs the procedure (for arity errors) and the body.
	tmp := f.temp()
	f.emit(jen.Id(tmp).Op(":=").Add(rtq("NewProcCode").Call(jen.Qual(RTPath, "ProcCode").Values(fields))))
	body := f.temp()
	f.emit(jen.Id(body).Op(":=").Add(fn))
	f.emit(jen.Id(tmp).Dot("FN").Op("=").Add(adapterFN(lam, jen.Id(body), jen.Id(tmp))))
	return rtq("NewProc").Call(jen.Id(tmp))
}

// constant returns an expression for a literal value. Immediates are
// written inline; heap constants become package variables built once.
func (g *gen) constant(v rt.Value, pos parse.Pos) jen.Code {
	switch {
	case v.IsFixnum():
		return rtq("Fixnum").Call(jen.Op(strconv.FormatInt(v.Int(), 10)))
	case v.IsFlonum():
		return rtq("Flonum").Call(floatLit(v.Float()))
	case v.IsChar():
		return rtq("Char").Call(jen.LitRune(v.Rune()))
	case v.IsBool():
		if v.IsTrue() {
			return rtq("True")
		}
		return rtq("False")
	case v.IsNull():
		return rtq("Null")
	case v.IsUnspec():
		return rtq("Unspecified")
	}
	name := g.names.fresh(fmt.Sprintf("k%d", len(g.constDecls)))
	init, err := g.heapConstant(v, map[*rt.Pair]bool{})
	if err != nil && g.err == nil {
		g.err = &parse.Error{Pos: pos, Msg: err.Error()}
	}
	g.constDecls = append(g.constDecls, jen.Id(name).Op("=").Add(init))
	return jen.Id(name)
}

func floatLit(f float64) jen.Code {
	switch {
	case math.IsInf(f, 1):
		return jen.Qual("math", "Inf").Call(jen.Lit(1))
	case math.IsInf(f, -1):
		return jen.Qual("math", "Inf").Call(jen.Lit(-1))
	case math.IsNaN(f):
		return jen.Qual("math", "NaN").Call()
	case f == 0 && math.Signbit(f):
		return jen.Qual("math", "Copysign").Call(jen.Lit(0.0), jen.Lit(-1.0))
	}
	return jen.Lit(f)
}

// heapConstant returns an expression that builds v.
func (g *gen) heapConstant(v rt.Value, seen map[*rt.Pair]bool) (jen.Code, error) {
	switch {
	case v.IsFixnum(), v.IsFlonum(), v.IsChar(), v.IsBool(), v.IsNull(), v.IsUnspec():
		return g.constant(v, parse.Pos{}), nil
	case v.IsString():
		return rtq("Str").Call(jen.Lit(v.Str().String())), nil
	case v.IsSymbol():
		return rtq("Intern").Call(jen.Lit(v.Sym().Name)), nil
	case v.Is(rt.TBignum):
		return rtq("BigLiteral").Call(jen.Lit(v.Big().String())), nil
	case v.Is(rt.TRatnum):
		r := v.Rat()
		return rtq("RatLiteral").Call(jen.Lit(r.Num().String()), jen.Lit(new(big.Int).Set(r.Denom()).String())), nil
	case v.Is(rt.TBytevector):
		bs := make([]jen.Code, len(v.Bytes().B))
		for i, b := range v.Bytes().B {
			bs[i] = jen.Lit(int(b))
		}
		return rtq("NewBytevector").Call(jen.Index().Byte().Values(bs...)), nil
	case v.IsVector():
		items := make([]jen.Code, len(v.Vec().Items))
		for i, x := range v.Vec().Items {
			c, err := g.heapConstant(x, seen)
			if err != nil {
				return nil, err
			}
			items[i] = c
		}
		return rtq("NewVector").Call(jen.Index().Add(valueType()).Values(items...)), nil
	case v.IsPair():
		var items []jen.Code
		for v.IsPair() {
			if seen[v.Pair()] {
				return nil, fmt.Errorf("cannot compile a cyclic constant")
			}
			seen[v.Pair()] = true
			c, err := g.heapConstant(v.Pair().Car, seen)
			if err != nil {
				return nil, err
			}
			items = append(items, c)
			v = v.Pair().Cdr
		}
		if v.IsNull() {
			return rtq("List").Call(items...), nil
		}
		tail, err := g.heapConstant(v, seen)
		if err != nil {
			return nil, err
		}
		return rtq("ListStar").Call(append(items, tail)...), nil
	}
	if c, ok := numVectorConstant(v); ok {
		return c, nil
	}
	return nil, fmt.Errorf("cannot compile a constant %s", rt.WriteString(v))
}

type stackCheck uint8

const (
	noCheck          stackCheck = iota
	checkAtEntry                // closures
	checkBeforeCalls            // recursive known procedures (fnGen.lazyCheck)
)

// stackCheckKind decides where lam tests the stack alarm
// (rt.Thread.StackCheck), so that runaway recursion is a Scheme error
// rather than Go's fatal stack overflow. Closures, which can recurse
// through unknown calls, test on entry. Known procedures on a cycle of
// non-tail known calls test once per activation, just before the first
// non-tail call that could recurse (so leaves, such as fib's base case,
// pay nothing). Other known procedures cannot nest deeper than the program
// is long, and self tail calls are loops.
func (g *gen) stackCheckKind(lam *analyze.Lambda) stackCheck {
	if g.recursive == nil {
		g.recursive, g.known = recursiveKnown(g.prog)
	}
	switch {
	case g.unsafeNoStackCheck(): // --unsafe (unsafe.go)
		return noCheck
	case !g.known[lam]:
		return checkAtEntry
	case g.recursive[lam]:
		return checkBeforeCalls
	}
	return noCheck
}

// checkBeforeCall emits the stack check of a lazily checking procedure
// before a non-tail call of target (nil: unknown), once per path.
func (f *fnGen) checkBeforeCall(target *analyze.Lambda) {
	if !f.lazyCheck || f.stackChecked || (target != nil && !f.g.recursive[target]) {
		return
	}
	f.emit(thread().Dot("StackCheck").Call())
	f.stackChecked = true
}

// recursiveKnown returns the known procedures that can reach themselves
// through non-tail calls of known procedures, and the set of all known
// procedures.
func recursiveKnown(prog *analyze.Program) (rec, known map[*analyze.Lambda]bool) {
	calls := map[*analyze.Lambda][]*analyze.Lambda{}
	known = map[*analyze.Lambda]bool{}
	for _, gl := range prog.Globals {
		lam := gl.Known
		if lam == nil {
			continue
		}
		known[lam] = true
		analyze.Walk(lam.Body, func(n analyze.Node) bool {
			switch n := n.(type) {
			case *analyze.Lambda:
				return n.InPlace // its code is this procedure's
			case *analyze.Call:
				if r, ok := n.Fn.(*analyze.GlobalRef); ok && r.G.Known != nil && (!n.Tail || n.FuncArgs) {
					calls[lam] = append(calls[lam], r.G.Known)
				}
			}
			return true
		})
	}
	rec = map[*analyze.Lambda]bool{}
	for from := range calls {
		seen := map[*analyze.Lambda]bool{}
		stack := append([]*analyze.Lambda(nil), calls[from]...)
		for len(stack) > 0 {
			l := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if l == from {
				rec[from] = true
				break
			}
			if !seen[l] {
				seen[l] = true
				stack = append(stack, calls[l]...)
			}
		}
	}
	return rec, known
}

// flatClosure reports whether lam is made as one object: a Go struct that
// embeds its rt.Procedure and holds the values it captures, with a
// top-level Go function as its entry, which finds the struct through
// rt.Thread.Self. A Go closure would be a second allocation. The captured
// variables must be copied when the lambda is made: each must be an
// rt.Value that never changes afterwards (not set!, not bound by a
// letrec, whose variables are set after closures over them are made).
func (g *gen) flatClosure(lam *analyze.Lambda) bool {
	if !fixedEntry(lam) || len(lam.Free) == 0 || lam.Direct {
		return false
	}
	captures := false
	for _, v := range lam.Free {
		if g.liftedVar(v) {
			continue // a top-level Go function: nothing to capture
		}
		if v.Assigned || g.letrecVar[v] || v.FuncArity > 0 {
			return false
		}
		captures = true
	}
	return captures // else a Go function literal that captures nothing is one allocation already
}

// liftedVar reports whether v names a Lifted local procedure, which has
// no Go variable (its calls name a top-level Go function).
func (g *gen) liftedVar(v *analyze.Var) bool {
	l := g.directVar[v]
	return l != nil && l.Lifted
}

// flatClosure makes lam as one object (gen.flatClosure): it emits the
// struct type and returns the expression making one. The entry is a Go
// function literal that captures nothing (it declares the captured
// variables itself, from the struct), so Go makes no closure for it, and
// backtraces name it as before.
func (f *fnGen) flatClosure(lam *analyze.Lambda) jen.Code {
	g := f.g
	tname := g.names.fresh(fmt.Sprintf("closure%d", lam.ID))
	fields := []jen.Code{jen.Qual(RTPath, "Procedure")}
	values := jen.Dict{}
	prologue := []jen.Code{jen.Id("self").Op(":=").Parens(jen.Op("*").Id(tname)).Call(jen.Qual("unsafe", "Pointer").Call(thread().Dot("Self")))}
	for _, v := range lam.Free {
		if g.liftedVar(v) {
			continue
		}
		name := g.localName(v)
		fields = append(fields, jen.Id(name).Add(valueType()))
		values[jen.Id(name)] = jen.Id(name)
		prologue = append(prologue, jen.Id(name).Op(":=").Id("self").Dot(name), jen.Id("_").Op("=").Id(name))
	}
	g.funcs = append(g.funcs,
		jen.Comment(fmt.Sprintf("%s is a procedure made by the lambda at %s, with the values it captured (read by its entry through rt.Thread.Self).", tname, lam.P)).Line().
			Type().Id(tname).Struct(fields...))
	stmts, loopNames := g.body(lam)
	entry := jen.Func().Params(g.params(lam, loopNames)...).Add(valueType()).Block(append(prologue, stmts...)...)
	proc := g.procedureFields(lam, lam.Name)
	proc[jen.Id(fmt.Sprintf("F%d", len(lam.Params)))] = entry
	// The entry and facts are the same for every closure of the lambda:
	// one rt.ProcCode, set in an init function (a package variable's
	// initializer could form an initialization cycle through the
	// functions the entry calls).
	code := g.names.fresh("code_" + tname)
	g.procDecls = append(g.procDecls, jen.Id(code).Qual(RTPath, "ProcCode"))
	g.procInits = append(g.procInits, jen.Id(code).Op("=").Qual(RTPath, "ProcCode").Values(proc))
	values[jen.Id("Procedure")] = jen.Qual(RTPath, "Procedure").Values(jen.Dict{jen.Id("ProcCode"): jen.Op("&").Id(code)})
	return rtq("NewProc").Call(jen.Op("&").Parens(jen.Op("&").Id(tname).Values(values)).Dot("Procedure"))
}
