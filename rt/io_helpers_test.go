package rt

import (
	"strings"
	"testing"
)

// ioCatch runs f and returns the object raised by an uncaught raise in it.
func ioCatch(f func()) (obj Value, raised bool) {
	defer func() {
		if r := recover(); r != nil {
			u, ok := r.(*Uncaught)
			if !ok {
				panic(r)
			}
			obj, raised = u.Obj, true
		}
	}()
	f()
	return Value{}, false
}

// ioMustRaise checks that f raises a condition of the given kind whose text
// contains every one of want.
func ioMustRaise(tb testing.TB, kind CondKind, f func(), want ...string) *Condition {
	tb.Helper()
	obj, raised := ioCatch(f)
	if !raised {
		tb.Fatalf("no error raised; want %q", want)
	}
	if !obj.Is(TCondition) {
		tb.Fatalf("raised %s, not a condition", WriteString(obj))
	}
	c := obj.Cond()
	if c.Kind != kind {
		tb.Errorf("condition kind %d, want %d (%s)", c.Kind, kind, c.Text())
	}
	for _, w := range want {
		if !strings.Contains(c.Text(), w) {
			tb.Errorf("error %q does not contain %q", c.Text(), w)
		}
	}
	return c
}

// ioProc1 makes a one-argument procedure from f.
func ioProc1(f func(t *Thread, a Value) Value) Value {
	return NewProc(&Procedure{ProcCode: &ProcCode{F1: f, ProcInfo: &ProcInfo{Req: 1, Max: 1, Name: "test-proc"}}})
}

// ioProc0 makes a thunk from f.
func ioProc0(f func(t *Thread) Value) Value {
	return NewProc(&Procedure{ProcCode: &ProcCode{F0: f, ProcInfo: &ProcInfo{Req: 0, Max: 0, Name: "test-thunk"}}})
}

// ioReadAll reads every datum of src with read and returns them written.
func ioReadAll(tb testing.TB, src string) []string {
	tb.Helper()
	t := NewThread()
	p := OpenInputString(src).Value()
	var out []string
	for {
		v := Read(t, []Value{p})
		if v.IsEOF() {
			return out
		}
		out = append(out, WriteString(v))
	}
}

// ioRead1 reads the first datum of src.
func ioRead1(src string) Value {
	return Read(NewThread(), []Value{OpenInputString(src).Value()})
}
