package rt

import (
	"slices"
	"sync"
	"unsafe"
)

// String is a mutable Scheme string. Runes give O(1) string-ref and
// string-set! (R7RS 6.7).
type String struct {
	R []rune
}

// Str makes a Scheme string from a Go string.
func Str(s string) Value { return heap(unsafe.Pointer(&String{[]rune(s)}), TString) }

// StrRunes makes a Scheme string that owns rs.
func StrRunes(rs []rune) Value { return heap(unsafe.Pointer(&String{rs}), TString) }

// Str returns v's *String. v must be a string.
func (v Value) Str() *String { return (*String)(v.p) }

// GoString returns the contents of a Scheme string as a Go string.
func (s *String) String() string { return string(s.R) }

// Symbol is an interned symbol. Two symbols with the same name are the same
// pointer, so eq? is pointer equality.
type Symbol struct {
	Name string
}

var symtab = struct {
	sync.RWMutex
	m map[string]*Symbol
}{m: map[string]*Symbol{}}

// Intern returns the symbol named name. It is safe for concurrent use.
func Intern(name string) Value {
	symtab.RLock()
	s := symtab.m[name]
	symtab.RUnlock()
	if s == nil {
		symtab.Lock()
		if s = symtab.m[name]; s == nil {
			s = &Symbol{name}
			symtab.m[name] = s
		}
		symtab.Unlock()
	}
	return heap(unsafe.Pointer(s), TSymbol)
}

// Sym returns v's *Symbol. v must be a symbol.
func (v Value) Sym() *Symbol { return (*Symbol)(v.p) }

// Vector is a Scheme vector.
type Vector struct {
	Items []Value
}

// NewVector makes a vector that owns items.
func NewVector(items []Value) Value { return heap(unsafe.Pointer(&Vector{items}), TVector) }

// Vec returns v's *Vector. v must be a vector.
func (v Value) Vec() *Vector { return (*Vector)(v.p) }

// Bytevector is a Scheme bytevector.
type Bytevector struct {
	B []byte
}

// NewBytevector makes a bytevector that owns b.
func NewBytevector(b []byte) Value { return heap(unsafe.Pointer(&Bytevector{b}), TBytevector) }

// Bytes returns v's *Bytevector. v must be a bytevector.
func (v Value) Bytes() *Bytevector { return (*Bytevector)(v.p) }

// MultipleValues is the result of (values ...) with other than one value.
type MultipleValues struct {
	Vals []Value
}

// Values returns vs as a single Value: the value itself when there is exactly
// one, otherwise a multiple-values object.
func Values(vs ...Value) Value {
	if len(vs) == 1 {
		return vs[0]
	}
	return heap(unsafe.Pointer(&MultipleValues{vs}), TValues)
}

// ValuesOf returns the values v stands for.
func ValuesOf(v Value) []Value {
	if v.Is(TValues) {
		return (*MultipleValues)(v.p).Vals
	}
	return []Value{v}
}

// List builds a proper list.
func List(vs ...Value) Value {
	l := Null
	for i := len(vs) - 1; i >= 0; i-- {
		l = Cons(vs[i], l)
	}
	return l
}

// ListToSlice returns the elements of a proper list, or ok=false when l is not one.
func ListToSlice(l Value) (out []Value, ok bool) {
	return appendList(nil, l)
}

// appendList appends the elements of the list l to out, in one allocation
// (it counts them first); ok is false when l is not a proper list (an
// improper or circular one).
func appendList(out []Value, l Value) (_ []Value, ok bool) {
	n := 0
	x, cc := l, newCycleCheck(l)
	for x.IsPair() {
		n++
		if x = x.Pair().Cdr; cc.circular(x) {
			return out, false
		}
	}
	if !x.IsNull() {
		return out, false
	}
	out = slices.Grow(out, n)
	for x = l; x.IsPair(); x = x.Pair().Cdr {
		out = append(out, x.Pair().Car)
	}
	return out, true
}

// PairValue makes a Value of an existing pair (for building structure in
// place, such as cyclic constants).
func PairValue(p *Pair) Value { return heap(unsafe.Pointer(p), TPair) }
