package rt

import "unsafe"

// This file holds re-entrant continuations (R7RS 6.10), built by return-flag
// unwinding with resumable frames (DESIGN §6; Pettyjohn et al.,
// "Continuations from generalized stack inspection", ICFP 2005).
//
// # Protocol
//
// Code that can be live when a continuation is captured is resumable: after
// each non-tail call it looks at the result, and when it is the unwind
// marker (IsUnwind) it pushes a frame — a Go closure that does the rest of
// its work given the call's value — with PushFrame, and returns the marker
// to its own caller. Frames hold everything computed before the call, so
// resuming a frame twice (re-entering a continuation twice) starts from the
// same state both times.
//
// call/cc on a resumable thread (Thread.Resumable) does not call its
// receiver; it returns the marker, and the frames of every resumable
// activation between it and the nearest driver are pushed on the way out.
// A driver (Thread.Drive, the top of a program) turns them into the
// continuation object, calls the receiver with it, and then runs the frames
// one after another, each with the value of the previous one. The stack is
// thereby moved to the heap and rebuilt as it is needed; invoking a
// continuation later replaces the driver's pending frames with the
// continuation's (after running the dynamic-wind thunks between the two
// points) and carries on.
//
// Go code that calls procedures without being resumable (most primitives:
// sort's comparator, string-map ...) calls them through Thread.Call0..CallN,
// whose Settle acts as a barrier: when the marker reaches it, it becomes a
// driver itself. A continuation captured under a barrier holds the frames
// up to it; it can be re-entered while the barrier's Go frame is live, and
// invoking it after that is an error. The frames of dynamic-wind,
// with-exception-handler, call-with-values, map, for-each and parameterize
// are resumable, so continuations captured through them are fully
// re-entrant.

// unwindMarker is returned while the stack is being unwound for a capture.
// It shares the tail-call tag (with n = 1), so Settle's loop, which already
// tests for the tag, pays nothing for it on the fast path.
var unwindMarker = Value{p: immPtr(immTail), n: 1}

// Unwind is the marker value returned during an unwind.
func Unwind() Value { return unwindMarker }

// IsUnwind reports whether v is the unwind marker.
func IsUnwind(v Value) bool { return v == unwindMarker }

// kframe is one resumable frame of a continuation, innermost first.
type kframe struct {
	resume func(t *Thread, v Value) Value
	next   *kframe
	n      int32 // frames in the chain from here on (bounded by maxHeapFrames)
	pass   bool  // pushed by PushPassFrame
}

// kentry is a frame pushed during an unwind, before the driver links it.
type kentry struct {
	resume func(t *Thread, v Value) Value
	pass   bool
}

// length is the number of frames in the chain f.
func (f *kframe) length() int {
	if f == nil {
		return 0
	}
	return int(f.n)
}

// capture is an unwind in progress: the receiver of the call/cc that
// started it and the dynamic state at the call/cc.
type capture struct {
	move     bool // a MoveStack, not a call/cc: no continuation object
	receiver Value
	dyn      dynState
	frames   []kentry // pushed innermost first
}

// driver is one running Drive loop. A continuation can be delivered to it
// while live.
type driver struct {
	live  bool
	depth int       // the thread's depth when the driver started
	stack stackMark // the interpreter's frame stack when it started
}

// reentrantCode is the entry of re-entrant continuations, which finds the
// continuation through Thread.Self (proc comes first in reentrant). It is
// set by init: as an initializer it would depend on itself through the
// functions it calls.
var reentrantCode ProcCode

func init() {
	reentrantCode = ProcCode{FN: func(t *Thread, args []Value) Value {
		return (*reentrant)(unsafe.Pointer(t.Self)).callN(t, args)
	}, ProcInfo: reentrantInfo}
}

// reentrant is a continuation object made by a driver.
type reentrant struct {
	proc   Procedure
	frames *kframe
	dyn    dynState
	base   *driver
}

// reentry is the panic value by which a continuation invocation reaches its
// driver.
type reentry struct {
	k    *reentrant
	vals Value
}

// PushFrame records the rest of a resumable activation during an unwind.
func (t *Thread) PushFrame(resume func(t *Thread, v Value) Value) {
	t.unwinding.frames = append(t.unwinding.frames, kentry{resume: resume})
}

// PushPassFrame is PushFrame for a frame that returns every value it is
// given unchanged except a private marker of the activation that pushed
// it (the interpreter's self-loop frames). The result of a tail call made
// by a frame above it can never be that marker, so the driver drops such
// frames before it runs a tail call: without that, an activation that
// unwinds on every iteration of a loop written as a tail call would grow
// its continuation by a frame per iteration, and the loop would not run
// in constant space.
func (t *Thread) PushPassFrame(resume func(t *Thread, v Value) Value) {
	t.unwinding.frames = append(t.unwinding.frames, kentry{resume: resume, pass: true})
}

// startCapture begins the unwind of a call/cc with receiver f.
func (t *Thread) startCapture(f Value) Value {
	t.procOf(f)
	t.beginUnwind(false, f)
	return unwindMarker
}

// beginUnwind starts an unwind in t's capture buffer, which the driver
// empties as soon as the unwind reaches it.
func (t *Thread) beginUnwind(move bool, receiver Value) {
	c := &t.capBuf
	c.move, c.receiver, c.dyn = move, receiver, t.saveDyn()
	c.frames = c.frames[:0]
	t.unwinding = c
}

// Drive runs body, the bottom of a resumable computation, and returns its
// final value: it makes continuations from the frames of unwinds that reach
// it and runs frames until none is left.
func (t *Thread) Drive(body func(t *Thread) Value) Value {
	d := t.newDriver()
	defer t.endDriver(d)
	return t.driveLoop(d, body(t), nil)
}

func (t *Thread) newDriver() *driver {
	d := &driver{live: true, depth: t.base, stack: t.markStack()}
	t.base = t.depth
	return d
}

func (t *Thread) endDriver(d *driver) {
	d.live = false
	t.base = d.depth
}

// barrier is Settle's answer to the unwind marker: it becomes a driver for
// the frames pushed above it.
func (t *Thread) barrier() Value {
	d := t.newDriver()
	defer t.endDriver(d)
	return t.driveLoop(d, unwindMarker, nil)
}

// driveLoop is the driver's loop: v is the value just returned to it and
// rest the frames still to run.
func (t *Thread) driveLoop(d *driver, v Value, rest *kframe) Value {
	for {
		switch {
		case v.p == immPtr(immTail) && v.n == 0:
			v = t.step(d, &rest, func() Value { return t.settleDriven(d, &rest, v) })
		case v == unwindMarker:
			// Everything is taken out of the capture buffer before
			// anything runs that could start the next unwind.
			c := t.unwinding
			t.unwinding = nil
			frames := rest
			batch := make([]kframe, len(c.frames)) // one allocation for the unwind's frames
			for i := len(c.frames) - 1; i >= 0; i-- {
				e := c.frames[i]
				batch[i] = kframe{resume: e.resume, pass: e.pass, next: frames, n: int32(frames.length() + 1)}
				frames = &batch[i]
			}
			clear(c.frames) // the buffer must not keep the frames alive
			rest = frames
			if frames.length() > maxHeapFrames() {
				t.Errorf("", "recursion too deep (the stack passed %d MiB; set LAMBDUST_STACK_MB to change the limit)", StackLimitBytes>>20)
			}
			if c.move {
				t.restoreDyn(&c.dyn)
				c.dyn = dynState{}
				v = Unspecified
				continue
			}
			receiver := c.receiver
			k := &reentrant{frames: frames, dyn: c.dyn, base: d}
			c.receiver, c.dyn = Value{}, dynState{}
			// Only FN: a continuation is almost always invoked by a tail
			// call, which settleDriven or deliver handles.
			k.proc = Procedure{ProcCode: &reentrantCode}
			t.restoreDyn(&k.dyn)
			v = t.step(d, &rest, func() Value {
				return t.settleDriven(d, &rest, t.callResumable1NoSettle(receiver, NewProc(&k.proc)))
			})
		case rest != nil:
			fr := rest
			rest = rest.next
			v = t.step(d, &rest, func() Value { return fr.resume(t, v) })
		default:
			return v
		}
	}
}

// step runs f under the driver: a continuation of this driver invoked
// inside f lands here, with its frames as the new rest and its values as
// the result.
func (t *Thread) step(d *driver, rest **kframe, f func() Value) (v Value) {
	defer func() {
		if p := recover(); p != nil {
			r, ok := p.(*reentry)
			if !ok || r.k.base != d {
				panic(p)
			}
			t.restoreDyn(&r.k.dyn)
			t.clearTailCall()
			t.unwinding = nil
			t.depth = t.base
			t.resetStack(d.stack)
			*rest = r.k.frames
			v = r.vals
		}
	}()
	return f()
}

// callResumable1NoSettle calls f with a and returns its result as is.
func (t *Thread) callResumable1NoSettle(f, a Value) Value {
	p := t.procOf(f)
	if p.F1 != nil {
		t.Self = p
		return p.F1(t, a)
	}
	return p.ApplySlice(t, []Value{a})
}

// settleDriven is SettleR for code the driver d runs directly: a pending
// tail call of a continuation of d — a generator's (return x) or
// (resume #f) in tail position — has no Go frames left to unwind, so it
// re-enters here, without the panic deliver uses: the dynamic-wind thunks
// run, d's rest becomes the continuation's frames and its values are the
// result.
func (t *Thread) settleDriven(d *driver, rest **kframe, r Value) Value {
	if r.p == immPtr(immTail) && r.n == 0 {
		for *rest != nil && (*rest).pass {
			*rest = (*rest).next // see PushPassFrame
		}
	}
	for r.p == immPtr(immTail) && r.n == 0 {
		if p := t.tcProc; p.ProcInfo == reentrantInfo {
			if k := (*reentrant)(unsafe.Pointer(p)); k.base == d {
				vals := t.takeTailArgs()
				t.rewind(k.dyn.winders)
				t.restoreDyn(&k.dyn)
				t.unwinding = nil
				t.depth = t.base
				*rest = k.frames
				return vals
			}
		}
		t.bouncing = true // see Settle
		r = t.bounce()
	}
	return r
}

// callResumable1 calls f with a and returns its result, tail calls settled
// but an unwind marker passed on.
func (t *Thread) callResumable1(f, a Value) Value {
	p := t.procOf(f)
	if p.F1 != nil {
		t.Self = p
		return t.SettleR(p.F1(t, a))
	}
	return t.SettleR(p.ApplySlice(t, []Value{a}))
}

// deliver invokes the continuation k with vals: the dynamic-wind thunks
// between here and k's capture run (here, in the current dynamic
// environment, before the stack is left), then control goes to k's driver.
func (k *reentrant) deliver(t *Thread, vals Value) Value {
	if !k.base.live {
		return t.Raise((&Condition{Who: "call/cc", Message: "re-entering a continuation captured under a non-resumable primitive after it returned is not supported"}).Value())
	}
	t.rewind(k.dyn.winders)
	panic(&reentry{k: k, vals: vals})
}

func (k *reentrant) callN(t *Thread, args []Value) Value {
	return k.deliver(t, Values(args...))
}

// HeapStackAt is the number of nested resumable activations a driver lets
// pile up on the Go stack before Deep asks for the stack to move to the
// heap. MaxDepth bounds the activations on the Go stack in all (those
// below non-resumable primitives cannot move): past it, Deep raises
// "recursion too deep" rather than let Go's stack overflow, which is fatal.
// The activations a driver holds on the heap are bounded too
// (maxHeapFrames in stack.go), so runaway recursion ends in "recursion too
// deep" rather than exhausting memory.
const (
	HeapStackAt = 10000
	MaxDepth    = 400000
)

// Deep is called on entry to a resumable activation. It reports whether
// the activation should instead move the stack to the heap (MoveStack);
// otherwise the activation counts as entered until Leave.
func (t *Thread) Deep() bool {
	t.depth++
	if t.depth-t.base <= HeapStackAt && t.depth <= MaxDepth {
		return false
	}
	return t.deepSlow()
}

// deepSlow is Deep past one of its limits (kept out of line so Deep
// inlines).
func (t *Thread) deepSlow() bool {
	if t.depth > MaxDepth {
		t.depth--
		t.Errorf("", "recursion too deep (more than %d nested calls)", MaxDepth)
	}
	if t.Resumable {
		t.depth--
		return true
	}
	return false
}

// Leave ends an activation counted by Deep.
func (t *Thread) Leave() { t.depth-- }

// MoveStack unwinds every resumable activation down to the nearest driver
// into heap frames, as a capture does, and then runs resume there: the
// computation goes on with an empty Go stack above the driver.
func (t *Thread) MoveStack(resume func(t *Thread, v Value) Value) Value {
	t.beginUnwind(true, Value{})
	t.PushFrame(resume)
	return unwindMarker
}

// SettleR is Settle for resumable callers: it runs pending tail calls but
// returns the unwind marker to its caller instead of driving.
func (t *Thread) SettleR(r Value) Value {
	for r.p == immPtr(immTail) && r.n == 0 {
		t.bouncing = true // see Settle
		r = t.bounce()
	}
	return r
}

// CallR0 is Call0 for resumable callers (see SettleR).
func (t *Thread) CallR0(f Value) Value {
	p := t.procOf(f)
	if p.F0 != nil {
		t.Self = p
		return t.SettleR(p.F0(t))
	}
	return t.SettleR(p.ApplySlice(t, nil))
}

// CallR1 is Call1 for resumable callers.
func (t *Thread) CallR1(f, a Value) Value {
	p := t.procOf(f)
	if p.F1 != nil {
		t.Self = p
		return t.SettleR(p.F1(t, a))
	}
	return t.SettleR(p.ApplySlice(t, []Value{a}))
}

// CallR2 is Call2 for resumable callers.
func (t *Thread) CallR2(f, a, b Value) Value {
	p := t.procOf(f)
	if p.F2 != nil {
		t.Self = p
		return t.SettleR(p.F2(t, a, b))
	}
	return t.SettleR(p.ApplySlice(t, []Value{a, b}))
}

// CallR3 is Call3 for resumable callers.
func (t *Thread) CallR3(f, a, b, c Value) Value {
	p := t.procOf(f)
	if p.F3 != nil {
		t.Self = p
		return t.SettleR(p.F3(t, a, b, c))
	}
	return t.SettleR(p.ApplySlice(t, []Value{a, b, c}))
}

// CallRN is CallN for resumable callers.
func (t *Thread) CallRN(f Value, args []Value) Value {
	return t.SettleR(t.procOf(f).ApplySlice(t, args))
}

// callRCars is callCars for resumable callers.
func callRCars(t *Thread, f Value, cars []Value) Value {
	switch len(cars) {
	case 1:
		return t.CallR1(f, cars[0])
	case 2:
		return t.CallR2(f, cars[0], cars[1])
	case 3:
		return t.CallR3(f, cars[0], cars[1], cars[2])
	}
	return t.CallRN(f, append([]Value(nil), cars...))
}

// The resumable primitives. Each is written in continuation-passing
// pieces: the part after each call is a function, which runs directly when
// the call returns a value and is pushed as a frame when it unwinds.

// then runs rest with r, or pushes it as a frame when r is the unwind
// marker.
func (t *Thread) then(r Value, rest func(t *Thread, v Value) Value) Value {
	if r == unwindMarker {
		t.PushFrame(rest)
		return r
	}
	return rest(t, r)
}

// DynamicWind is (dynamic-wind before thunk after). On a normal return of
// thunk, after runs and thunk's values are returned; when a continuation
// escapes from thunk, the continuation runs after (see Thread.rewind), and
// when one re-enters it, before runs again.
func DynamicWind(t *Thread, before, thunk, after Value) Value {
	t.procOf(before)
	t.procOf(thunk)
	t.procOf(after)
	return t.then(t.CallR0(before), func(t *Thread, _ Value) Value {
		w := &winder{before: before, after: after, parent: t.winders, depth: depth(t.winders) + 1, dyn: t.saveDyn()}
		t.winders = w
		return t.then(t.CallR0(thunk), func(t *Thread, r Value) Value {
			t.winders = w.parent
			return t.then(t.CallR0(after), func(*Thread, Value) Value { return r })
		})
	})
}

// WithExceptionHandlerP is (with-exception-handler handler thunk).
func WithExceptionHandlerP(t *Thread, handler, thunk Value) Value {
	t.procOf(handler)
	saved := t.handlers
	t.handlers = append(t.handlers[:len(t.handlers):len(t.handlers)], handler)
	return t.then(t.CallR0(thunk), func(t *Thread, r Value) Value {
		t.handlers = saved
		return r
	})
}

// CallWithValues is (call-with-values producer consumer): it calls producer
// with no arguments and then consumer, in tail position, with the values
// producer returned.
func CallWithValues(t *Thread, producer, consumer Value) Value {
	t.procOf(consumer)
	return t.then(t.CallR0(producer), func(t *Thread, v Value) Value {
		if !v.Is(TValues) {
			return t.TailCall1(consumer, v)
		}
		switch vs := ValuesOf(v); len(vs) {
		case 0:
			return t.TailCall0(consumer)
		case 2:
			return t.TailCall2(consumer, vs[0], vs[1])
		case 3:
			return t.TailCall3(consumer, vs[0], vs[1], vs[2])
		case 4:
			return t.TailCall4(consumer, vs[0], vs[1], vs[2], vs[3])
		default:
			// The consumer may keep its argument slice; the
			// multiple-values object may be delivered again, so pass a
			// copy.
			return t.TailCallN(consumer, append([]Value(nil), vs...))
		}
	})
}

// Map is (map proc list1 list2 ...): it stops at the end of the shortest
// list. The results so far are an immutable list (newest first), so a
// continuation captured in proc and re-entered later continues from the
// results it saw, never from ones a later pass added (R7RS 6.10's map
// example).
func Map(t *Thread, args []Value) Value {
	t.procOf(args[0])
	if len(args) == 2 && !t.Resumable {
		return map1(t, args[0], args[1])
	}
	w := &listWalk{who: "map", f: args[0], origs: args[1:]}
	return w.run(t, append([]Value(nil), args[1:]...), newCycleCheck(args[1]), Null)
}

// ForEach is (for-each proc list1 list2 ...).
func ForEach(t *Thread, args []Value) Value {
	t.procOf(args[0])
	if len(args) == 2 && !t.Resumable {
		return forEach1(t, args[0], args[1])
	}
	w := &listWalk{who: "for-each", f: args[0], origs: args[1:], forEach: true}
	return w.run(t, append([]Value(nil), args[1:]...), newCycleCheck(args[1]), Null)
}

// listWalk is a map or for-each in progress. The lists are walked lazily,
// so proc may cut them short; a single list is checked for a cycle.
type listWalk struct {
	who     string
	f       Value
	origs   []Value // the list arguments, for messages
	forEach bool
}

// run continues the walk at lists (which it may modify: callers pass a
// fresh slice), with acc the results so far in reverse.
func (w *listWalk) run(t *Thread, lists []Value, cc cycleCheck, acc Value) Value {
	cars := make([]Value, len(lists))
	for {
		for i, l := range lists {
			if !l.IsPair() {
				if !l.IsNull() {
					return t.TypeError(w.who, "list", w.origs[i])
				}
				if w.forEach {
					return Unspecified
				}
				return reverseList(acc)
			}
		}
		for i, l := range lists {
			cars[i] = l.Pair().Car
		}
		r := callRCars(t, w.f, cars)
		if r == unwindMarker {
			// The frame may run more than once: it changes none of
			// the state it captured.
			at, atCC, atAcc := append([]Value(nil), lists...), cc, acc
			t.PushFrame(func(t *Thread, v Value) Value {
				acc, cc := atAcc, atCC
				if !w.forEach {
					acc = Cons(v, acc)
				}
				lists := append([]Value(nil), at...)
				if w.advance(lists, &cc) {
					return t.TypeError(w.who, "list", w.origs[0])
				}
				return w.run(t, lists, cc, acc)
			})
			return r
		}
		if !w.forEach {
			acc = Cons(r, acc)
		}
		if w.advance(lists, &cc) {
			return t.TypeError(w.who, "list", w.origs[0])
		}
	}
}

// map1 is map over one list on a thread that cannot capture re-entrant
// continuations (no call can unwind, so no frame need be resumable): it
// builds the result front to back, without listWalk's state and reversal.
// Like listWalk it reads each cdr after proc has run and stops at a cycle.
func map1(t *Thread, f, l Value) Value {
	orig, head := l, Null
	var last *Pair
	cc := newCycleCheck(l)
	for l.IsPair() {
		v := Cons(t.Call1(f, l.Pair().Car), Null)
		if last == nil {
			head = v
		} else {
			last.Cdr = v
		}
		last = v.Pair()
		if l = l.Pair().Cdr; cc.circular(l) {
			return t.TypeError("map", "list", orig)
		}
	}
	if !l.IsNull() {
		return t.TypeError("map", "list", orig)
	}
	return head
}

// forEach1 is for-each over one list on a thread that cannot capture
// re-entrant continuations (see map1).
func forEach1(t *Thread, f, l Value) Value {
	orig := l
	cc := newCycleCheck(l)
	for l.IsPair() {
		t.Call1(f, l.Pair().Car)
		if l = l.Pair().Cdr; cc.circular(l) {
			return t.TypeError("for-each", "list", orig)
		}
	}
	if !l.IsNull() {
		return t.TypeError("for-each", "list", orig)
	}
	return Unspecified
}

// advance moves each list to its cdr (after proc has run, so proc may cut
// the list behind the walk), reporting whether a single list turned out
// circular.
func (w *listWalk) advance(lists []Value, cc *cycleCheck) bool {
	for i, l := range lists {
		lists[i] = l.Pair().Cdr
	}
	return len(lists) == 1 && cc.circular(lists[0])
}

// reverseList reverses a proper list.
func reverseList(l Value) Value {
	r := Null
	for ; l.IsPair(); l = l.Pair().Cdr {
		r = Cons(l.Pair().Car, r)
	}
	return r
}

// guardResumable is %guard on a resumable thread, built like R7RS's
// reference implementation of guard: the continuation of the %guard call is
// captured (re-entrantly), the body runs with a handler that delivers to
// that continuation a thunk calling handler on the raised object, and a
// normal return delivers a thunk returning the body's values; the thunk is
// then called in tail position. Continuations captured in the body stay
// re-entrant after the guard returns.
func guardResumable(t *Thread, body, handler Value) Value {
	recv := NewProc(&Procedure{ProcCode: &ProcCode{ProcInfo: guardInfo, F1: func(t *Thread, gk Value) Value {
		h := NewProc(&Procedure{ProcCode: &ProcCode{ProcInfo: guardInfo, F1: func(t *Thread, obj Value) Value {
			thunk := NewProc(&Procedure{ProcCode: &ProcCode{F0: func(t *Thread) Value { return t.TailCall1(handler, obj) }, ProcInfo: &ProcInfo{Name: "guard"}}})
			return t.Call1(gk, thunk)
		}}})
		return t.then(WithExceptionHandlerP(t, h, body), func(t *Thread, v Value) Value {
			return NewProc(&Procedure{ProcCode: &ProcCode{F0: func(*Thread) Value { return v }, ProcInfo: &ProcInfo{Name: "guard"}}})
		})
	}}})
	return t.then(t.startCapture(recv), func(t *Thread, thunk Value) Value { return t.TailCall0(thunk) })
}

// Then is (%then v k), what the resumable pass makes of a call that may
// unwind followed by the rest of the work k: it calls k with v, in tail
// position, or pushes k as a frame when v is the unwind marker.
func Then(t *Thread, v, k Value) Value {
	p := t.procOf(k)
	if v == unwindMarker {
		t.PushFrame(func(t *Thread, v Value) Value { return callK(t, p, v) })
		return v
	}
	return callK(t, p, v)
}

func callK(t *Thread, p *Procedure, v Value) Value {
	if p.F1 != nil {
		t.Self = p
		return p.F1(t, v)
	}
	return p.ApplySlice(t, []Value{v})
}

// CallEC is (%call/ec f): call/cc whose continuation the resumable pass
// proved escape-only, so panic/recover suffices even on a resumable thread.
func CallEC(t *Thread, f Value) Value { return t.CallCC(f) }

func init() {
	Define("%then", 2, 2, Then).TailCalls = true
	Define("%call/ec", 1, 1, CallEC)
	Define("call-with-values", 2, 2, CallWithValues).TailCalls = true
	// The primitives that can return the unwind marker: they call
	// procedures resumably, or start a capture.
	for _, name := range []string{"call-with-current-continuation", "call/cc", "dynamic-wind",
		"with-exception-handler", "call-with-values", "map", "for-each", "%parameterize", "apply", "%guard", "%then"} {
		LookupPrim(name).Resumable = true
	}
}
