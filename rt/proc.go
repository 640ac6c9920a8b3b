package rt

import (
	"unsafe"
)

// Procedure is a Scheme procedure: primitive, compiled or interpreted.
//
// It carries one Go entry point per fixed arity 0-4 and a general entry FN
// (DESIGN §5: per-arity entries cost 2.7 ns a call; passing argument slices
// through an indirect call costs 30 ns and an allocation). A caller with n
// arguments uses Fn where set and falls back to FN; FN is set for procedures
// with a rest argument or more than four parameters, and checks the count.
//
// Every entry may return the tail-call marker instead of a value (see
// Thread.TailCall1); callers that are not themselves in tail position pass
// the result through Thread.Settle.
//
// The entries and the static facts (name, arity, position) live in a
// *ProcCode, which every procedure must have. All the procedures made from
// one lambda share one when their entries capture nothing (compiled
// closures that find their captured values through Thread.Self, and
// interpreted closures): code emits one ProcCode per lambda as a package
// variable, so making such a closure allocates the 8-byte pointer here plus
// the captured values, in one object. Procedures whose entries are Go
// closures get their own ProcCode, allocated with the Procedure
// (NewProcCode). Entries and facts were inline once (112 bytes a closure),
// then the facts moved to ProcInfo (56).
type Procedure struct {
	*ProcCode // never nil; its fields read as p.F1, p.Name, ...
}

// ProcCode is a procedure's entries and facts.
type ProcCode struct {
	F0 func(t *Thread) Value
	F1 func(t *Thread, a Value) Value
	F2 func(t *Thread, a, b Value) Value
	F3 func(t *Thread, a, b, c Value) Value
	F4 func(t *Thread, a, b, c, d Value) Value
	FN func(t *Thread, args []Value) Value

	*ProcInfo // never nil; its fields read as p.Name, p.Req, ...
}

// procWithCode is a Procedure allocated with its own ProcCode.
type procWithCode struct {
	Procedure
	code ProcCode
}

// NewProcCode returns a procedure with its own copy of c, in one
// allocation: for procedures whose entries are Go closures.
func NewProcCode(c ProcCode) *Procedure {
	s := &procWithCode{code: c}
	s.ProcCode = &s.code
	return &s.Procedure
}

// ProcInfo is what a procedure's entries do not say: shared by all the
// procedures made from one lambda, so it must not be changed once shared.
type ProcInfo struct {
	Name string // for errors and backtraces; "" for anonymous lambdas
	Req  int    // number of required arguments
	Max  int    // maximum number of arguments, or -1 for a rest argument
	Pos  Pos    // where the procedure was defined (unknown for primitives)
}

// NewInfo returns a fresh ProcInfo, for procedures made one at a time.
func NewInfo(name string, req, max int) *ProcInfo {
	return &ProcInfo{Name: name, Req: req, Max: max}
}

// NewProc wraps p as a Value.
func NewProc(p *Procedure) Value { return heap(unsafe.Pointer(p), TProc) }

// Proc returns v's *Procedure. v must be a procedure.
func (v Value) Proc() *Procedure { return (*Procedure)(v.p) }

// Value returns p as a Scheme value.
func (p *Procedure) Value() Value { return NewProc(p) }

// DisplayName is the name used in messages.
func (p *Procedure) DisplayName() string {
	if p.Name == "" {
		return "#<procedure>"
	}
	return p.Name
}

// ApplySlice calls p with args through whichever entry fits. The result may
// be the tail-call marker.
func (p *Procedure) ApplySlice(t *Thread, args []Value) Value {
	switch len(args) {
	case 0:
		if p.F0 != nil {
			t.Self = p
			return p.F0(t)
		}
	case 1:
		if p.F1 != nil {
			t.Self = p
			return p.F1(t, args[0])
		}
	case 2:
		if p.F2 != nil {
			t.Self = p
			return p.F2(t, args[0], args[1])
		}
	case 3:
		if p.F3 != nil {
			t.Self = p
			return p.F3(t, args[0], args[1], args[2])
		}
	case 4:
		if p.F4 != nil {
			t.Self = p
			return p.F4(t, args[0], args[1], args[2], args[3])
		}
	}
	if p.FN != nil {
		t.Self = p
		return p.FN(t, args)
	}
	return t.ArityError(p, len(args))
}

// ArityError raises the error for calling p with n arguments.
func (t *Thread) ArityError(p *Procedure, n int) Value {
	want := arityString(p.Req, p.Max)
	return t.Raise(NewError(p.DisplayName() + ": wrong number of arguments: expected " + want + ", got " + itoa(n)).Value())
}

func arityString(req, max int) string {
	switch {
	case max < 0:
		return "at least " + itoa(req)
	case max == req:
		return itoa(req)
	default:
		return itoa(req) + " to " + itoa(max)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// procOf returns f's procedure or raises "not a procedure".
func (t *Thread) procOf(f Value) *Procedure {
	if f.n == TProc && f.p != nil {
		return (*Procedure)(f.p)
	}
	t.Raise(NewError("attempt to call a non-procedure: " + WriteString(f)).Value())
	return nil
}

// Call0 calls f with no arguments and settles any tail call.
func (t *Thread) Call0(f Value) Value {
	p := t.procOf(f)
	var r Value
	if p.F0 != nil {
		t.Self = p
		r = p.F0(t)
	} else {
		r = p.ApplySlice(t, nil)
	}
	return t.Settle(r)
}

// Call1 calls f with one argument and settles any tail call.
func (t *Thread) Call1(f, a Value) Value {
	p := t.procOf(f)
	var r Value
	if p.F1 != nil {
		t.Self = p
		r = p.F1(t, a)
	} else {
		r = p.ApplySlice(t, []Value{a})
	}
	return t.Settle(r)
}

// Call2 calls f with two arguments and settles any tail call.
func (t *Thread) Call2(f, a, b Value) Value {
	p := t.procOf(f)
	var r Value
	if p.F2 != nil {
		t.Self = p
		r = p.F2(t, a, b)
	} else {
		r = p.ApplySlice(t, []Value{a, b})
	}
	return t.Settle(r)
}

// Call3 calls f with three arguments and settles any tail call.
func (t *Thread) Call3(f, a, b, c Value) Value {
	p := t.procOf(f)
	var r Value
	if p.F3 != nil {
		t.Self = p
		r = p.F3(t, a, b, c)
	} else {
		r = p.ApplySlice(t, []Value{a, b, c})
	}
	return t.Settle(r)
}

// Call4 calls f with four arguments and settles any tail call.
func (t *Thread) Call4(f, a, b, c, d Value) Value {
	p := t.procOf(f)
	var r Value
	if p.F4 != nil {
		t.Self = p
		r = p.F4(t, a, b, c, d)
	} else {
		r = p.ApplySlice(t, []Value{a, b, c, d})
	}
	return t.Settle(r)
}

// CallN calls f with args and settles any tail call.
func (t *Thread) CallN(f Value, args []Value) Value {
	return t.Settle(t.procOf(f).ApplySlice(t, args))
}

// Apply is CallN for callers that hold a slice.
func (t *Thread) Apply(f Value, args []Value) Value { return t.CallN(f, args) }

// Shared infos of procedures the runtime makes often.
var (
	continuationInfo = &ProcInfo{Name: "continuation", Max: -1}
	// reentrantInfo marks the re-entrant continuations (resume.go), whose
	// Procedure is the first field of a reentrant.
	reentrantInfo = &ProcInfo{Name: "continuation", Max: -1}
	guardInfo     = &ProcInfo{Name: "guard", Req: 1, Max: 1}
)
