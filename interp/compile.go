package interp

import (
	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/rt"
)

// compile turns one IR node into code running in frames laid out by l.
func (c *compiler) compile(n analyze.Node, l *layout) code {
	switch n := n.(type) {
	case *analyze.Const:
		v := n.Val
		return func(*rt.Thread, *frame) rt.Value { return v }
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
		return func(*rt.Thread, *frame) rt.Value { return v }
	case *analyze.If:
		if c.unwinds(n.Test) {
			test, then, els := c.compile(n.Test, l), c.compile(n.Then, l), c.compile(n.Else, l)
			return thenCode(test, func(t *rt.Thread, f *frame, v rt.Value) rt.Value {
				if v.IsTrue() {
					return then(t, f)
				}
				return els(t, f)
			})
		}
		test, then, els := c.test(n.Test, l), c.compile(n.Then, l), c.compile(n.Else, l)
		return func(t *rt.Thread, f *frame) rt.Value {
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
			return func(t *rt.Thread, f *frame) rt.Value { return seqFrom(t, f, init, 0, last) }
		}
		return func(t *rt.Thread, f *frame) rt.Value {
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
	s, ok := l.find(v)
	if !ok {
		panic("interp: variable " + v.Name + " not in scope")
	}
	i := s.index
	switch s.depth {
	case 0:
		return func(_ *rt.Thread, f *frame) rt.Value { return f.vals[i] }
	case 1:
		return func(_ *rt.Thread, f *frame) rt.Value { return f.up.vals[i] }
	case 2:
		return func(_ *rt.Thread, f *frame) rt.Value { return f.up.up.vals[i] }
	}
	d := s.depth
	return func(_ *rt.Thread, f *frame) rt.Value {
		for k := 0; k < d; k++ {
			f = f.up
		}
		return f.vals[i]
	}
}

func (c *compiler) set(n *analyze.Set, l *layout) code {
	s, ok := l.find(n.Var)
	if !ok {
		panic("interp: variable " + n.Var.Name + " not in scope")
	}
	val := c.compile(n.Value, l)
	i, d := s.index, s.depth
	assign := func(t *rt.Thread, f *frame, v rt.Value) rt.Value {
		for k := 0; k < d; k++ {
			f = f.up
		}
		f.vals[i] = v
		return rt.Unspecified
	}
	if c.unwinds(n.Value) {
		return thenCode(val, assign)
	}
	return func(t *rt.Thread, f *frame) rt.Value { return assign(t, f, val(t, f)) }
}

func (c *compiler) globalRef(n *analyze.GlobalRef) code {
	cell := c.globals.cell(n.G.Name)
	loc, name := c.loc(n.P), n.G.Name
	return func(t *rt.Thread, _ *frame) rt.Value {
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
	var assign func(t *rt.Thread, f *frame, v rt.Value) rt.Value
	if n.Define {
		assign = func(t *rt.Thread, f *frame, v rt.Value) rt.Value {
			*cell = v
			return rt.Unspecified
		}
	} else {
		loc, name := c.loc(n.P), n.G.Name
		assign = func(t *rt.Thread, f *frame, v rt.Value) rt.Value {
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
	return func(t *rt.Thread, f *frame) rt.Value { return assign(t, f, val(t, f)) }
}

// let binds vars in the current frame, or in a fresh frame when a closure
// captures one of them (each evaluation must then create new bindings).
// With rec the inits see the new variables (letrec*).
func (c *compiler) let(vars []*analyze.Var, inits []analyze.Node, body analyze.Node, l *layout, rec bool) code {
	captured := false
	for _, v := range vars {
		captured = captured || v.Captured
	}
	if !captured {
		idx := make([]int, len(vars))
		initCodes := make([]code, len(inits))
		if rec {
			for i, v := range vars {
				idx[i] = l.add(v)
			}
		}
		for i, e := range inits {
			initCodes[i] = c.compile(e, l)
		}
		if !rec {
			for i, v := range vars {
				idx[i] = l.add(v)
			}
		}
		bodyCode := c.compile(body, l)
		if c.anyUnwinds(inits) {
			if rec {
				return func(t *rt.Thread, f *frame) rt.Value { return letrecFrom(t, f, initCodes, idx, 0, bodyCode) }
			}
			return evalAll(initCodes, func(t *rt.Thread, f *frame, vals []rt.Value) rt.Value {
				for i, v := range vals {
					f.vals[idx[i]] = v
				}
				return bodyCode(t, f)
			})
		}
		if rec {
			return func(t *rt.Thread, f *frame) rt.Value {
				for i, e := range initCodes {
					f.vals[idx[i]] = e(t, f)
				}
				return bodyCode(t, f)
			}
		}
		if len(vars) == 1 {
			i0, e0 := idx[0], initCodes[0]
			return func(t *rt.Thread, f *frame) rt.Value {
				f.vals[i0] = e0(t, f)
				return bodyCode(t, f)
			}
		}
		return func(t *rt.Thread, f *frame) rt.Value {
			vals := make([]rt.Value, len(initCodes))
			for i, e := range initCodes {
				vals[i] = e(t, f)
			}
			for i, v := range vals {
				f.vals[idx[i]] = v
			}
			return bodyCode(t, f)
		}
	}
	inner := &layout{up: l, slots: map[*analyze.Var]int{}}
	initLayout := l
	if rec {
		initLayout = inner
	}
	for _, v := range vars {
		inner.add(v)
	}
	initCodes := make([]code, len(inits))
	for i, e := range inits {
		initCodes[i] = c.compile(e, initLayout)
	}
	bodyCode := c.compile(body, inner)
	n := len(vars)
	if c.anyUnwinds(inits) {
		if rec {
			idx := make([]int, n)
			for i := range idx {
				idx[i] = i
			}
			return func(t *rt.Thread, f *frame) rt.Value {
				return letrecFrom(t, newFrame(f, inner.size), initCodes, idx, 0, bodyCode)
			}
		}
		// Each resumption binds fresh variables: the frame is made after
		// the inits.
		return evalAll(initCodes, func(t *rt.Thread, f *frame, vals []rt.Value) rt.Value {
			nf := newFrame(f, inner.size)
			copy(nf.vals, vals)
			return bodyCode(t, nf)
		})
	}
	if rec {
		return func(t *rt.Thread, f *frame) rt.Value {
			nf := newFrame(f, inner.size)
			for i, e := range initCodes {
				nf.vals[i] = e(t, nf)
			}
			return bodyCode(t, nf)
		}
	}
	return func(t *rt.Thread, f *frame) rt.Value {
		nf := newFrame(f, inner.size)
		for i := 0; i < n; i++ {
			nf.vals[i] = initCodes[i](t, f)
		}
		return bodyCode(t, nf)
	}
}

// selfLoop is returned by a self tail call to the procedure's entry, which
// then runs the body again (on the same frame, or on frame.next).
var selfLoop = rt.NewForeign("self-loop", nil)

func isSelfLoop(v rt.Value) bool { return rt.Eq(v, selfLoop) }

// frameCaptured reports whether a closure may capture a variable that lives
// in lam's own frame (parameters, and let variables not given a frame of
// their own).
func frameCaptured(lam *analyze.Lambda) bool {
	captured := false
	for _, p := range lam.Params {
		captured = captured || p.Captured
	}
	if lam.Rest != nil {
		captured = captured || lam.Rest.Captured
	}
	var walk func(n analyze.Node)
	walk = func(n analyze.Node) {
		switch n := n.(type) {
		case *analyze.Lambda:
			return
		case *analyze.Let:
			for _, v := range n.Vars {
				captured = captured || v.Captured
			}
		case *analyze.Letrec:
			for _, v := range n.Vars {
				captured = captured || v.Captured
			}
		}
		for _, ch := range analyze.Children(n) {
			walk(ch)
		}
	}
	walk(lam.Body)
	return captured
}

func (c *compiler) lambda(n *analyze.Lambda, l *layout) code {
	lay := &layout{up: l, slots: map[*analyze.Var]int{}}
	for _, p := range n.Params {
		lay.add(p)
	}
	hasRest := n.Rest != nil
	if hasRest {
		lay.add(n.Rest)
	}
	c.lambdas = append(c.lambdas, &lambdaInfo{lam: n, layout: lay, captured: frameCaptured(n)})
	inner := c.compile(n.Body, lay)
	c.lambdas = c.lambdas[:len(c.lambdas)-1]
	var body func(t *rt.Thread, f *frame) rt.Value
	body = func(t *rt.Thread, f *frame) rt.Value {
		for {
			r := inner(t, f)
			if !isSelfLoop(r) {
				if rt.IsUnwind(r) {
					// The rest of the body may end in a self tail
					// call, which loops here.
					at := f
					t.PushFrame(func(t *rt.Thread, v rt.Value) rt.Value {
						if !isSelfLoop(v) {
							return v
						}
						f := at
						if f.next != nil {
							f, f.next = f.next, nil
						}
						return body(t, f)
					})
				}
				return r
			}
			if f.next != nil {
				f, f.next = f.next, nil
			}
		}
	}
	// enter runs an activation, counting the depth of interpreted
	// activations on the Go stack: past rt.HeapStackAt the stack moves to
	// the heap (rt.Thread.MoveStack), so deep non-tail recursion is
	// limited by memory, not by Go's stack.
	var enter func(t *rt.Thread, f *frame) rt.Value
	enter = func(t *rt.Thread, f *frame) rt.Value {
		if t.Deep() {
			return t.MoveStack(func(t *rt.Thread, _ rt.Value) rt.Value { return enter(t, f) })
		}
		t.EnterFrame(n.Name)
		r := body(t, f)
		t.Leave()
		return r
	}
	name, pos, nparams := n.Name, n.P, len(n.Params)
	max := nparams
	if hasRest {
		max = -1
	}
	info := &rt.ProcInfo{Name: name, Req: nparams, Max: max, Pos: pos}
	return func(t *rt.Thread, f *frame) rt.Value {
		p := &rt.Procedure{ProcInfo: info}
		switch {
		case hasRest || nparams > 4:
			p.FN = func(t *rt.Thread, args []rt.Value) rt.Value {
				if len(args) < nparams || (!hasRest && len(args) != nparams) {
					return t.ArityError(p, len(args))
				}
				nf := newFrame(f, lay.size)
				copy(nf.vals, args[:nparams])
				if hasRest {
					nf.vals[nparams] = rt.List(args[nparams:]...)
				}
				return enter(t, nf)
			}
		case nparams == 0:
			p.F0 = func(t *rt.Thread) rt.Value {
				return enter(t, newFrame(f, lay.size))
			}
		case nparams == 1:
			p.F1 = func(t *rt.Thread, a rt.Value) rt.Value {
				nf := newFrame(f, lay.size)
				nf.vals[0] = a
				return enter(t, nf)
			}
		case nparams == 2:
			p.F2 = func(t *rt.Thread, a, b rt.Value) rt.Value {
				nf := newFrame(f, lay.size)
				nf.vals[0], nf.vals[1] = a, b
				return enter(t, nf)
			}
		case nparams == 3:
			p.F3 = func(t *rt.Thread, a, b, c rt.Value) rt.Value {
				nf := newFrame(f, lay.size)
				nf.vals[0], nf.vals[1], nf.vals[2] = a, b, c
				return enter(t, nf)
			}
		case nparams == 4:
			p.F4 = func(t *rt.Thread, a, b, c, d rt.Value) rt.Value {
				nf := newFrame(f, lay.size)
				nf.vals[0], nf.vals[1], nf.vals[2], nf.vals[3] = a, b, c, d
				return enter(t, nf)
			}
		}
		return rt.NewProc(p)
	}
}

// selfCall compiles a tail call of the procedure being compiled to itself:
// it stores the new arguments and returns selfLoop, and the procedure's
// entry runs the body again without growing the Go stack or bouncing
// through the trampoline. It returns nil when n is not such a call.
func (c *compiler) selfCall(n *analyze.Call, l *layout) code {
	if !n.Tail || len(c.lambdas) == 0 {
		return nil
	}
	info := c.lambdas[len(c.lambdas)-1]
	lam := info.lam
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
	// The procedure's own frame is depth frames up from the call site.
	depth := 0
	for cur := l; cur != info.layout; cur = cur.up {
		depth++
	}
	args := c.codes(n.Args, l)
	hasRest, captured, size := lam.Rest != nil, info.captured, info.layout
	store := func(t *rt.Thread, f *frame, vals []rt.Value) rt.Value {
		for k := 0; k < depth; k++ {
			f = f.up
		}
		dst := f
		if captured {
			dst = newFrame(f.up, size.size)
			f.next = dst
		}
		copy(dst.vals, vals[:nparams])
		if hasRest {
			dst.vals[nparams] = rt.List(vals[nparams:]...)
		}
		return selfLoop
	}
	if c.anyUnwinds(n.Args) {
		return evalAll(args, store)
	}
	return func(t *rt.Thread, f *frame) rt.Value {
		var small [4]rt.Value
		vals := small[:0]
		for _, a := range args {
			vals = append(vals, a(t, f))
		}
		return store(t, f, vals)
	}
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
	fn := c.compile(n.Fn, l)
	args := c.codes(n.Args, l)
	loc := c.loc(n.P)
	if c.unwinds(n.Fn) || c.anyUnwinds(n.Args) {
		return evalAll(append([]code{fn}, args...), callFinisher(n.Tail, loc))
	}
	if n.Tail {
		switch len(args) {
		case 0:
			return func(t *rt.Thread, f *frame) rt.Value {
				fv := fn(t, f)
				t.Loc = loc
				return t.TailCall0(fv)
			}
		case 1:
			a0 := args[0]
			return func(t *rt.Thread, f *frame) rt.Value {
				fv, x := fn(t, f), a0(t, f)
				t.Loc = loc
				return t.TailCall1(fv, x)
			}
		case 2:
			a0, a1 := args[0], args[1]
			return func(t *rt.Thread, f *frame) rt.Value {
				fv, x, y := fn(t, f), a0(t, f), a1(t, f)
				t.Loc = loc
				return t.TailCall2(fv, x, y)
			}
		case 3:
			a0, a1, a2 := args[0], args[1], args[2]
			return func(t *rt.Thread, f *frame) rt.Value {
				fv, x, y, z := fn(t, f), a0(t, f), a1(t, f), a2(t, f)
				t.Loc = loc
				return t.TailCall3(fv, x, y, z)
			}
		}
		return func(t *rt.Thread, f *frame) rt.Value {
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
		return func(t *rt.Thread, f *frame) rt.Value {
			fv := fn(t, f)
			t.Loc = loc
			return t.CallR0(fv)
		}
	case 1:
		a0 := args[0]
		return func(t *rt.Thread, f *frame) rt.Value {
			fv, x := fn(t, f), a0(t, f)
			t.Loc = loc
			return t.CallR1(fv, x)
		}
	case 2:
		a0, a1 := args[0], args[1]
		return func(t *rt.Thread, f *frame) rt.Value {
			fv, x, y := fn(t, f), a0(t, f), a1(t, f)
			t.Loc = loc
			return t.CallR2(fv, x, y)
		}
	case 3:
		a0, a1, a2 := args[0], args[1], args[2]
		return func(t *rt.Thread, f *frame) rt.Value {
			fv, x, y, z := fn(t, f), a0(t, f), a1(t, f), a2(t, f)
			t.Loc = loc
			return t.CallR3(fv, x, y, z)
		}
	}
	return func(t *rt.Thread, f *frame) rt.Value {
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
			r = func(t *rt.Thread, f *frame) rt.Value {
				t.Loc = loc
				return fn(t)
			}
		}
	case func(*rt.Thread, rt.Value) rt.Value:
		if len(args) == 1 {
			a0 := args[0]
			r = func(t *rt.Thread, f *frame) rt.Value {
				x := a0(t, f)
				t.Loc = loc
				return fn(t, x)
			}
		}
	case func(*rt.Thread, rt.Value, rt.Value) rt.Value:
		if len(args) == 2 {
			a0, a1 := args[0], args[1]
			r = func(t *rt.Thread, f *frame) rt.Value {
				x, y := a0(t, f), a1(t, f)
				t.Loc = loc
				return fn(t, x, y)
			}
		}
	case func(*rt.Thread, rt.Value, rt.Value, rt.Value) rt.Value:
		if len(args) == 3 {
			a0, a1, a2 := args[0], args[1], args[2]
			r = func(t *rt.Thread, f *frame) rt.Value {
				x, y, z := a0(t, f), a1(t, f), a2(t, f)
				t.Loc = loc
				return fn(t, x, y, z)
			}
		}
	}
	if r == nil {
		// Variadic primitives, and calls with a count the fixed entry does
		// not take (ApplySlice reports the arity error).
		proc := n.Prim.Proc
		r = func(t *rt.Thread, f *frame) rt.Value {
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
	return func(t *rt.Thread, f *frame) rt.Value { return t.SettleR(r(t, f)) }
}
