package interp

import (
	"unsafe"

	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/rt"
)

// compile turns one IR node into code running in frames laid out by l.
func (c *compiler) compile(n analyze.Node, l *layout) code {
	switch n := n.(type) {
	case *analyze.Const:
		v := n.Val
		return func(*rt.Thread, []rt.Value) rt.Value { return v }
	case *analyze.Ref:
		return c.ref(n.Var, l)
	case *analyze.Set:
		return c.set(n, l)
	case *analyze.GlobalRef:
		return c.globalRef(n)
	case *analyze.GlobalSet:
		return c.globalSet(n, l)
	case *analyze.PrimRef:
		v := n.Prim.Proc.Value()
		return func(*rt.Thread, []rt.Value) rt.Value { return v }
	case *analyze.If:
		// (if (not x) a b) is (if x b a).
		for {
			pc, ok := n.Test.(*analyze.PrimCall)
			if !ok || pc.Prim.Name != "not" || len(pc.Args) != 1 {
				break
			}
			n = &analyze.If{P: n.P, Test: pc.Args[0], Then: n.Else, Else: n.Then}
		}
		if c.unwinds(n.Test) {
			test, then, els := c.compile(n.Test, l), c.compile(n.Then, l), c.compile(n.Else, l)
			return thenCode(test, func(t *rt.Thread, f []rt.Value, v rt.Value) rt.Value {
				if v.IsTrue() {
					return then(t, f)
				}
				return els(t, f)
			})
		}
		test, then, els := c.test(n.Test, l), c.compile(n.Then, l), c.compile(n.Else, l)
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			if test(t, f) {
				return then(t, f)
			}
			return els(t, f)
		}
	case *analyze.Seq:
		codes := make([]code, len(n.Exprs))
		for i, e := range n.Exprs {
			codes[i] = c.compile(e, l)
		}
		init, last := codes[:len(codes)-1], codes[len(codes)-1]
		if c.anyUnwinds(n.Exprs[:len(n.Exprs)-1]) {
			return func(t *rt.Thread, f []rt.Value) rt.Value { return seqFrom(t, f, init, 0, last) }
		}
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			for _, e := range init {
				e(t, f)
			}
			return last(t, f)
		}
	case *analyze.Lambda:
		return c.lambda(n, l)
	case *analyze.Call:
		return c.call(n, l)
	case *analyze.PrimCall:
		return c.primCall(n, l)
	case *analyze.Let:
		return c.let(n.Vars, n.Inits, n.Body, l, false)
	case *analyze.Letrec:
		return c.let(n.Vars, n.Inits, n.Body, l, true)
	}
	panic("interp: unknown IR node")
}

func (c *compiler) ref(v *analyze.Var, l *layout) code {
	i := l.find(v)
	if c.boxed(v) {
		return func(_ *rt.Thread, f []rt.Value) rt.Value { return f[i].Pair().Car }
	}
	return func(_ *rt.Thread, f []rt.Value) rt.Value { return f[i] }
}

func (c *compiler) set(n *analyze.Set, l *layout) code {
	i := l.find(n.Var)
	val := c.compile(n.Value, l)
	var assign func(t *rt.Thread, f []rt.Value, v rt.Value) rt.Value
	if c.boxed(n.Var) {
		assign = func(t *rt.Thread, f []rt.Value, v rt.Value) rt.Value {
			f[i].Pair().Car = v
			return rt.Unspecified
		}
	} else {
		assign = func(t *rt.Thread, f []rt.Value, v rt.Value) rt.Value {
			f[i] = v
			return rt.Unspecified
		}
	}
	if c.unwinds(n.Value) {
		return thenCode(val, assign)
	}
	return func(t *rt.Thread, f []rt.Value) rt.Value { return assign(t, f, val(t, f)) }
}

func (c *compiler) globalRef(n *analyze.GlobalRef) code {
	cell := c.globals.cell(n.G.Name)
	loc, name := c.loc(n.P), n.G.Name
	return func(t *rt.Thread, _ []rt.Value) rt.Value {
		v := *cell
		if v.IsUnbound() {
			t.Loc = loc
			return t.Errorf("", "unbound variable: %s", name)
		}
		return v
	}
}

func (c *compiler) globalSet(n *analyze.GlobalSet, l *layout) code {
	cell := c.globals.cell(n.G.Name)
	val := c.compile(n.Value, l)
	var assign func(t *rt.Thread, f []rt.Value, v rt.Value) rt.Value
	if n.Define {
		assign = func(t *rt.Thread, f []rt.Value, v rt.Value) rt.Value {
			*cell = v
			return rt.Unspecified
		}
	} else {
		loc, name := c.loc(n.P), n.G.Name
		assign = func(t *rt.Thread, f []rt.Value, v rt.Value) rt.Value {
			if cell.IsUnbound() {
				t.Loc = loc
				return t.Errorf("set!", "unbound variable: %s", name)
			}
			*cell = v
			return rt.Unspecified
		}
	}
	if c.unwinds(n.Value) {
		return thenCode(val, assign)
	}
	return func(t *rt.Thread, f []rt.Value) rt.Value { return assign(t, f, val(t, f)) }
}

// binder stores the value of a new binding in its slot (in a fresh box
// for a boxed variable).
func (c *compiler) binder(v *analyze.Var, i int) func(f []rt.Value, x rt.Value) {
	if c.boxed(v) {
		return func(f []rt.Value, x rt.Value) { f[i] = newBox(x) }
	}
	return func(f []rt.Value, x rt.Value) { f[i] = x }
}

// let binds vars in slots of the current frame and runs body. Every
// evaluation makes new bindings: closures hold copies of the values, and a
// boxed variable gets a fresh box. With rec the inits see the new
// variables (letrec*): a boxed variable's box is made before the inits;
// a closure made directly by an init captures the later variables before
// they are set, so each variable's value is patched into the closures
// that captured it as soon as its init has run; a variable that a closure
// made inside another init may capture early is boxed (earlyBox).
func (c *compiler) let(vars []*analyze.Var, inits []analyze.Node, body analyze.Node, l *layout, rec bool) code {
	idx := make([]int, len(vars))
	if rec {
		pos := map[*analyze.Var]int{}
		for i, v := range vars {
			pos[v] = i
		}
		for i, e := range inits {
			if _, ok := e.(*analyze.Lambda); ok {
				continue
			}
			analyze.Walk(e, func(n analyze.Node) bool {
				if lam, ok := n.(*analyze.Lambda); ok {
					for _, fv := range lam.Free {
						if j, ok := pos[fv]; ok && j >= i && !fv.Boxed {
							c.earlyBox[fv] = true
						}
					}
				}
				return true
			})
		}
		for i, v := range vars {
			idx[i] = l.add(v)
		}
		return c.letrec(vars, inits, body, l, idx, pos)
	}
	initCodes := c.codes(inits, l)
	binds := make([]func(f []rt.Value, x rt.Value), len(vars))
	for i, v := range vars {
		idx[i] = l.add(v)
		binds[i] = c.binder(v, idx[i])
	}
	bodyCode := c.compile(body, l)
	anyBoxed := false
	for _, v := range vars {
		anyBoxed = anyBoxed || c.boxed(v)
	}
	if c.anyUnwinds(inits) {
		if len(vars) == 1 {
			bind := binds[0]
			return thenCode(initCodes[0], func(t *rt.Thread, f []rt.Value, v rt.Value) rt.Value {
				bind(f, v)
				return bodyCode(t, f)
			})
		}
		return evalAll(initCodes, func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
			for i, b := range binds {
				b(f, v.at(i))
			}
			return bodyCode(t, f)
		})
	}
	// The inits cannot see the new variables, whose slots no other code
	// uses, so each value can be stored as soon as it is computed.
	if !anyBoxed {
		if len(vars) == 1 {
			i0, e0 := idx[0], initCodes[0]
			return func(t *rt.Thread, f []rt.Value) rt.Value {
				f[i0] = e0(t, f)
				return bodyCode(t, f)
			}
		}
		if len(vars) == 2 {
			i0, e0, i1, e1 := idx[0], initCodes[0], idx[1], initCodes[1]
			return func(t *rt.Thread, f []rt.Value) rt.Value {
				f[i0] = e0(t, f)
				f[i1] = e1(t, f)
				return bodyCode(t, f)
			}
		}
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			for i, e := range initCodes {
				f[idx[i]] = e(t, f)
			}
			return bodyCode(t, f)
		}
	}
	return func(t *rt.Thread, f []rt.Value) rt.Value {
		for i, e := range initCodes {
			binds[i](f, e(t, f))
		}
		return bodyCode(t, f)
	}
}

// patch is a closure slot to fill once a letrec variable is set: the
// free-variable index k of the closure made by init i.
type patch struct{ init, k int }

func (c *compiler) letrec(vars []*analyze.Var, inits []analyze.Node, body analyze.Node, l *layout, idx []int, pos map[*analyze.Var]int) code {
	n := len(vars)
	var boxes []int // slots that get their box before the inits run
	for i, v := range vars {
		if c.boxed(v) {
			boxes = append(boxes, idx[i])
		}
	}
	// makers[i] makes the closure of a lambda init and returns its free
	// values, which patches[j] fill once variable j is set.
	makers := make([]func(t *rt.Thread, f []rt.Value) (rt.Value, []rt.Value), n)
	patches := make([][]patch, n)
	initCodes := make([]code, n)
	anyPatch := false
	for i, e := range inits {
		if lam, ok := e.(*analyze.Lambda); ok {
			makers[i] = c.closureMaker(lam, l)
			for k, fv := range lam.Free {
				if j, ok := pos[fv]; ok && j >= i && !c.boxed(fv) {
					patches[j] = append(patches[j], patch{i, k})
					anyPatch = true
				}
			}
			mk := makers[i]
			initCodes[i] = func(t *rt.Thread, f []rt.Value) rt.Value { v, _ := mk(t, f); return v }
			continue
		}
		initCodes[i] = c.compile(e, l)
	}
	binds := make([]func(f []rt.Value, x rt.Value), n)
	for i, v := range vars {
		if c.boxed(v) {
			k := idx[i]
			binds[i] = func(f []rt.Value, x rt.Value) { f[k].Pair().Car = x }
		} else {
			binds[i] = c.binder(v, idx[i])
		}
	}
	bodyCode := c.compile(body, l)
	// An init that is not a lambda may read a later variable (an error
	// R7RS does not require to be detected): it sees the zero value, not
	// a stale one from an earlier frame.
	var unset []int
	for _, e := range inits {
		if _, ok := e.(*analyze.Lambda); !ok {
			for j := range vars {
				if !c.boxed(vars[j]) {
					unset = append(unset, idx[j])
				}
			}
			break
		}
	}
	if !anyPatch && len(boxes) == 0 && !c.anyUnwinds(inits) {
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			for _, k := range unset {
				f[k] = rt.Value{}
			}
			for i, e := range initCodes {
				f[idx[i]] = e(t, f)
			}
			return bodyCode(t, f)
		}
	}
	// run evaluates the inits from index from on; frees holds the free
	// values of the closures made so far (for patching).
	var run func(t *rt.Thread, f []rt.Value, frees [][]rt.Value, from int) rt.Value
	set := func(f []rt.Value, frees [][]rt.Value, j int, v rt.Value) {
		binds[j](f, v)
		for _, p := range patches[j] {
			frees[p.init][p.k] = v
		}
	}
	run = func(t *rt.Thread, f []rt.Value, frees [][]rt.Value, from int) rt.Value {
		for j := from; j < n; j++ {
			if mk := makers[j]; mk != nil {
				v, free := mk(t, f)
				if anyPatch {
					frees[j] = free
				}
				set(f, frees, j, v)
				continue
			}
			v := initCodes[j](t, f)
			if rt.IsUnwind(v) {
				t.PushFrame(func(t *rt.Thread, v rt.Value) rt.Value {
					set(f, frees, j, v)
					return run(t, f, frees, j+1)
				})
				return v
			}
			set(f, frees, j, v)
		}
		return bodyCode(t, f)
	}
	return func(t *rt.Thread, f []rt.Value) rt.Value {
		for _, k := range unset {
			f[k] = rt.Value{}
		}
		for _, k := range boxes {
			f[k] = newBox(rt.Value{})
		}
		var frees [][]rt.Value
		if anyPatch {
			frees = make([][]rt.Value, n)
		}
		return run(t, f, frees, 0)
	}
}

// selfLoop is returned by a self tail call to the procedure's entry, which
// then runs the body again on the same frame.
var selfLoop = rt.NewForeign("self-loop", nil)

func isSelfLoop(v rt.Value) bool { return rt.Eq(v, selfLoop) }

func (c *compiler) lambda(n *analyze.Lambda, l *layout) code {
	mk := c.closureMaker(n, l)
	return func(t *rt.Thread, f []rt.Value) rt.Value { v, _ := mk(t, f); return v }
}

// closureMaker compiles a lambda expression to the code that makes its
// closure; the code also returns the closure's free values (for letrec's
// patches).
func (c *compiler) closureMaker(n *analyze.Lambda, l *layout) func(t *rt.Thread, f []rt.Value) (rt.Value, []rt.Value) {
	// Where the free variables are in the enclosing frame.
	from := make([]int, len(n.Free))
	for k, v := range n.Free {
		from[k] = l.find(v)
	}
	lay := newLayout()
	for _, p := range n.Params {
		lay.add(p)
	}
	hasRest := n.Rest != nil
	if hasRest {
		lay.add(n.Rest)
	}
	base := lay.size
	for _, v := range n.Free {
		lay.add(v)
	}
	nfree := len(n.Free)
	var boxParams []int // parameters that live in boxes
	for i, p := range n.Params {
		if c.boxed(p) {
			boxParams = append(boxParams, i)
		}
	}
	if hasRest && c.boxed(n.Rest) {
		boxParams = append(boxParams, len(n.Params))
	}
	li := &lambdaInfo{lam: n, layout: lay}
	c.lambdas = append(c.lambdas, li)
	inner := c.compile(n.Body, lay)
	c.lambdas = c.lambdas[:len(c.lambdas)-1]
	// Only a body with self tail calls needs a frame that turns selfLoop
	// into another run of the body when it resumes after an unwind.
	loops := li.selfCalls
	size := lay.size
	locals := base + nfree
	// loop runs the body, again after each self tail call.
	var loop func(t *rt.Thread, f []rt.Value) rt.Value
	loop = func(t *rt.Thread, f []rt.Value) rt.Value {
		for {
			r := inner(t, f)
			if !isSelfLoop(r) {
				if loops && rt.IsUnwind(r) {
					// The rest of the body may end in a self tail
					// call, which loops here.
					t.PushPassFrame(func(t *rt.Thread, v rt.Value) rt.Value {
						if !isSelfLoop(v) {
							return v
						}
						return loop(t, f)
					})
				}
				return r
			}
		}
	}
	// enter runs an activation, counting the depth of interpreted
	// activations on the Go stack: past rt.HeapStackAt the stack moves to
	// the heap (rt.Thread.MoveStack), so deep non-tail recursion is
	// limited by memory, not by Go's stack.
	var enter func(t *rt.Thread, f []rt.Value) rt.Value
	enter = func(t *rt.Thread, f []rt.Value) rt.Value {
		if t.Deep() {
			return t.MoveStack(func(t *rt.Thread, _ rt.Value) rt.Value { return enter(t, f) })
		}
		t.EnterFrame(n.Name)
		r := loop(t, f)
		t.Leave()
		return r
	}
	// start fills the rest of a new frame whose parameters are set, runs
	// the activation (enter and loop, written out on the common path) and
	// gives the frame back. The let variables are cleared (see alloc).
	nboxed := len(boxParams)
	start := func(t *rt.Thread, s *stack, ch *chunk, sp int, f []rt.Value, free []rt.Value) rt.Value {
		mine, off := s.cur, s.sp-len(f) // alloc just took f from the top
		if nboxed > 0 {
			for _, i := range boxParams {
				f[i] = newBox(f[i])
			}
		}
		for k, v := range free {
			f[base+k] = v
		}
		for k := locals; k < len(f); k++ {
			f[k] = rt.Value{}
		}
		// A non-local exit (an escape, a raise caught further out, a
		// continuation invoked back to its driver) panics through the
		// activation: the point where it lands resets the stack below
		// this frame (rt.StackMarker).
		var r rt.Value
		if t.Deep() {
			r = t.MoveStack(func(t *rt.Thread, _ rt.Value) rt.Value { return enter(t, f) })
		} else {
			t.EnterFrame(n.Name)
			for {
				r = inner(t, f)
				if !isSelfLoop(r) {
					break
				}
			}
			if loops && rt.IsUnwind(r) {
				t.PushPassFrame(func(t *rt.Thread, v rt.Value) rt.Value {
					if !isSelfLoop(v) {
						return v
					}
					return loop(t, f)
				})
			}
			t.Leave()
		}
		s.release(ch, sp, mine, off, f, r)
		return r
	}
	name, pos, nparams := n.Name, n.P, len(n.Params)
	max := nparams
	if hasRest {
		max = -1
	}
	info := &rt.ProcInfo{Name: name, Req: nparams, Max: max, Pos: pos}
	lc := &lambdaCode{start: start, size: size}
	// The entries are made once per lambda, not per closure: the runtime
	// sets t.Self to the procedure whose entry it calls, and the
	// procedure is the closure's first field, so a closure is one
	// allocation (with its free values inline when there are few).
	proto := rt.Procedure{ProcCode: &rt.ProcCode{}}
	switch {
	case hasRest || nparams > 4:
		proto.FN = func(t *rt.Thread, args []rt.Value) rt.Value {
			cl := (*closure)(unsafe.Pointer(t.Self))
			if len(args) < nparams || (!hasRest && len(args) != nparams) {
				return t.ArityError(&cl.proc, len(args))
			}
			s := stackOf(t)
			ch, sp := s.cur, s.sp
			nf := s.alloc(lc.size)
			copy(nf, args[:nparams])
			if hasRest {
				nf[nparams] = rt.List(args[nparams:]...)
			}
			return lc.start(t, s, ch, sp, nf, cl.free)
		}
	case nparams == 0:
		proto.F0 = func(t *rt.Thread) rt.Value {
			cl := (*closure)(unsafe.Pointer(t.Self))
			s := stackOf(t)
			ch, sp := s.cur, s.sp
			return lc.start(t, s, ch, sp, s.alloc(lc.size), cl.free)
		}
	case nparams == 1:
		proto.F1 = func(t *rt.Thread, a rt.Value) rt.Value {
			cl := (*closure)(unsafe.Pointer(t.Self))
			s := stackOf(t)
			ch, sp := s.cur, s.sp
			nf := s.alloc(lc.size)
			nf[0] = a
			return lc.start(t, s, ch, sp, nf, cl.free)
		}
	case nparams == 2:
		proto.F2 = func(t *rt.Thread, a, b rt.Value) rt.Value {
			cl := (*closure)(unsafe.Pointer(t.Self))
			s := stackOf(t)
			ch, sp := s.cur, s.sp
			nf := s.alloc(lc.size)
			nf[0], nf[1] = a, b
			return lc.start(t, s, ch, sp, nf, cl.free)
		}
	case nparams == 3:
		proto.F3 = func(t *rt.Thread, a, b, c rt.Value) rt.Value {
			cl := (*closure)(unsafe.Pointer(t.Self))
			s := stackOf(t)
			ch, sp := s.cur, s.sp
			nf := s.alloc(lc.size)
			nf[0], nf[1], nf[2] = a, b, c
			return lc.start(t, s, ch, sp, nf, cl.free)
		}
	case nparams == 4:
		proto.F4 = func(t *rt.Thread, a, b, c, d rt.Value) rt.Value {
			cl := (*closure)(unsafe.Pointer(t.Self))
			s := stackOf(t)
			ch, sp := s.cur, s.sp
			nf := s.alloc(lc.size)
			nf[0], nf[1], nf[2], nf[3] = a, b, c, d
			return lc.start(t, s, ch, sp, nf, cl.free)
		}
	}
	proto.ProcInfo = info
	return func(t *rt.Thread, f []rt.Value) (rt.Value, []rt.Value) {
		cl := &closure{proc: proto}
		if nfree > 0 {
			if nfree <= len(cl.inl) {
				cl.free = cl.inl[:nfree:nfree]
			} else {
				cl.free = make([]rt.Value, nfree)
			}
			for k, i := range from {
				cl.free[k] = f[i]
			}
		}
		return rt.NewProc(&cl.proc), cl.free
	}
}

// closure is an interpreted procedure: the rt.Procedure (first, so that
// its entries, shared by every closure of the lambda, find the closure
// from rt.Thread.Self) and the values of its free variables (inline when
// there are few), made in one allocation.
type closure struct {
	proc rt.Procedure
	free []rt.Value
	inl  [3]rt.Value
}

// lambdaCode is what every closure of one lambda expression shares.
type lambdaCode struct {
	start func(t *rt.Thread, s *stack, ch *chunk, sp int, f []rt.Value, free []rt.Value) rt.Value
	size  int // frame size
}

// selfCall compiles a tail call of the procedure being compiled to itself:
// it stores the new arguments in the frame's parameters and returns
// selfLoop, and the procedure's entry runs the body again without growing
// the Go stack or bouncing through the trampoline. Closures made by the
// previous iteration hold copies of the old values (or the old boxes). It
// returns nil when n is not such a call.
func (c *compiler) selfCall(n *analyze.Call, l *layout) code {
	if !n.Tail || len(c.lambdas) == 0 {
		return nil
	}
	info := c.lambdas[len(c.lambdas)-1]
	lam := info.lam
	if info.layout != l {
		return nil
	}
	switch fn := n.Fn.(type) {
	case *analyze.GlobalRef:
		if fn.G.Known != lam {
			return nil
		}
	case *analyze.Ref:
		if c.recLambda[fn.Var] != lam {
			return nil
		}
	default:
		return nil
	}
	nparams := len(lam.Params)
	if len(n.Args) < nparams || (lam.Rest == nil && len(n.Args) != nparams) {
		return nil
	}
	info.selfCalls = true
	args := c.codes(n.Args, l)
	hasRest := lam.Rest != nil
	anyBoxed := hasRest && c.boxed(lam.Rest)
	for _, p := range lam.Params {
		anyBoxed = anyBoxed || c.boxed(p)
	}
	if !hasRest && !anyBoxed && !c.anyUnwinds(n.Args) {
		switch nparams {
		case 1:
			a0 := args[0]
			return func(t *rt.Thread, f []rt.Value) rt.Value {
				f[0] = a0(t, f)
				return selfLoop
			}
		case 2:
			a0, a1 := args[0], args[1]
			return func(t *rt.Thread, f []rt.Value) rt.Value {
				x := a0(t, f)
				f[1] = a1(t, f)
				f[0] = x
				return selfLoop
			}
		case 3:
			a0, a1, a2 := args[0], args[1], args[2]
			return func(t *rt.Thread, f []rt.Value) rt.Value {
				x, y := a0(t, f), a1(t, f)
				f[2] = a2(t, f)
				f[0], f[1] = x, y
				return selfLoop
			}
		}
	}
	binds := make([]func(f []rt.Value, x rt.Value), nparams)
	for i, p := range lam.Params {
		binds[i] = c.binder(p, i)
	}
	var bindRest func(f []rt.Value, x rt.Value)
	if hasRest {
		bindRest = c.binder(lam.Rest, nparams)
	}
	store := func(t *rt.Thread, f []rt.Value, v operands) rt.Value {
		for i, b := range binds {
			b(f, v.at(i))
		}
		if hasRest {
			rest := rt.Null
			for i := v.n - 1; i >= nparams; i-- {
				rest = rt.Cons(v.at(i), rest)
			}
			bindRest(f, rest)
		}
		return selfLoop
	}
	if !hasRest && !anyBoxed && nparams <= 4 {
		// The operands are stored straight into the parameters once all
		// are evaluated; an unwinding operand leaves the rest to store.
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			v := operands{n: nparams}
			for i, a := range args {
				x := a(t, f)
				if rt.IsUnwind(x) {
					return pushOperands(t, f, args, v, i, store, x)
				}
				v.a[i] = x
			}
			copy(f[:nparams], v.a[:nparams])
			return selfLoop
		}
	}
	return evalAll(args, store)
}

func (c *compiler) codes(ns []analyze.Node, l *layout) []code {
	out := make([]code, len(ns))
	for i, n := range ns {
		out[i] = c.compile(n, l)
	}
	return out
}

func (c *compiler) call(n *analyze.Call, l *layout) code {
	if sc := c.selfCall(n, l); sc != nil {
		return sc
	}
	if c.anyUnwinds(n.Args) {
		if r := c.resumableCall(n, l); r != nil {
			return r
		}
	}
	if g, ok := n.Fn.(*analyze.GlobalRef); ok && !c.anyUnwinds(n.Args) && len(n.Args) >= 1 && len(n.Args) <= 3 {
		return c.globalCall(n, g, l)
	}
	fn := c.compile(n.Fn, l)
	args := c.codes(n.Args, l)
	loc := c.loc(n.P)
	if c.unwinds(n.Fn) || c.anyUnwinds(n.Args) {
		return evalAll(append([]code{fn}, args...), callFinisher(n.Tail, len(args), loc))
	}
	if n.Tail {
		switch len(args) {
		case 0:
			return func(t *rt.Thread, f []rt.Value) rt.Value {
				fv := fn(t, f)
				t.Loc = loc
				return t.TailCall0(fv)
			}
		case 1:
			a0 := args[0]
			return func(t *rt.Thread, f []rt.Value) rt.Value {
				fv, x := fn(t, f), a0(t, f)
				t.Loc = loc
				return t.TailCall1(fv, x)
			}
		case 2:
			a0, a1 := args[0], args[1]
			return func(t *rt.Thread, f []rt.Value) rt.Value {
				fv, x, y := fn(t, f), a0(t, f), a1(t, f)
				t.Loc = loc
				return t.TailCall2(fv, x, y)
			}
		case 3:
			a0, a1, a2 := args[0], args[1], args[2]
			return func(t *rt.Thread, f []rt.Value) rt.Value {
				fv, x, y, z := fn(t, f), a0(t, f), a1(t, f), a2(t, f)
				t.Loc = loc
				return t.TailCall3(fv, x, y, z)
			}
		case 4:
			a0, a1, a2, a3 := args[0], args[1], args[2], args[3]
			return func(t *rt.Thread, f []rt.Value) rt.Value {
				fv, x, y, z, w := fn(t, f), a0(t, f), a1(t, f), a2(t, f), a3(t, f)
				t.Loc = loc
				return t.TailCall4(fv, x, y, z, w)
			}
		}
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			fv := fn(t, f)
			vals := make([]rt.Value, len(args))
			for i, a := range args {
				vals[i] = a(t, f)
			}
			t.Loc = loc
			return t.TailCallN(fv, vals)
		}
	}
	switch len(args) {
	case 0:
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			fv := fn(t, f)
			t.Loc = loc
			return t.CallR0(fv)
		}
	case 1:
		a0 := args[0]
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			fv, x := fn(t, f), a0(t, f)
			t.Loc = loc
			return t.CallR1(fv, x)
		}
	case 2:
		a0, a1 := args[0], args[1]
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			fv, x, y := fn(t, f), a0(t, f), a1(t, f)
			t.Loc = loc
			return t.CallR2(fv, x, y)
		}
	case 3:
		a0, a1, a2 := args[0], args[1], args[2]
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			fv, x, y, z := fn(t, f), a0(t, f), a1(t, f), a2(t, f)
			t.Loc = loc
			return t.CallR3(fv, x, y, z)
		}
	case 4:
		a0, a1, a2, a3 := args[0], args[1], args[2], args[3]
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			fv, x, y, z, w := fn(t, f), a0(t, f), a1(t, f), a2(t, f), a3(t, f)
			t.Loc = loc
			return callR4(t, fv, x, y, z, w)
		}
	}
	return func(t *rt.Thread, f []rt.Value) rt.Value {
		fv := fn(t, f)
		vals := make([]rt.Value, len(args))
		for i, a := range args {
			vals[i] = a(t, f)
		}
		t.Loc = loc
		return t.CallRN(fv, vals)
	}
}

// primCall calls a primitive's Go function directly. Only a call in tail
// position may pass on a tail-call request (apply makes one).
func (c *compiler) primCall(n *analyze.PrimCall, l *layout) code {
	// (%then call (lambda (v) body)), the resumable pass's continuation
	// of a call that may unwind, is (let ((v call)) body) here: the body
	// runs in the same frame, so no closure is made for it, and a self
	// tail call in it loops (the frame an unwind pushes is thenCode's).
	if n.Prim.Name == "%then" && len(n.Args) == 2 {
		if k, ok := n.Args[1].(*analyze.Lambda); ok && len(k.Params) == 1 && k.Rest == nil {
			return c.let(k.Params, n.Args[:1], k.Body, l, false)
		}
	}
	if c.anyUnwinds(n.Args) {
		if r := c.resumablePrim2(n, l); r != nil {
			return r
		}
		return evalAll(c.codes(n.Args, l), primFinisher(n, c.loc(n.P)))
	}
	if r := c.inlinePrim(n, l); r != nil {
		return r
	}
	args := c.codes(n.Args, l)
	loc := c.loc(n.P)
	var r code
	switch fn := n.Prim.Fn.(type) {
	case func(*rt.Thread) rt.Value:
		if len(args) == 0 {
			r = func(t *rt.Thread, f []rt.Value) rt.Value {
				t.Loc = loc
				return fn(t)
			}
		}
	case func(*rt.Thread, rt.Value) rt.Value:
		if len(args) == 1 {
			a0 := args[0]
			r = func(t *rt.Thread, f []rt.Value) rt.Value {
				x := a0(t, f)
				t.Loc = loc
				return fn(t, x)
			}
		}
	case func(*rt.Thread, rt.Value, rt.Value) rt.Value:
		if len(args) == 2 {
			a0, a1 := args[0], args[1]
			r = func(t *rt.Thread, f []rt.Value) rt.Value {
				x, y := a0(t, f), a1(t, f)
				t.Loc = loc
				return fn(t, x, y)
			}
		}
	case func(*rt.Thread, rt.Value, rt.Value, rt.Value) rt.Value:
		if len(args) == 3 {
			a0, a1, a2 := args[0], args[1], args[2]
			r = func(t *rt.Thread, f []rt.Value) rt.Value {
				x, y, z := a0(t, f), a1(t, f), a2(t, f)
				t.Loc = loc
				return fn(t, x, y, z)
			}
		}
	}
	if r == nil && n.Prim.Name == "list" {
		r = func(t *rt.Thread, f []rt.Value) rt.Value {
			var small [4]rt.Value
			vals := small[:0]
			for _, a := range args {
				vals = append(vals, a(t, f))
			}
			r := rt.Null
			for i := len(vals) - 1; i >= 0; i-- {
				r = rt.Cons(vals[i], r)
			}
			return r
		}
	}
	if r == nil {
		// Variadic primitives, and calls with a count the fixed entry does
		// not take (ApplySlice reports the arity error).
		proc := n.Prim.Proc
		r = func(t *rt.Thread, f []rt.Value) rt.Value {
			vals := make([]rt.Value, len(args))
			for i, a := range args {
				vals[i] = a(t, f)
			}
			t.Loc = loc
			return proc.ApplySlice(t, vals)
		}
	}
	if n.Tail || !n.Prim.TailCalls {
		return r
	}
	return func(t *rt.Thread, f []rt.Value) rt.Value { return t.SettleR(r(t, f)) }
}

// callR4 is the missing rt.Thread.CallR4: a resumable call with four
// arguments.
func callR4(t *rt.Thread, fv, a, b, c, d rt.Value) rt.Value {
	if fv.IsProcedure() {
		if p := fv.Proc(); p.F4 != nil {
			t.Self = p
			return t.SettleR(p.F4(t, a, b, c, d))
		}
	}
	return t.CallRN(fv, []rt.Value{a, b, c, d})
}

// globalCall compiles a call of a global variable with one to three
// operands that cannot unwind (the common call of a top-level procedure),
// reading the global's cell itself.
func (c *compiler) globalCall(n *analyze.Call, g *analyze.GlobalRef, l *layout) code {
	cell := c.globals.cell(g.G.Name)
	gloc, name := c.loc(g.P), g.G.Name
	args := c.codes(n.Args, l)
	loc := c.loc(n.P)
	unbound := func(t *rt.Thread) rt.Value {
		t.Loc = gloc
		return t.Errorf("", "unbound variable: %s", name)
	}
	switch len(args) {
	case 1:
		a0 := args[0]
		if n.Tail {
			return func(t *rt.Thread, f []rt.Value) rt.Value {
				fv := *cell
				if fv.IsUnbound() {
					fv = unbound(t)
				}
				x := a0(t, f)
				t.Loc = loc
				return t.TailCall1(fv, x)
			}
		}
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			fv := *cell
			if fv.IsUnbound() {
				fv = unbound(t)
			}
			x := a0(t, f)
			t.Loc = loc
			return t.CallR1(fv, x)
		}
	case 2:
		a0, a1 := args[0], args[1]
		if n.Tail {
			return func(t *rt.Thread, f []rt.Value) rt.Value {
				fv := *cell
				if fv.IsUnbound() {
					fv = unbound(t)
				}
				x, y := a0(t, f), a1(t, f)
				t.Loc = loc
				return t.TailCall2(fv, x, y)
			}
		}
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			fv := *cell
			if fv.IsUnbound() {
				fv = unbound(t)
			}
			x, y := a0(t, f), a1(t, f)
			t.Loc = loc
			return t.CallR2(fv, x, y)
		}
	}
	a0, a1, a2 := args[0], args[1], args[2]
	if n.Tail {
		return func(t *rt.Thread, f []rt.Value) rt.Value {
			fv := *cell
			if fv.IsUnbound() {
				fv = unbound(t)
			}
			x, y, z := a0(t, f), a1(t, f), a2(t, f)
			t.Loc = loc
			return t.TailCall3(fv, x, y, z)
		}
	}
	return func(t *rt.Thread, f []rt.Value) rt.Value {
		fv := *cell
		if fv.IsUnbound() {
			fv = unbound(t)
		}
		x, y, z := a0(t, f), a1(t, f), a2(t, f)
		t.Loc = loc
		return t.CallR3(fv, x, y, z)
	}
}
