package rt

import (
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unsafe"
)

// This file defines SRFI 4, homogeneous numeric vectors: u8 s8 u16 s16 u32
// s32 u64 s64 f32 f64 vectors. Each kind keeps its elements contiguous and
// unboxed in a Go slice of the element type ([]float64 for f64vector), so
// the SIMD kernels and Go interop can work on the slice directly (Data).
//
// A u8vector is a bytevector (SRFI 4 permits this in R7RS systems, and
// both write as #u8(...)): u8vector? and bytevector? agree, and every
// bytevector procedure accepts a u8vector. The other kinds are heap objects
// of their own type code (TS8Vector ... TF64Vector) holding a *NumVector.
//
// For each kind TAG the procedures are make-TAGvector, TAGvector,
// TAGvector?, TAGvector-length, TAGvector-ref, TAGvector-set!,
// TAGvector->list (with optional start and end, as SRFI 160 allows) and
// list->TAGvector. Integer kinds accept exact integers in the kind's range
// and refuse others with "u8vector-set!: 300 out of range for u8"; float
// kinds accept any real number and store it inexact (f32 rounded to single
// precision).

// numElem is the set of element types of homogeneous vectors.
type numElem interface {
	~int8 | ~uint8 | ~int16 | ~uint16 | ~int32 | ~uint32 | ~int64 | ~uint64 | ~float32 | ~float64
}

// NumVector is a homogeneous numeric vector (all kinds but u8vector, which
// is a Bytevector).
type NumVector[E numElem] struct {
	d []E
}

// Data returns the vector's elements; writes to the slice are writes to
// the vector.
func (v *NumVector[E]) Data() []E { return v.d }

// The homogeneous vector kinds by element type.
type (
	S8Vector  = NumVector[int8]
	U16Vector = NumVector[uint16]
	S16Vector = NumVector[int16]
	U32Vector = NumVector[uint32]
	S32Vector = NumVector[int32]
	U64Vector = NumVector[uint64]
	S64Vector = NumVector[int64]
	F32Vector = NumVector[float32]
	F64Vector = NumVector[float64]
)

// Data returns a bytevector's (u8vector's) bytes, like NumVector.Data.
func (b *Bytevector) Data() []byte { return b.B }

// Constructors: each makes a vector that owns d.
func NewS8Vector(d []int8) Value     { return heap(unsafe.Pointer(&S8Vector{d}), TS8Vector) }
func NewU16Vector(d []uint16) Value  { return heap(unsafe.Pointer(&U16Vector{d}), TU16Vector) }
func NewS16Vector(d []int16) Value   { return heap(unsafe.Pointer(&S16Vector{d}), TS16Vector) }
func NewU32Vector(d []uint32) Value  { return heap(unsafe.Pointer(&U32Vector{d}), TU32Vector) }
func NewS32Vector(d []int32) Value   { return heap(unsafe.Pointer(&S32Vector{d}), TS32Vector) }
func NewU64Vector(d []uint64) Value  { return heap(unsafe.Pointer(&U64Vector{d}), TU64Vector) }
func NewS64Vector(d []int64) Value   { return heap(unsafe.Pointer(&S64Vector{d}), TS64Vector) }
func NewF32Vector(d []float32) Value { return heap(unsafe.Pointer(&F32Vector{d}), TF32Vector) }
func NewF64Vector(d []float64) Value { return heap(unsafe.Pointer(&F64Vector{d}), TF64Vector) }

// Accessors: v must have the matching type code (v.Is(TF64Vector) ...).
func (v Value) S8Vector() *S8Vector   { return (*S8Vector)(v.p) }
func (v Value) U16Vector() *U16Vector { return (*U16Vector)(v.p) }
func (v Value) S16Vector() *S16Vector { return (*S16Vector)(v.p) }
func (v Value) U32Vector() *U32Vector { return (*U32Vector)(v.p) }
func (v Value) S32Vector() *S32Vector { return (*S32Vector)(v.p) }
func (v Value) U64Vector() *U64Vector { return (*U64Vector)(v.p) }
func (v Value) S64Vector() *S64Vector { return (*S64Vector)(v.p) }
func (v Value) F32Vector() *F32Vector { return (*F32Vector)(v.p) }
func (v Value) F64Vector() *F64Vector { return (*F64Vector)(v.p) }

// numKind describes one kind of homogeneous vector.
type numKind[E numElem] struct {
	tag    string // "f64"
	code   uint64 // heap type code
	wrap   func([]E) Value
	unwrap func(Value) []E
	box    func(E) Value
	conv   func(Value) (E, elemCheck) // checks type and range
	want   string                     // the element type, for errors
}

// elemCheck is the outcome of converting a Value to an element.
type elemCheck uint8

const (
	elemOK       elemCheck = iota
	elemBadType            // not a number of the kind's type
	elemBadRange           // an exact integer outside the kind's range
)

func (k *numKind[E]) name() string { return k.tag + "vector" }

// arg checks that x is a vector of this kind and returns its elements.
func (k *numKind[E]) arg(t *Thread, who string, x Value) []E {
	if !x.Is(k.code) {
		t.TypeError(who, k.name(), x)
	}
	return k.unwrap(x)
}

// unbox converts x to an element, raising a type or range error.
func (k *numKind[E]) unbox(t *Thread, who string, x Value) E {
	e, c := k.conv(x)
	switch c {
	case elemBadType:
		t.TypeError(who, k.want, x)
	case elemBadRange:
		t.Errorf(who, "%s out of range for %s", WriteString(x), k.tag)
	}
	return e
}

// intConv converts exact integers in lo..hi.
func intConv[E numElem](lo, hi int64) func(Value) (E, elemCheck) {
	return func(x Value) (E, elemCheck) {
		if x.IsFixnum() {
			if i := x.Int(); i >= lo && i <= hi {
				return E(i), elemOK
			}
			return 0, elemBadRange
		}
		if x.Is(TBignum) {
			return 0, elemBadRange
		}
		return 0, elemBadType
	}
}

func convU64(x Value) (uint64, elemCheck) {
	switch {
	case x.IsFixnum() && x.Int() >= 0:
		return uint64(x.Int()), elemOK
	case x.Is(TBignum) && x.Big().Sign() > 0 && x.Big().IsUint64():
		return x.Big().Uint64(), elemOK
	case x.IsFixnum() || x.Is(TBignum):
		return 0, elemBadRange
	}
	return 0, elemBadType
}

func boxU64(x uint64) Value {
	if x <= math.MaxInt64 {
		return Fixnum(int64(x))
	}
	return Bignum(new(big.Int).SetUint64(x))
}

// floatConv accepts any real number, made inexact.
func floatConv[E ~float32 | ~float64](x Value) (E, elemCheck) {
	if !IsReal(x) {
		return 0, elemBadType
	}
	return E(ToFloat(x)), elemOK
}

func boxInt[E ~int8 | ~uint8 | ~int16 | ~uint16 | ~int32 | ~uint32 | ~int64](x E) Value {
	return Fixnum(int64(x))
}

func numWrap[E numElem](code uint64) func([]E) Value {
	return func(d []E) Value { return heap(unsafe.Pointer(&NumVector[E]{d}), code) }
}

func numUnwrap[E numElem](v Value) []E { return (*NumVector[E])(v.p).d }

const wantInt, wantReal = "exact integer", "real number"

var (
	u8Kind = &numKind[uint8]{tag: "u8", code: TBytevector, want: wantInt,
		wrap: NewBytevector, unwrap: func(v Value) []byte { return v.Bytes().B },
		box: boxInt[uint8], conv: intConv[uint8](0, math.MaxUint8)}
	s8Kind = &numKind[int8]{tag: "s8", code: TS8Vector, want: wantInt,
		wrap: numWrap[int8](TS8Vector), unwrap: numUnwrap[int8],
		box: boxInt[int8], conv: intConv[int8](math.MinInt8, math.MaxInt8)}
	u16Kind = &numKind[uint16]{tag: "u16", code: TU16Vector, want: wantInt,
		wrap: numWrap[uint16](TU16Vector), unwrap: numUnwrap[uint16],
		box: boxInt[uint16], conv: intConv[uint16](0, math.MaxUint16)}
	s16Kind = &numKind[int16]{tag: "s16", code: TS16Vector, want: wantInt,
		wrap: numWrap[int16](TS16Vector), unwrap: numUnwrap[int16],
		box: boxInt[int16], conv: intConv[int16](math.MinInt16, math.MaxInt16)}
	u32Kind = &numKind[uint32]{tag: "u32", code: TU32Vector, want: wantInt,
		wrap: numWrap[uint32](TU32Vector), unwrap: numUnwrap[uint32],
		box: boxInt[uint32], conv: intConv[uint32](0, math.MaxUint32)}
	s32Kind = &numKind[int32]{tag: "s32", code: TS32Vector, want: wantInt,
		wrap: numWrap[int32](TS32Vector), unwrap: numUnwrap[int32],
		box: boxInt[int32], conv: intConv[int32](math.MinInt32, math.MaxInt32)}
	u64Kind = &numKind[uint64]{tag: "u64", code: TU64Vector, want: wantInt,
		wrap: numWrap[uint64](TU64Vector), unwrap: numUnwrap[uint64],
		box: boxU64, conv: convU64}
	s64Kind = &numKind[int64]{tag: "s64", code: TS64Vector, want: wantInt,
		wrap: numWrap[int64](TS64Vector), unwrap: numUnwrap[int64],
		box: boxInt[int64], conv: intConv[int64](math.MinInt64, math.MaxInt64)}
	f32Kind = &numKind[float32]{tag: "f32", code: TF32Vector, want: wantReal,
		wrap: numWrap[float32](TF32Vector), unwrap: numUnwrap[float32],
		box: func(x float32) Value { return Flonum(float64(x)) }, conv: floatConv[float32]}
	f64Kind = &numKind[float64]{tag: "f64", code: TF64Vector, want: wantReal,
		wrap: NewF64Vector, unwrap: numUnwrap[float64],
		box: Flonum, conv: floatConv[float64]}
)

// fromValues makes a vector of the kind from xs, or reports false when an
// element does not convert.
func (k *numKind[E]) fromValues(xs []Value) (Value, bool) {
	d := make([]E, len(xs))
	for i, x := range xs {
		e, c := k.conv(x)
		if c != elemOK {
			return Value{}, false
		}
		d[i] = e
	}
	return k.wrap(d), true
}

// numKinds maps each kind's tag to its constructor from Values.
var numKinds = map[string]func([]Value) (Value, bool){
	"u8": u8Kind.fromValues, "s8": s8Kind.fromValues, "u16": u16Kind.fromValues,
	"s16": s16Kind.fromValues, "u32": u32Kind.fromValues, "s32": s32Kind.fromValues,
	"u64": u64Kind.fromValues, "s64": s64Kind.fromValues, "f32": f32Kind.fromValues,
	"f64": f64Kind.fromValues,
}

// MakeNumVector makes a homogeneous vector of the kind tag ("u8" ...
// "f64") from numbers; ok is false for an unknown tag or an element of the
// wrong type or out of range.
func MakeNumVector(tag string, elems []Value) (v Value, ok bool) {
	if f := numKinds[tag]; f != nil {
		return f(elems)
	}
	return Value{}, false
}

// NumVectorTag returns the kind of homogeneous vector v is ("s8" ...
// "f64"), or "" when it is none. A bytevector gives "" (it is written
// #u8 and handled as a bytevector everywhere).
func NumVectorTag(v Value) string {
	if !v.IsHeap() {
		return ""
	}
	switch v.n {
	case TS8Vector:
		return "s8"
	case TU16Vector:
		return "u16"
	case TS16Vector:
		return "s16"
	case TU32Vector:
		return "u32"
	case TS32Vector:
		return "s32"
	case TU64Vector:
		return "u64"
	case TS64Vector:
		return "s64"
	case TF32Vector:
		return "f32"
	case TF64Vector:
		return "f64"
	}
	return ""
}

// define registers the eight SRFI 4 procedures of the kind and its
// printer, and returns their names.
func (k *numKind[E]) define() []string {
	n := k.name()
	names := []string{"make-" + n, n, n + "?", n + "-length", n + "-ref", n + "-set!", n + "->list", "list->" + n}
	// define registers fn as name, unless a named Go function serves it.
	define := func(name string, req, max int, fn any) *Prim {
		if f, ok := srfi4Named[name]; ok {
			fn = f
		}
		return Define(name, req, max, fn)
	}
	definePure := func(name string, req, max int, fn any) { define(name, req, max, fn).Pure = true }
	definePure(names[0], 1, 2, func(t *Thread, args []Value) Value {
		size := lengthArg(t, names[0], args[0])
		d := make([]E, size)
		if x, ok := optArg(args, 1); ok {
			fill := k.unbox(t, names[0], x)
			for i := range d {
				d[i] = fill
			}
		}
		return k.wrap(d)
	})
	definePure(names[1], 0, -1, func(t *Thread, args []Value) Value {
		d := make([]E, len(args))
		for i, x := range args {
			d[i] = k.unbox(t, names[1], x)
		}
		return k.wrap(d)
	})
	definePure(names[2], 1, 1, func(t *Thread, x Value) Value { return Bool(x.Is(k.code)) })
	definePure(names[3], 1, 1, func(t *Thread, v Value) Value {
		return Fixnum(int64(len(k.arg(t, names[3], v))))
	})
	definePure(names[4], 2, 2, func(t *Thread, v, i Value) Value {
		d := k.arg(t, names[4], v)
		return k.box(d[indexArg(t, names[4], i, len(d), n)])
	})
	define(names[5], 3, 3, func(t *Thread, v, i, x Value) Value {
		d := k.arg(t, names[5], v)
		j := indexArg(t, names[5], i, len(d), n)
		d[j] = k.unbox(t, names[5], x)
		return Unspecified
	})
	definePure(names[6], 1, 3, func(t *Thread, args []Value) Value {
		d := k.arg(t, names[6], args[0])
		start, end := rangeArgs(t, names[6], args, 1, len(d), n)
		l := Null
		for i := end - 1; i >= start; i-- {
			l = Cons(k.box(d[i]), l)
		}
		return l
	})
	definePure(names[7], 1, 1, func(t *Thread, l Value) Value {
		xs := items(t, names[7], l)
		d := make([]E, len(xs))
		for i, x := range xs {
			d[i] = k.unbox(t, names[7], x)
		}
		return k.wrap(d)
	})
	if k.code != TBytevector {
		RegisterPrinter(k.code, func(b *strings.Builder, v Value, write bool) {
			b.WriteString("#" + k.tag + "(")
			for i, x := range k.unwrap(v) {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(formatElem(x))
			}
			b.WriteByte(')')
		})
		numVecEquals[k.code] = func(a, b Value) bool {
			return slices.EqualFunc(k.unwrap(a), k.unwrap(b), func(x, y E) bool {
				return Eqv(k.box(x), k.box(y))
			})
		}
	}
	return names
}

// formatElem writes an element the way write prints the number it boxes
// to; f32 elements print in the shortest form that reads back as the same
// single-precision value.
func formatElem[E numElem](x E) string {
	switch x := any(x).(type) {
	case float32:
		f, _ := strconv.ParseFloat(strconv.FormatFloat(float64(x), 'g', -1, 32), 64)
		if math.IsInf(float64(x), 0) || x != x {
			f = float64(x)
		}
		return FormatFlonum(f)
	case float64:
		return FormatFlonum(x)
	case uint64:
		return strconv.FormatUint(x, 10)
	}
	return strconv.FormatInt(int64(x), 10)
}

// numVecEquals compares two homogeneous vectors of the type code for
// equal?: same kind, same length, elements eqv?.
var numVecEquals = map[uint64]func(a, b Value) bool{}

// numVectorEqual reports whether a and b are equal homogeneous vectors;
// ok is false when a is not one (bytevectors are compared by equal.go).
func numVectorEqual(a, b Value) (equal, ok bool) {
	f, ok := numVecEquals[a.n]
	if !ok || !a.IsHeap() {
		return false, false
	}
	return b.n == a.n && b.IsHeap() && f(a, b), true
}

// F64VectorRef is (f64vector-ref f64vector k), named so compiled code calls
// it directly.
func F64VectorRef(t *Thread, v, k Value) Value {
	if v.Is(TF64Vector) && k.IsFixnum() {
		if d := v.F64Vector().d; uint64(k.Int()) < uint64(len(d)) {
			return Flonum(d[k.Int()])
		}
	}
	d := f64Kind.arg(t, "f64vector-ref", v)
	return Flonum(d[indexArg(t, "f64vector-ref", k, len(d), "f64vector")])
}

// F64VectorSet is (f64vector-set! f64vector k x).
func F64VectorSet(t *Thread, v, k, x Value) Value {
	if v.Is(TF64Vector) && k.IsFixnum() && x.IsFlonum() {
		if d := v.F64Vector().d; uint64(k.Int()) < uint64(len(d)) {
			d[k.Int()] = x.Float()
			return Unspecified
		}
	}
	d := f64Kind.arg(t, "f64vector-set!", v)
	i := indexArg(t, "f64vector-set!", k, len(d), "f64vector")
	d[i] = f64Kind.unbox(t, "f64vector-set!", x)
	return Unspecified
}

// F64VectorLength is (f64vector-length f64vector).
func F64VectorLength(t *Thread, v Value) Value {
	return Fixnum(int64(len(f64Kind.arg(t, "f64vector-length", v))))
}

// srfi4Named are the hot f64 accessors, defined as named functions
// instead of closures so that compiled code calls them directly.
var srfi4Named = map[string]any{
	"f64vector-ref":    F64VectorRef,
	"f64vector-set!":   F64VectorSet,
	"f64vector-length": F64VectorLength,
}

func init() {
	var exports []string
	exports = append(exports, u8Kind.define()...)
	exports = append(exports, s8Kind.define()...)
	exports = append(exports, u16Kind.define()...)
	exports = append(exports, s16Kind.define()...)
	exports = append(exports, u32Kind.define()...)
	exports = append(exports, s32Kind.define()...)
	exports = append(exports, u64Kind.define()...)
	exports = append(exports, s64Kind.define()...)
	exports = append(exports, f32Kind.define()...)
	exports = append(exports, f64Kind.define()...)
	RegisterLibrary("(srfi 4)", exports...)
}
