package rt

// This file holds dynamic-wind (R7RS 6.10) and the thread's dynamic state:
// the pieces of the dynamic environment that a continuation captures and
// restores when it is invoked (cont.go).
//
// The winder list is an immutable linked list, innermost first, so a
// continuation captures it by keeping a pointer; two lists share their
// common outer part, and the winders to run when control moves from one to
// the other are those above their common ancestor.

// winder is one active dynamic-wind: its before and after thunks and the
// dynamic environment of the call to dynamic-wind, in which R7RS runs both
// thunks.
type winder struct {
	before, after Value
	parent        *winder // the next outer winder, or nil
	depth         int     // number of winders from here out, this one included
	dyn           dynState
}

// dynState is the part of a thread's dynamic environment that a
// continuation captures: the exception handler stack, the winder list, the
// parameterization and the current ports. Every part is immutable once
// captured (handler stacks are copied on push, winders and parameter
// bindings are persistent lists, the ports are copied by value), so a
// snapshot is a few words.
type dynState struct {
	handlers []Value
	winders  *winder
	params   *paramBinding
	io       threadIO
}

// saveDyn captures t's dynamic state.
func (t *Thread) saveDyn() dynState {
	d := dynState{handlers: t.handlers, winders: t.winders, params: t.params}
	if t.io != nil {
		d.io = *t.io
	}
	return d
}

// restoreDyn makes d t's dynamic state.
func (t *Thread) restoreDyn(d *dynState) {
	t.handlers = d.handlers
	t.winders = d.winders
	t.params = d.params
	if t.io != nil || d.io != (threadIO{}) {
		*t.ioState() = d.io
	}
}

// commonWinder returns the innermost winder shared by the lists a and b.
func commonWinder(a, b *winder) *winder {
	for depth(a) > depth(b) {
		a = a.parent
	}
	for depth(b) > depth(a) {
		b = b.parent
	}
	for a != b {
		a, b = a.parent, b.parent
	}
	return a
}

// depth is the length of the winder list w (0 for the empty list).
func depth(w *winder) int {
	if w == nil {
		return 0
	}
	return w.depth
}

// rewind moves t's winder list to to, running the after thunks of the
// winders being left, innermost first, and then the before thunks of the
// winders being entered, outermost first (R7RS 6.10). Each thunk runs in
// the dynamic environment of its dynamic-wind call, with the winder list
// set to the winder's parent, so a thunk that escapes in turn is not run
// again. With escape-only continuations the target is always an outer
// part of the current list and only after thunks run; the before half is
// there for re-entry.
func (t *Thread) rewind(to *winder) {
	common := commonWinder(t.winders, to)
	for t.winders != common {
		w := t.winders
		t.restoreDyn(&w.dyn) // sets t.winders to w.parent
		t.Call0(w.after)
	}
	if to == common {
		return
	}
	var enter []*winder
	for w := to; w != common; w = w.parent {
		enter = append(enter, w)
	}
	for i := len(enter) - 1; i >= 0; i-- {
		w := enter[i]
		t.restoreDyn(&w.dyn)
		t.Call0(w.before)
		t.winders = w
	}
}

// RunExitWinders runs the after thunks of every dynamic-wind the thread is
// inside, innermost first and outermost last, each in the dynamic
// environment of its dynamic-wind; (exit) runs it before flushing the
// ports. A winder is removed from the list before its after thunk runs, so
// each thunk runs at most once.
func (t *Thread) RunExitWinders() {
	for t.winders != nil {
		w := t.winders
		t.restoreDyn(&w.dyn)
		t.Call0(w.after)
	}
}

// runExitWinders is the ExitHooks entry: each after thunk runs under
// runExitHook, so an uncaught error in one is reported and the outer ones
// still run.
func runExitWinders(t *Thread) {
	for t.winders != nil {
		runExitHook(t, func(t *Thread) {
			w := t.winders
			t.restoreDyn(&w.dyn)
			t.Call0(w.after)
		})
	}
}

func init() {
	Define("dynamic-wind", 3, 3, DynamicWind)
	ExitHooks = append(ExitHooks, runExitWinders)
}
