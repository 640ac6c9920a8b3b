package rt

import "unsafe"

// This file holds call-with-current-continuation (R7RS 6.10) and the
// runtime side of guard (R7RS 4.2.7).
//
// An escape-only continuation (every call/cc of a program without
// re-entrant captures, and those the resumable pass in analyze proves
// escape-only, as %call/ec) marks its Go frame with a deferred recover, and
// invoking the continuation while that frame is live runs the dynamic-wind
// after thunks between the current point and the capture, restores the
// dynamic state captured by call/cc and panics with a token that only that
// frame recovers. Every other panic (*Uncaught, *ExitRequest, tokens for
// outer frames, Go runtime faults) passes through call/cc frames
// unchanged. Re-entrant continuations, on resumable threads, are in
// resume.go.

// contPoint is where an escape lands: a call/cc or %guard frame that is
// still on the Go stack while live is true, and the dynamic state to
// restore there.
type contPoint struct {
	t     *Thread
	live  bool
	dyn   dynState
	depth int       // the thread's activation depth (Thread.Deep)
	stack stackMark // the interpreter's frame stack (StackMarker)
}

// contEscape is the panic value of an escape to a contPoint: the token
// only that point's frame recovers.
type contEscape struct {
	to   *contPoint
	vals Value
}

// contProc is a continuation: the procedure and its capture point in one
// allocation. The procedure comes first: its entries find the contProc
// through Thread.Self.
type contProc struct {
	proc Procedure
	pt   contPoint
}

// contCode and guardCode are the entries of escape-only continuations and
// of %guard's handlers, set by init (as initializers they would depend on
// themselves through the functions they call).
var contCode, guardCode ProcCode

func init() {
	contCode = ProcCode{FN: func(t *Thread, args []Value) Value {
		return (*contProc)(unsafe.Pointer(t.Self)).callN(t, args)
	}, ProcInfo: continuationInfo}
	guardCode = ProcCode{F1: func(t *Thread, a Value) Value {
		return (*contProc)(unsafe.Pointer(t.Self)).call1(t, a)
	}, ProcInfo: guardInfo}
}

// newContPoint captures t's dynamic state at a call/cc or %guard.
func (t *Thread) newContPoint(k *contPoint) {
	k.t = t
	k.live = true
	k.dyn = t.saveDyn()
	k.depth = t.depth
	k.stack = t.markStack()
}

// escape delivers vals to the point k: it runs the after thunks of the
// dynamic-winds being left, restores the dynamic state captured at k, and
// unwinds the Go stack to k's frame. It returns only by raising an error:
// when k's frame has returned (re-entry, not supported yet) or k belongs to
// another thread.
func (k *contPoint) escape(t *Thread, vals Value) Value {
	if k.t != t {
		return t.Raise((&Condition{Who: "call/cc", Message: "invoking a continuation captured by another thread is not supported"}).Value())
	}
	if !k.live {
		return t.Raise((&Condition{Who: "call/cc", Message: "continuation invoked after its extent ended, which the compiler classified as escape-only (a known limitation of the escape analysis; please report it)"}).Value())
	}
	t.rewind(k.dyn.winders)
	t.restoreDyn(&k.dyn)
	t.clearTailCall()
	panic(&contEscape{to: k, vals: vals})
}

// land is the recovery half of an escape, run by the deferred function of
// k's frame with what recover returned: the values delivered to k, or a
// re-panic of anything that is not an escape to k.
func (t *Thread) land(k *contPoint, p any) Value {
	e, ok := p.(*contEscape)
	if !ok || e.to != k {
		panic(p)
	}
	// Go defers between the escape and here (such as with-output-to-file's
	// port restoration) have run; make the captured state current again.
	t.restoreDyn(&k.dyn)
	t.clearTailCall()
	t.depth = k.depth
	t.resetStack(k.stack)
	return e.vals
}

// takeTailArgs returns the pending tail call's arguments as one value (a
// continuation's values, see Values) and drops the request: the frame that
// settles a tail call of a continuation delivers them directly.
func (t *Thread) takeTailArgs() Value {
	var v Value
	switch n := t.tcN; n {
	case 1:
		v = t.tcA[0]
	case -1:
		v = Values(t.tcRest...)
	default:
		v = Values(append([]Value(nil), t.tcA[:n]...)...) // the registers are reused
	}
	t.clearTailCall()
	return v
}

// clearTailCall drops any pending tail-call request, so none survives an
// escape.
func (t *Thread) clearTailCall() {
	t.tcProc, t.tcN = nil, 0
	t.tcA = [4]Value{}
	t.tcRest = nil
}

func (c *contProc) call1(t *Thread, a Value) Value { return c.pt.escape(t, a) }
func (c *contProc) callN(t *Thread, args []Value) Value {
	return c.pt.escape(t, Values(args...)) // callers pass fresh slices
}

// CallCC is (call-with-current-continuation f): it calls f with an
// escape-only continuation, a procedure that takes any number of values
// and delivers them (as one Value, see Values) as the result of CallCC.
func (t *Thread) CallCC(f Value) Value {
	p := t.procOf(f)
	return t.CallECFunc(func(t *Thread, k Value) Value {
		if p.F1 != nil {
			t.Self = p
			return p.F1(t, k)
		}
		return p.ApplySlice(t, []Value{k})
	})
}

// CallECFunc is %call/ec of a receiver known at compile time, passed as a
// Go function rather than a procedure: the compiled receiver's closure
// does not escape, so Go keeps it on the stack.
func (t *Thread) CallECFunc(f func(t *Thread, k Value) Value) (result Value) {
	c := &contProc{}
	c.proc = Procedure{ProcCode: &contCode}
	t.newContPoint(&c.pt)
	defer func() {
		c.pt.live = false
		if p := recover(); p != nil {
			result = t.land(&c.pt, p)
		}
	}()
	return t.settleEC(f(t, NewProc(&c.proc)), c)
}

// settleEC is Settle for the frame of an escape-only call/cc. A tail call
// of the frame's own continuation — the continuation invoked in tail
// position of the receiver, or of procedures the receiver tail-called —
// arrives here with nothing left between it and the capture, so its
// values are returned directly instead of unwinding by panic. (Any frame
// that changes the dynamic state calls its body in non-tail position, so
// such a tail call is settled there, and escapes the usual way.)
func (t *Thread) settleEC(r Value, c *contProc) Value {
	for r.p == immPtr(immTail) {
		if r.n != 0 {
			return t.barrier()
		}
		if t.tcProc == &c.proc {
			v := t.takeTailArgs()
			t.restoreDyn(&c.pt.dyn)
			return v
		}
		t.bouncing = true
		r = t.bounce()
	}
	return r
}

// CallWithCurrentContinuation is (call-with-current-continuation proc) and
// (call/cc proc).
// On a resumable thread the continuation is re-entrant (resume.go).
func CallWithCurrentContinuation(t *Thread, f Value) Value {
	if t.Resumable {
		return t.startCapture(f)
	}
	return t.CallCC(f)
}

// Guard is (%guard body-thunk handler), what the guard form expands to. It
// calls body-thunk with an exception handler installed (on the same stack
// as with-exception-handler's). When an object is raised in the body, the
// handler escapes from the dynamic environment of the raise back to the
// %guard, running dynamic-wind after thunks and restoring the dynamic state
// of the %guard call like a continuation; then handler is called with the
// raised object, in tail position, and its result is the result of
// %guard. Values the body returns normally are the result of %guard.
//
// The expander makes handler evaluate the guard clauses and, when none
// matches, call (raise-continuable obj) itself. R7RS 4.2.7 re-raises in
// the dynamic environment of the original raise (except for the handler);
// since the escape has already left that environment (escape-only
// continuations cannot go back), this approximates it with the dynamic
// environment of the guard: the outer handlers see the object, but
// dynamic-wind after thunks inside the guard have already run and
// parameterizations inside it are no longer in effect.
func Guard(t *Thread, body, handler Value) Value {
	t.procOf(body)
	t.procOf(handler)
	if t.Resumable {
		return guardResumable(t, body, handler)
	}
	obj, caught := t.guardBody(body)
	if !caught {
		return obj
	}
	return t.TailCall1(handler, obj)
}

// guardBody runs body under %guard's handler; caught reports whether r is
// a raised object rather than body's result.
func (t *Thread) guardBody(body Value) (r Value, caught bool) {
	c := &contProc{}
	c.proc = Procedure{ProcCode: &guardCode}
	t.newContPoint(&c.pt)
	defer func() {
		c.pt.live = false
		if p := recover(); p != nil {
			r, caught = t.land(&c.pt, p), true
		}
	}()
	return t.WithExceptionHandler(NewProc(&c.proc), body), false
}

func init() {
	Define("call-with-current-continuation", 1, 1, CallWithCurrentContinuation)
	Define("call/cc", 1, 1, CallWithCurrentContinuation)
	Define("%guard", 2, 2, Guard).TailCalls = true
}
