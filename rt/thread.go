package rt

import "github.com/lambdust/lambdust/parse"

// Pos is a source position (file, line, column), shared with the reader.
type Pos = parse.Pos

// Thread is the state of one Scheme thread of control. Every compiled and
// interpreted procedure receives it as its first argument; Go has no
// goroutine-local storage, and a register argument costs next to nothing.
//
// # Tail calls
//
// A procedure that ends in a call to a procedure it does not know returns
// t.TailCallN(f, args...): the callee and arguments go into the thread's
// tail-call registers and the procedure returns the tail-call marker. The
// nearest caller that is not in tail position passes its result through
// Settle, which runs the requested calls in a loop until one returns a real
// value (a trampoline; DESIGN §5 measured 2.2-2.6 ns per bounce). The Go
// stack therefore stays flat across any chain of tail calls.
type Thread struct {
	tcProc *Procedure
	tcN    int
	tcA    [4]Value
	tcRest []Value

	// Loc is the source position of the call being made, set by compiled
	// code and the interpreter before calls that may raise, so errors from
	// primitives can say where they happened.
	Loc *Pos

	handlers []Value // with-exception-handler stack, innermost last

	io *threadIO // current ports (port.go); nil until one is set

	winders *winder       // dynamic-wind list, innermost first (dynamic.go)
	params  *paramBinding // parameterize bindings, innermost first (param.go)

	// Resumable is set when the code running on the thread is resumable
	// (resume.go): call/cc then captures re-entrant continuations.
	Resumable bool
	unwinding *capture // the capture being unwound, or nil
	capBuf    capture  // what unwinding points to: reused, one unwind runs at a time
	// Self is the procedure whose entry (F0..FN) the runtime is calling:
	// every call of an entry through a Procedure sets it just before.
	// A compiled closure's entry reads it first thing to find the values
	// it captured, which live in the same object as the Procedure
	// (codegen's one-allocation closures).
	Self      *Procedure
	depth     int           // resumable activations on the Go stack (Deep)
	stackSeen uint32        // the stack alarm epoch this thread has checked (stack.go)
	shadow    []shadowFrame // interpreted activations by depth, for backtraces (backtrace.go)
	bouncing  bool          // the next activation is a tail call run by Settle
	base      int           // depth at the innermost driver

	noSpec int // > 0 while a failed int64 speculation reruns generic code (int64ops.go)

	// Interp is the per-thread state of package interp (its stack of
	// frames); rt does not use it.
	Interp any
}

// NewThread makes a thread with an empty dynamic environment.
func NewThread() *Thread { return &Thread{} }

// TailCall0 requests a tail call of f with no arguments.
func (t *Thread) TailCall0(f Value) Value {
	t.tcProc, t.tcN = t.procOf(f), 0
	return tailMarker
}

// TailCall1 requests a tail call of f with one argument.
func (t *Thread) TailCall1(f, a Value) Value {
	t.tcProc, t.tcN = t.procOf(f), 1
	t.tcA[0] = a
	return tailMarker
}

// TailCall2 requests a tail call of f with two arguments.
func (t *Thread) TailCall2(f, a, b Value) Value {
	t.tcProc, t.tcN = t.procOf(f), 2
	t.tcA[0], t.tcA[1] = a, b
	return tailMarker
}

// TailCall3 requests a tail call of f with three arguments.
func (t *Thread) TailCall3(f, a, b, c Value) Value {
	t.tcProc, t.tcN = t.procOf(f), 3
	t.tcA[0], t.tcA[1], t.tcA[2] = a, b, c
	return tailMarker
}

// TailCall4 requests a tail call of f with four arguments.
func (t *Thread) TailCall4(f, a, b, c, d Value) Value {
	t.tcProc, t.tcN = t.procOf(f), 4
	t.tcA[0], t.tcA[1], t.tcA[2], t.tcA[3] = a, b, c, d
	return tailMarker
}

// TailCallN requests a tail call of f with args (any number). args is
// retained until the call runs.
func (t *Thread) TailCallN(f Value, args []Value) Value {
	t.tcProc, t.tcN = t.procOf(f), -1
	t.tcRest = args
	return tailMarker
}

// Settle returns r, first running any tail calls it requests.
// When r is the unwind marker of a continuation capture (resume.go), Settle
// is a barrier: it drives the frames pushed above it.
func (t *Thread) Settle(r Value) Value {
	for r.p == immPtr(immTail) {
		if r.n != 0 {
			return t.barrier()
		}
		t.bouncing = true // the callee replaces a frame: keep its call site
		r = t.bounce()
	}
	return r
}

// bounce performs the pending tail call once.
func (t *Thread) bounce() Value {
	p := t.tcProc
	t.tcProc = nil
	switch t.tcN {
	case 0:
		if p.F0 != nil {
			t.Self = p
			return p.F0(t)
		}
		return p.ApplySlice(t, nil)
	case 1:
		a := t.tcA[0]
		t.tcA[0] = Value{}
		if p.F1 != nil {
			t.Self = p
			return p.F1(t, a)
		}
		return p.ApplySlice(t, []Value{a})
	case 2:
		a, b := t.tcA[0], t.tcA[1]
		t.tcA[0], t.tcA[1] = Value{}, Value{}
		if p.F2 != nil {
			t.Self = p
			return p.F2(t, a, b)
		}
		return p.ApplySlice(t, []Value{a, b})
	case 3:
		a, b, c := t.tcA[0], t.tcA[1], t.tcA[2]
		t.tcA = [4]Value{}
		if p.F3 != nil {
			t.Self = p
			return p.F3(t, a, b, c)
		}
		return p.ApplySlice(t, []Value{a, b, c})
	case 4:
		a, b, c, d := t.tcA[0], t.tcA[1], t.tcA[2], t.tcA[3]
		t.tcA = [4]Value{}
		if p.F4 != nil {
			t.Self = p
			return p.F4(t, a, b, c, d)
		}
		return p.ApplySlice(t, []Value{a, b, c, d})
	default:
		args := t.tcRest
		t.tcRest = nil
		return p.ApplySlice(t, args)
	}
}

// StackMarker is implemented by the interpreter's per-thread frame stack
// (Thread.Interp). Every point where a non-local exit lands — an escape
// continuation's or a guard's frame, a driver receiving a re-entered
// continuation — records the stack's mark when it is set up and resets
// the stack with it on landing: the activations in between are dead, so
// their frames are free again, and interpreted activations need no defer
// of their own to give their frames back when a panic passes through.
type StackMarker interface {
	Mark() (chunk any, sp, gen int)
	Reset(chunk any, sp, gen int)
}

// stackMark is a StackMarker's mark; the zero mark resets nothing.
type stackMark struct {
	chunk   any
	sp, gen int
}

func (t *Thread) markStack() stackMark {
	if m, ok := t.Interp.(StackMarker); ok {
		c, sp, gen := m.Mark()
		return stackMark{c, sp, gen}
	}
	return stackMark{}
}

func (t *Thread) resetStack(k stackMark) {
	if k.chunk == nil {
		return
	}
	if m, ok := t.Interp.(StackMarker); ok {
		m.Reset(k.chunk, k.sp, k.gen)
	}
}
