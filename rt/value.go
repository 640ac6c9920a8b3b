// Package rt is the Lambdust runtime: the value representation, the standard
// procedures, and the machinery for calls, tail calls and errors that both
// compiled programs and the interpreter link. It is the project's only public,
// stable API; it never imports a compiler package.
//
// # Values
//
// A Value is a 16-byte struct {p unsafe.Pointer; n uint64} (DESIGN §4; the
// representation measured fastest among those that keep full Scheme
// semantics):
//
//   - p == nil: a fixnum, int64(n).
//   - p points at one of the static tags in immTags: an immediate whose kind
//     is the tag (flonum bits, char, boolean, (), unspecified, eof, ...).
//   - otherwise p is a real heap pointer and n is its type code (a T*
//     constant), so dispatch on type needs no memory load.
//
// p never holds a non-pointer. Flonum NaNs are canonicalized when boxed so a
// flonum's bits never collide with a heap type code; IsPair and friends are
// therefore two compares.
package rt

import (
	"math"
	"math/big"
	"unsafe"
)

// Value is a Scheme value. The zero Value is the fixnum 0.
type Value struct {
	p unsafe.Pointer
	n uint64
}

// Immediate kinds, indexes into immTags.
const (
	immFlonum = iota
	immChar
	immBool
	immNull
	immUnspec
	immEOF
	immDefault // marker for absent optional arguments
	immUnbound // contents of a global cell before its definition runs
	immTail    // returned by a procedure that requests a tail call (see Thread)
	numImm
)

// immTags are the static tags that p points at for immediates. They are
// bytes (not zero-size values) so each has a distinct address.
var immTags [numImm]byte

func immPtr(k int) unsafe.Pointer { return unsafe.Pointer(&immTags[k]) }

// Heap type codes. They live in the top of the uint64 range, where no
// canonical flonum's bit pattern lies (those would be negative NaNs).
const (
	typeBase uint64 = 0xFFFF_0000_0000_0000
	TPair           = typeBase + iota
	TString
	TSymbol
	TProc
	TBignum
	TRatnum
	TVector
	TBytevector
	TRecord
	TPort
	TPromise
	TParameter
	TCondition
	TValues
	TEnv
	THashTable
	TCompnum
	TF64Vector
	TForeign    // any other Go value, boxed in *Foreign
	TRecordType // record type descriptor (record.go)
	// SRFI 4 homogeneous vectors other than f64 (srfi4.go); u8vectors
	// are bytevectors.
	TS8Vector
	TU16Vector
	TS16Vector
	TU32Vector
	TS32Vector
	TU64Vector
	TS64Vector
	TF32Vector
)

// canonNaN is the one NaN bit pattern a flonum Value may hold.
const canonNaN = 0x7FF8_0000_0000_0001

// Canonical immediates.
var (
	Null        = Value{p: immPtr(immNull)}
	Unspecified = Value{p: immPtr(immUnspec)}
	EOF         = Value{p: immPtr(immEOF)}
	Default     = Value{p: immPtr(immDefault)}
	Unbound     = Value{p: immPtr(immUnbound)}
	True        = Value{p: immPtr(immBool), n: 1}
	False       = Value{p: immPtr(immBool), n: 0}
	tailMarker  = Value{p: immPtr(immTail)}
)

// Fixnum makes a fixnum.
func Fixnum(i int64) Value { return Value{n: uint64(i)} }

// Flonum makes a flonum.
func Flonum(f float64) Value {
	b := math.Float64bits(f)
	if f != f {
		b = canonNaN
	}
	return Value{p: immPtr(immFlonum), n: b}
}

// Char makes a character.
func Char(r rune) Value { return Value{p: immPtr(immChar), n: uint64(r)} }

// Bool makes a boolean.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

func heap(p unsafe.Pointer, t uint64) Value { return Value{p: p, n: t} }

// IsFixnum reports whether v is a fixnum.
func (v Value) IsFixnum() bool { return v.p == nil }

// Int returns the fixnum's value. v must be a fixnum.
func (v Value) Int() int64 { return int64(v.n) }

// IsFlonum reports whether v is a flonum.
func (v Value) IsFlonum() bool { return v.p == immPtr(immFlonum) }

// Float returns the flonum's value. v must be a flonum.
func (v Value) Float() float64 { return math.Float64frombits(v.n) }

func (v Value) IsChar() bool   { return v.p == immPtr(immChar) }
func (v Value) Rune() rune     { return rune(v.n) }
func (v Value) IsBool() bool   { return v.p == immPtr(immBool) }
func (v Value) IsNull() bool   { return v.p == immPtr(immNull) }
func (v Value) IsEOF() bool    { return v.p == immPtr(immEOF) }
func (v Value) IsUnspec() bool { return v.p == immPtr(immUnspec) }

// IsDefault reports whether v is the absent-optional-argument marker.
func (v Value) IsDefault() bool { return v.p == immPtr(immDefault) }

// IsUnbound reports whether v is the contents of an undefined global.
func (v Value) IsUnbound() bool { return v.p == immPtr(immUnbound) }

// IsTail reports whether v is the tail-call request marker.
func (v Value) IsTail() bool { return v.p == immPtr(immTail) }

// IsFalse reports whether v is #f, the only false value.
func (v Value) IsFalse() bool { return v.p == immPtr(immBool) && v.n == 0 }

// IsTrue reports whether v counts as true (anything but #f).
func (v Value) IsTrue() bool { return !v.IsFalse() }

// Is reports whether v is a heap object of type t.
func (v Value) Is(t uint64) bool { return v.n == t && v.p != nil }

func (v Value) IsPair() bool      { return v.n == TPair && v.p != nil }
func (v Value) IsString() bool    { return v.n == TString && v.p != nil }
func (v Value) IsSymbol() bool    { return v.n == TSymbol && v.p != nil }
func (v Value) IsProcedure() bool { return v.n == TProc && v.p != nil }
func (v Value) IsVector() bool    { return v.n == TVector && v.p != nil }

// IsHeap reports whether v is a heap object (not a fixnum or immediate).
func (v Value) IsHeap() bool {
	return v.p != nil && uintptr(v.p)-uintptr(immPtr(0)) >= numImm
}

// Ptr returns the heap pointer of v (nil for fixnums; a static tag for immediates).
func (v Value) Ptr() unsafe.Pointer { return v.p }

// Type returns the heap type code of v; meaningful only when IsHeap.
func (v Value) Type() uint64 { return v.n }

// Eq is eq?: identity for heap objects, and equality of the representation
// for fixnums, chars, booleans and the other immediates.
func Eq(a, b Value) bool { return a.p == b.p && a.n == b.n }

// Pair is a cons cell.
type Pair struct {
	Car, Cdr Value
}

// Cons allocates a pair.
func Cons(a, d Value) Value { return heap(unsafe.Pointer(&Pair{a, d}), TPair) }

// Pair returns v's pair. v must be a pair.
func (v Value) Pair() *Pair { return (*Pair)(v.p) }

// Bignum makes an exact integer from b, normalizing to a fixnum when it fits.
// b must not be modified afterwards.
func Bignum(b *big.Int) Value {
	if b.IsInt64() {
		return Fixnum(b.Int64())
	}
	return heap(unsafe.Pointer(b), TBignum)
}

// Big returns v's *big.Int. v must be a bignum.
func (v Value) Big() *big.Int { return (*big.Int)(v.p) }

// Ratnum makes an exact rational from r, normalizing integers to fixnum or
// bignum. r must not be modified afterwards.
func Ratnum(r *big.Rat) Value {
	if r.IsInt() {
		return Bignum(new(big.Int).Set(r.Num()))
	}
	return heap(unsafe.Pointer(r), TRatnum)
}

// Rat returns v's *big.Rat. v must be a ratnum.
func (v Value) Rat() *big.Rat { return (*big.Rat)(v.p) }

// Foreign boxes an arbitrary Go value (ports' internals, actors, Go interop).
type Foreign struct {
	Kind string // printed name, e.g. "actor"
	V    any
}

// NewForeign wraps x as a Scheme value.
func NewForeign(kind string, x any) Value { return heap(unsafe.Pointer(&Foreign{kind, x}), TForeign) }

// Foreign returns v's *Foreign. v must have type TForeign.
func (v Value) Foreign() *Foreign { return (*Foreign)(v.p) }

// HeapValue makes a Value from a heap pointer and its type code. Runtime
// extensions in other files use it with their own types.
func HeapValue(p unsafe.Pointer, t uint64) Value { return heap(p, t) }
