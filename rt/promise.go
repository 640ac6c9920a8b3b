package rt

import (
	"strings"
	"unsafe"
)

// This file holds promises (R7RS 4.2.5): delay, delay-force, make-promise,
// force, promise?.
//
// Forcing follows the iterative algorithm of the R7RS reference
// implementation: a promise points at a box holding its state, and when a
// delay-force's thunk yields another promise, the forced promise takes over
// that promise's state and the two then share one box. A chain of
// delay-force promises is therefore forced in a loop, in constant Go stack
// and with the intermediate promises left to the collector.
//
// Promises are not synchronized: forcing one promise from two threads at
// once is a data race, as mutating any other shared object is.

// Promise is a Scheme promise.
type Promise struct {
	box *promiseBox
}

// promiseBox is the shared state of promises that delay-force joined.
type promiseBox struct {
	done bool
	// lazy marks a %delay promise: its thunk's result is the value. A
	// %delay-force thunk's result is a promise to force in its place.
	lazy  bool
	value Value // the value when done, else the thunk
}

// Value returns p as a Scheme value.
func (p *Promise) Value() Value { return heap(unsafe.Pointer(p), TPromise) }

// Promise returns v's *Promise. v must have type TPromise.
func (v Value) Promise() *Promise { return (*Promise)(v.p) }

// Delay is (%delay thunk), what (delay expr) expands to: a promise whose
// value is thunk's result.
func Delay(t *Thread, thunk Value) Value {
	t.procOf(thunk)
	return (&Promise{&promiseBox{lazy: true, value: thunk}}).Value()
}

// DelayForce is (%delay-force thunk), what (delay-force expr) expands to: a
// promise whose value is that of the promise thunk returns. (A thunk that
// returns a non-promise gives that object as the value.)
func DelayForce(t *Thread, thunk Value) Value {
	t.procOf(thunk)
	return (&Promise{&promiseBox{value: thunk}}).Value()
}

// MakePromise is (make-promise obj): obj if it is a promise, else a promise
// already forced to obj.
func MakePromise(t *Thread, x Value) Value {
	if x.Is(TPromise) {
		return x
	}
	return (&Promise{&promiseBox{done: true, value: x}}).Value()
}

// PromiseP is (promise? obj).
func PromiseP(t *Thread, x Value) Value { return Bool(x.Is(TPromise)) }

// Force is (force obj): the value of the promise obj, computed on first
// use and remembered; an obj that is not a promise is returned as is.
func Force(t *Thread, x Value) Value {
	if !x.Is(TPromise) {
		return x
	}
	p := x.Promise()
	for {
		b := p.box
		if b.done {
			return b.value
		}
		r := t.Call0(b.value)
		// The thunk may have forced p itself (R7RS 4.2.5: the first value
		// computed wins), so test p's current box again.
		if p.box.done {
			continue
		}
		if b.lazy || !r.Is(TPromise) {
			nb := p.box
			nb.done, nb.lazy, nb.value = true, false, r
			continue
		}
		// delay-force: p takes over the state of the promise r, and r
		// shares p's box from now on.
		q := r.Promise()
		*p.box = *q.box
		q.box = p.box
	}
}

func printPromise(b *strings.Builder, v Value, write bool) {
	if v.Promise().box.done {
		b.WriteString("#<promise (forced)>")
	} else {
		b.WriteString("#<promise>")
	}
}

func init() {
	Define("%delay", 1, 1, Delay)
	Define("%delay-force", 1, 1, DelayForce)
	Define("make-promise", 1, 1, MakePromise)
	DefinePure("promise?", 1, 1, PromiseP)
	Define("force", 1, 1, Force)
	RegisterPrinter(TPromise, printPromise)
}
