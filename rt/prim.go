package rt

import (
	"fmt"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Prim describes a primitive procedure: its Scheme name, arity and Go
// implementation. The Go function has one of the shapes
//
//	func(*Thread) Value
//	func(*Thread, Value) Value      (up to four Values)
//	func(*Thread, []Value) Value    (any count between Req and Max)
//
// so compiled code can call it directly by its Go name, and the interpreter
// can call it without reflection.
type Prim struct {
	Name string
	Req  int
	Max  int // -1: no maximum
	Fn   any
	Proc *Procedure
	// Pure primitives have no side effects and depend only on their
	// arguments; the optimizer may fold and drop calls to them.
	Pure bool
	// TailCalls primitives may return the tail-call marker (apply does,
	// to call its procedure in tail position); callers not in tail
	// position must Settle their result.
	TailCalls bool
	// Scheme primitives were written in Scheme and compiled into rt.
	Scheme bool
	// Resumable primitives may return the unwind marker of a
	// continuation capture (resume.go); resumable callers must check
	// for it.
	Resumable bool
}

var prims = struct {
	sync.RWMutex
	m map[string]*Prim
}{m: map[string]*Prim{}}

// LookupPrim returns the primitive named name, or nil.
func LookupPrim(name string) *Prim {
	prims.RLock()
	defer prims.RUnlock()
	return prims.m[name]
}

// AllPrims returns every primitive, sorted by name.
func AllPrims() []*Prim {
	prims.RLock()
	out := make([]*Prim, 0, len(prims.m))
	for _, p := range prims.m {
		out = append(out, p)
	}
	prims.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// GoName returns the qualified Go name of the primitive's function, like
// "github.com/lambdust/lambdust/rt.Car", or "" when it is not a named
// top-level function (compiled code then calls it through Proc).
func (p *Prim) GoName() string {
	fn := runtime.FuncForPC(reflect.ValueOf(p.Fn).Pointer())
	if fn == nil {
		return ""
	}
	name := fn.Name()
	if strings.Contains(name, ".func") || strings.Contains(name, "(") || strings.HasSuffix(name, "-fm") {
		return ""
	}
	// An unexported function (Scheme compiled into rt) cannot be called
	// from another package.
	if local := name[strings.LastIndex(name, ".")+1:]; local == "" || local[0] < 'A' || local[0] > 'Z' {
		return ""
	}
	return name
}

// Variadic reports whether the Go function takes a []Value.
func (p *Prim) Variadic() bool {
	_, ok := p.Fn.(func(*Thread, []Value) Value)
	return ok
}

// Define registers a primitive; see Prim for the accepted function shapes.
// It panics on a malformed registration (a bug caught by the tests).
func Define(name string, req, max int, fn any) *Prim {
	p := &Prim{Name: name, Req: req, Max: max, Fn: fn}
	proc := &Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{Name: name, Req: req, Max: max}}}
	switch f := fn.(type) {
	case func(*Thread) Value:
		p.mustFixed(0)
		proc.F0 = f
	case func(*Thread, Value) Value:
		p.mustFixed(1)
		proc.F1 = f
	case func(*Thread, Value, Value) Value:
		p.mustFixed(2)
		proc.F2 = f
	case func(*Thread, Value, Value, Value) Value:
		p.mustFixed(3)
		proc.F3 = f
	case func(*Thread, Value, Value, Value, Value) Value:
		p.mustFixed(4)
		proc.F4 = f
	case func(*Thread, []Value) Value:
		proc.FN = func(t *Thread, args []Value) Value {
			if len(args) < req || (max >= 0 && len(args) > max) {
				return t.ArityError(proc, len(args))
			}
			return f(t, args)
		}
	default:
		panic(fmt.Sprintf("rt.Define %s: unsupported function type %T", name, fn))
	}
	p.Proc = proc
	prims.Lock()
	if _, dup := prims.m[name]; dup {
		prims.Unlock()
		panic("rt.Define: duplicate primitive " + name)
	}
	prims.m[name] = p
	prims.Unlock()
	return p
}

// DefineProc registers a procedure compiled from Scheme into rt (see
// codegen's runtime mode) as the primitive name. Its result may be a
// tail-call request, so callers settle it.
//
// The primitive's Fn is proc's entry itself, called without setting
// Thread.Self: proc must be a top-level procedure, whose entry captures
// nothing (codegen's runtime mode makes only such procedures).
func DefineProc(name string, proc *Procedure) *Prim {
	p := &Prim{Name: name, Req: proc.Req, Max: proc.Max, Proc: proc, TailCalls: true, Scheme: true}
	switch {
	case proc.Max == 0 && proc.F0 != nil:
		p.Fn = proc.F0
	case proc.Max == 1 && proc.Req == 1 && proc.F1 != nil:
		p.Fn = proc.F1
	case proc.Max == 2 && proc.Req == 2 && proc.F2 != nil:
		p.Fn = proc.F2
	case proc.Max == 3 && proc.Req == 3 && proc.F3 != nil:
		p.Fn = proc.F3
	case proc.Max == 4 && proc.Req == 4 && proc.F4 != nil:
		p.Fn = proc.F4
	default:
		p.Fn = proc.ApplySlice
	}
	prims.Lock()
	defer prims.Unlock()
	if _, dup := prims.m[name]; dup {
		panic("rt.DefineProc: duplicate primitive " + name)
	}
	prims.m[name] = p
	return p
}

// DefinePure is Define for a primitive without side effects.
func DefinePure(name string, req, max int, fn any) *Prim {
	p := Define(name, req, max, fn)
	p.Pure = true
	return p
}

func (p *Prim) mustFixed(n int) {
	if p.Req != n || p.Max != n {
		panic(fmt.Sprintf("rt.Define %s: fixed-arity function of %d arguments registered with arity %d..%d", p.Name, n, p.Req, p.Max))
	}
}
