package rt

import (
	"fmt"
	"strings"
	"unsafe"
)

// CondKind distinguishes the standard kinds of error object (R7RS 6.11).
type CondKind uint8

const (
	ErrGeneral CondKind = iota // raised by error and by primitives
	ErrRead                    // read-error?
	ErrFile                    // file-error?
)

// Condition is a Scheme error object.
type Condition struct {
	Kind      CondKind
	Message   string
	Irritants []Value
	// Who names the procedure that raised it (primitive errors), or "".
	Who string
	// Pos is where the error was raised, when known.
	Pos Pos
	// Trace is the Scheme backtrace captured when the error went uncaught.
	Trace []Frame
}

// NewError makes a general error object with a message and irritants.
func NewError(msg string, irritants ...Value) *Condition {
	return &Condition{Message: msg, Irritants: irritants}
}

// Value returns c as a Scheme value.
func (c *Condition) Value() Value { return heap(unsafe.Pointer(c), TCondition) }

// Cond returns v's *Condition. v must have type TCondition.
func (v Value) Cond() *Condition { return (*Condition)(v.p) }

// Text is the message followed by the written irritants, as printed for an
// uncaught error.
func (c *Condition) Text() string {
	var b strings.Builder
	if c.Who != "" {
		b.WriteString(c.Who)
		b.WriteString(": ")
	}
	b.WriteString(c.Message)
	for _, irr := range c.Irritants {
		b.WriteByte(' ')
		b.WriteString(WriteString(irr))
	}
	return b.String()
}

// Frame is one entry of a Scheme backtrace.
type Frame struct {
	Name string
	Pos  Pos
}

// Uncaught is the Go panic value that carries a raised object no handler
// took to the top of the thread (Main, or the interpreter's driver).
type Uncaught struct {
	Obj Value
	Pos Pos // position of the raise, when known
	// Trace is the Scheme backtrace at the raise (compiled code).
	Trace []Frame
}

func (u *Uncaught) Error() string {
	msg := DescribeRaised(u.Obj)
	if u.Pos.IsKnown() {
		return u.Pos.String() + ": " + msg
	}
	return msg
}

// DescribeRaised is how an uncaught raised object is reported: an error
// object's message and irritants, any other object as written.
func DescribeRaised(obj Value) string {
	if obj.Is(TCondition) {
		return obj.Cond().Text()
	}
	return "uncaught exception: " + WriteString(obj)
}

// here is the position of the current operation, or the zero Pos.
func (t *Thread) here() Pos {
	if t.Loc != nil {
		return *t.Loc
	}
	return Pos{}
}

// Raise is (raise obj): it calls the current exception handler in the
// dynamic environment of the raise, minus that handler (R7RS 6.11). A raise
// is not continuable, so if the handler returns, a secondary error is raised
// in the outer handler's environment. With no handler installed the object
// goes to the top of the thread as an *Uncaught panic.
func (t *Thread) Raise(obj Value) Value {
	if obj.Is(TCondition) {
		if c := obj.Cond(); !c.Pos.IsKnown() {
			c.Pos = t.here()
		}
	}
	n := len(t.handlers)
	if n == 0 {
		pos := t.here()
		if obj.Is(TCondition) {
			pos = obj.Cond().Pos
		}
		panic(&Uncaught{Obj: obj, Pos: pos, Trace: t.trace(pos)})
	}
	h := t.handlers[n-1]
	saved := t.handlers
	t.handlers = t.handlers[:n-1]
	t.Call1(h, obj)
	t.handlers = saved[:n-1]
	err := NewError("exception handler returned from non-continuable raise of " + WriteString(obj))
	err.Pos = t.here()
	t.Raise(err.Value())
	panic("unreachable")
}

// RaiseContinuable is (raise-continuable obj): the handler's result is the
// result of the raise.
func (t *Thread) RaiseContinuable(obj Value) Value {
	n := len(t.handlers)
	if n == 0 {
		panic(&Uncaught{Obj: obj, Pos: t.here(), Trace: t.trace(t.here())})
	}
	h := t.handlers[n-1]
	saved := t.handlers
	t.handlers = t.handlers[:n-1]
	r := t.Call1(h, obj)
	t.handlers = saved
	return r
}

// WithExceptionHandler is (with-exception-handler handler thunk).
func (t *Thread) WithExceptionHandler(handler, thunk Value) Value {
	t.procOf(handler)
	saved := t.handlers
	t.handlers = append(t.handlers[:len(t.handlers):len(t.handlers)], handler)
	r := t.Call0(thunk)
	t.handlers = saved
	return r
}

// Errorf raises a general error whose message is formatted; irritants are
// not appended. who names the raising procedure.
func (t *Thread) Errorf(who, format string, args ...any) Value {
	c := &Condition{Who: who, Message: fmt.Sprintf(format, args...)}
	return t.Raise(c.Value())
}

// TypeError raises "who: expected WANT, got X".
func (t *Thread) TypeError(who, want string, got Value) Value {
	c := &Condition{Who: who, Message: "expected " + want + ", got " + WriteString(got), Irritants: nil}
	return t.Raise(c.Value())
}

// TypeErrorAt is TypeError at an explicit position; compiled fast paths pass
// their call site so the hot path need not store it.
func (t *Thread) TypeErrorAt(loc *Pos, who, want string, got Value) Value {
	if loc != nil {
		t.Loc = loc
	}
	return t.TypeError(who, want, got)
}
