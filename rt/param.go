package rt

import (
	"reflect"
	"sync"
	"unsafe"
)

// This file holds parameter objects and parameterize (R7RS 4.2.6).
//
// A parameter object is a procedure of no arguments. Its value is looked up
// in the thread's parameterization, an immutable linked list of bindings
// (innermost first) that continuations capture by pointer; a parameter that
// is not bound there has its global value, the converted initial value,
// which never changes. The parameterization is per thread, so parameterize
// in one thread never affects another.

// Parameter is the state of a parameter object.
type Parameter struct {
	init      Value // the global value: the converted initial value
	converter Value // a procedure, or False for none
}

// paramBinding is one binding of a parameterize.
type paramBinding struct {
	param *Parameter
	value Value
	next  *paramBinding
}

// paramProc is a parameter object: the procedure first, so a *Procedure
// known to be a parameter's can be converted back to its paramProc.
type paramProc struct {
	proc  Procedure
	param Parameter
}

// get is the parameter object's entry point.
func (pp *paramProc) get(t *Thread) Value {
	p := &pp.param
	for b := t.params; b != nil; b = b.next {
		if b.param == p {
			return b.value
		}
	}
	return p.init
}

// paramEntry is the code pointer of the entries of parameter objects (every
// pp.get method value shares it), by which ParameterOf recognizes them.
var paramEntry = reflect.ValueOf((&paramProc{}).get).Pointer()

// newParamProc makes a parameter object. It is not inlined so that every
// entry is made by the same code.
//
//go:noinline
func newParamProc(init, converter Value) *paramProc {
	pp := &paramProc{param: Parameter{init: init, converter: converter}}
	pp.proc = Procedure{ProcCode: &ProcCode{F0: pp.get, ProcInfo: &ProcInfo{Name: "parameter", Req: 0, Max: 0}}}
	return pp
}

// ParameterOf returns the parameter of the parameter object v, or nil when
// v is not a parameter object.
func ParameterOf(v Value) *Parameter {
	if !v.IsProcedure() {
		return nil
	}
	p := v.Proc()
	if p.F0 == nil || reflect.ValueOf(p.F0).Pointer() != paramEntry {
		return nil
	}
	return &(*paramProc)(unsafe.Pointer(p)).param
}

// MakeParameter is (make-parameter init [converter]).
func MakeParameter(t *Thread, args []Value) Value {
	init, conv := args[0], False
	if len(args) > 1 {
		conv = args[1]
		t.procOf(conv)
		init = t.Call1(conv, init)
	}
	return NewProc(&newParamProc(init, conv).proc)
}

// portProcs are the current-port procedures (io.go). They are not
// parameter objects, but parameterize treats them as such by setting the
// thread's current ports.
var portProcs = sync.OnceValue(func() [3]*Procedure {
	var ps [3]*Procedure
	for i, name := range [3]string{"current-input-port", "current-output-port", "current-error-port"} {
		if pr := LookupPrim(name); pr != nil {
			ps[i] = pr.Proc
		}
	}
	return ps
})

// portParam reports which of the current-port procedures p is: 0 for
// input, 1 for output, 2 for error, or -1.
func portParam(p *Procedure) int {
	for i, q := range portProcs() {
		if p == q {
			return i
		}
	}
	return -1
}

// Parameterize is (%parameterize params values body-thunk), what the
// parameterize form expands to: params and values are lists of the same
// length. Each value is passed through its parameter's converter (in the
// dynamic environment of the parameterize), then body-thunk is called with
// the parameters bound to the results. The previous bindings come back when
// body-thunk returns, and when a continuation escapes from it (the
// continuation restores the parameterization it captured).
//
// current-input-port, current-output-port and current-error-port may be
// parameterized too, with a port of the right direction: they set the
// thread's current ports for the extent of body-thunk.
func Parameterize(t *Thread, params, values, thunk Value) Value {
	const who = "parameterize"
	ps, ok1 := ListToSlice(params)
	vs, ok2 := ListToSlice(values)
	if !ok1 {
		return t.TypeError(who, "list of parameters", params)
	}
	if !ok2 || len(vs) != len(ps) {
		return t.TypeError(who, "list of "+itoa(len(ps))+" values", values)
	}
	t.procOf(thunk)
	saved := t.saveDyn()
	bs := t.params
	var ports [3]*Port // new input, output, error ports, or nil
	for i, pv := range ps {
		if p := ParameterOf(pv); p != nil {
			v := vs[i]
			if p.converter.IsProcedure() {
				v = t.Call1(p.converter, v)
			}
			bs = &paramBinding{param: p, value: v, next: bs}
			continue
		}
		k := -1
		if pv.IsProcedure() {
			k = portParam(pv.Proc())
		}
		if k < 0 {
			return t.TypeError(who, "parameter object", pv)
		}
		v := vs[i]
		if k == 0 {
			if !v.Is(TPort) || !v.Port().IsInput() {
				return t.TypeError(who, "input port for current-input-port", v)
			}
		} else if !v.Is(TPort) || !v.Port().IsOutput() {
			return t.TypeError(who, "output port for "+pv.Proc().Name, v)
		}
		ports[k] = v.Port()
	}
	t.params = bs
	if ports[0] != nil {
		t.SetCurrentInput(ports[0])
	}
	if ports[1] != nil {
		t.SetCurrentOutput(ports[1])
	}
	if ports[2] != nil {
		t.SetCurrentError(ports[2])
	}
	return t.then(t.CallR0(thunk), func(t *Thread, r Value) Value {
		t.params = saved.params
		if ports != [3]*Port{} {
			*t.ioState() = saved.io
		}
		return r
	})
}

func init() {
	Define("make-parameter", 1, 2, MakeParameter)
	Define("%parameterize", 3, 3, Parameterize)
}
