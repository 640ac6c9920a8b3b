package rt

import (
	"bytes"
	"slices"
)

// This file defines the vector procedures of R7RS 6.8 and the bytevector
// procedures of 6.9 (the UTF-8 conversions are in string.go).

// vecArg checks that x is a vector and returns its items.
func vecArg(t *Thread, who string, x Value) []Value {
	if !x.IsVector() {
		t.TypeError(who, "vector", x)
	}
	return x.Vec().Items
}

// bytesArg checks that x is a bytevector and returns its bytes.
func bytesArg(t *Thread, who string, x Value) []byte {
	if !x.Is(TBytevector) {
		t.TypeError(who, "bytevector", x)
	}
	return x.Bytes().B
}

// VectorP is (vector? obj).
func VectorP(t *Thread, x Value) Value { return Bool(x.IsVector()) }

// MakeVector is (make-vector k [fill]); without fill the elements are
// unspecified values.
func MakeVector(t *Thread, args []Value) Value {
	n := lengthArg(t, "make-vector", args[0])
	fill, ok := optArg(args, 1)
	if !ok {
		fill = Unspecified
	}
	items := make([]Value, n)
	for i := range items {
		items[i] = fill
	}
	return NewVector(items)
}

// VectorV is (vector obj ...).
func VectorV(t *Thread, args []Value) Value { return NewVector(slices.Clone(args)) }

// VectorLength is (vector-length vector).
func VectorLength(t *Thread, v Value) Value {
	return Fixnum(int64(len(vecArg(t, "vector-length", v))))
}

// VectorRef is (vector-ref vector k).
func VectorRef(t *Thread, v, k Value) Value {
	if v.IsVector() && k.IsFixnum() {
		if items := v.Vec().Items; uint64(k.Int()) < uint64(len(items)) {
			return items[k.Int()]
		}
	}
	return vectorRefSlow(t, v, k)
}

// vectorRefSlow is VectorRef's error path, out of line so that Go inlines
// the fast path into compiled code.
//
//go:noinline
func vectorRefSlow(t *Thread, v, k Value) Value {
	items := vecArg(t, "vector-ref", v)
	return items[indexArg(t, "vector-ref", k, len(items), "vector")]
}

// VectorSet is (vector-set! vector k obj).
func VectorSet(t *Thread, v, k, x Value) Value {
	if v.IsVector() && k.IsFixnum() {
		if items := v.Vec().Items; uint64(k.Int()) < uint64(len(items)) {
			items[k.Int()] = x
			return Unspecified
		}
	}
	return vectorSetSlow(t, v, k, x)
}

//go:noinline
func vectorSetSlow(t *Thread, v, k, x Value) Value {
	items := vecArg(t, "vector-set!", v)
	items[indexArg(t, "vector-set!", k, len(items), "vector")] = x
	return Unspecified
}

// VectorToList is (vector->list vector [start [end]]).
func VectorToList(t *Thread, args []Value) Value {
	items := vecArg(t, "vector->list", args[0])
	start, end := rangeArgs(t, "vector->list", args, 1, len(items), "vector")
	l := Null
	for i := end - 1; i >= start; i-- {
		l = Cons(items[i], l)
	}
	return l
}

// ListToVector is (list->vector list).
func ListToVector(t *Thread, l Value) Value {
	items, ok := ListToSlice(l)
	if !ok {
		return t.TypeError("list->vector", "proper list", l)
	}
	if items == nil {
		items = []Value{}
	}
	return NewVector(items)
}

// VectorToString is (vector->string vector [start [end]]).
func VectorToString(t *Thread, args []Value) Value {
	items := vecArg(t, "vector->string", args[0])
	start, end := rangeArgs(t, "vector->string", args, 1, len(items), "vector")
	rs := make([]rune, end-start)
	for i, x := range items[start:end] {
		if !x.IsChar() {
			return t.TypeError("vector->string", "vector of characters", args[0])
		}
		rs[i] = x.Rune()
	}
	return StrRunes(rs)
}

// StringToVector is (string->vector string [start [end]]).
func StringToVector(t *Thread, args []Value) Value {
	rs := strArg(t, "string->vector", args[0])
	start, end := rangeArgs(t, "string->vector", args, 1, len(rs), "string")
	items := make([]Value, end-start)
	for i, r := range rs[start:end] {
		items[i] = Char(r)
	}
	return NewVector(items)
}

// VectorCopy is (vector-copy vector [start [end]]).
func VectorCopy(t *Thread, args []Value) Value {
	items := vecArg(t, "vector-copy", args[0])
	start, end := rangeArgs(t, "vector-copy", args, 1, len(items), "vector")
	return NewVector(append([]Value{}, items[start:end]...))
}

// VectorCopyTo is (vector-copy! to at from [start [end]]).
func VectorCopyTo(t *Thread, args []Value) Value {
	to := vecArg(t, "vector-copy!", args[0])
	from := vecArg(t, "vector-copy!", args[2])
	start, end := rangeArgs(t, "vector-copy!", args, 3, len(from), "vector")
	at := copyTarget(t, "vector-copy!", args[1], end-start, len(to), "vector")
	copy(to[at:], from[start:end])
	return Unspecified
}

// VectorAppend is (vector-append vector ...).
func VectorAppend(t *Thread, args []Value) Value {
	n := 0
	for _, v := range args {
		n += len(vecArg(t, "vector-append", v))
	}
	items := make([]Value, 0, n)
	for _, v := range args {
		items = append(items, v.Vec().Items...)
	}
	return NewVector(items)
}

// VectorFill is (vector-fill! vector fill [start [end]]).
func VectorFill(t *Thread, args []Value) Value {
	items := vecArg(t, "vector-fill!", args[0])
	start, end := rangeArgs(t, "vector-fill!", args, 2, len(items), "vector")
	for i := start; i < end; i++ {
		items[i] = args[1]
	}
	return Unspecified
}

// vectorsArgs checks the vector arguments of vector-map and
// vector-for-each and returns the length of the shortest.
func vectorsArgs(t *Thread, who string, args []Value) int {
	t.procOf(args[0])
	n := -1
	for _, v := range args[1:] {
		if l := len(vecArg(t, who, v)); n < 0 || l < n {
			n = l
		}
	}
	return n
}

func itemAt(v Value, i int) Value { return v.Vec().Items[i] }

// VectorMap is (vector-map proc vector1 vector2 ...): it stops at the end
// of the shortest vector.
func VectorMap(t *Thread, args []Value) Value {
	n := vectorsArgs(t, "vector-map", args)
	out := make([]Value, n)
	for i := range out {
		out[i] = callAt(t, args[0], args[1:], i, itemAt)
	}
	return NewVector(out)
}

// VectorForEach is (vector-for-each proc vector1 vector2 ...).
func VectorForEach(t *Thread, args []Value) Value {
	n := vectorsArgs(t, "vector-for-each", args)
	for i := 0; i < n; i++ {
		callAt(t, args[0], args[1:], i, itemAt)
	}
	return Unspecified
}

// Bytevectors.

// byteArg checks that x is a byte, an exact integer 0-255.
func byteArg(t *Thread, who string, x Value) byte {
	if !x.IsFixnum() || x.Int() < 0 || x.Int() > 255 {
		t.TypeError(who, "byte (exact integer 0-255)", x)
	}
	return byte(x.Int())
}

// BytevectorP is (bytevector? obj).
func BytevectorP(t *Thread, x Value) Value { return Bool(x.Is(TBytevector)) }

// MakeBytevector is (make-bytevector k [byte]); the default fill is 0.
func MakeBytevector(t *Thread, args []Value) Value {
	n := lengthArg(t, "make-bytevector", args[0])
	var fill byte
	if b, ok := optArg(args, 1); ok {
		fill = byteArg(t, "make-bytevector", b)
	}
	b := make([]byte, n)
	if fill != 0 {
		for i := range b {
			b[i] = fill
		}
	}
	return NewBytevector(b)
}

// BytevectorV is (bytevector byte ...).
func BytevectorV(t *Thread, args []Value) Value {
	b := make([]byte, len(args))
	for i, x := range args {
		b[i] = byteArg(t, "bytevector", x)
	}
	return NewBytevector(b)
}

// BytevectorLength is (bytevector-length bytevector).
func BytevectorLength(t *Thread, v Value) Value {
	return Fixnum(int64(len(bytesArg(t, "bytevector-length", v))))
}

// BytevectorU8Ref is (bytevector-u8-ref bytevector k).
func BytevectorU8Ref(t *Thread, v, k Value) Value {
	b := bytesArg(t, "bytevector-u8-ref", v)
	return Fixnum(int64(b[indexArg(t, "bytevector-u8-ref", k, len(b), "bytevector")]))
}

// BytevectorU8Set is (bytevector-u8-set! bytevector k byte).
func BytevectorU8Set(t *Thread, v, k, x Value) Value {
	b := bytesArg(t, "bytevector-u8-set!", v)
	i := indexArg(t, "bytevector-u8-set!", k, len(b), "bytevector")
	b[i] = byteArg(t, "bytevector-u8-set!", x)
	return Unspecified
}

// BytevectorCopy is (bytevector-copy bytevector [start [end]]).
func BytevectorCopy(t *Thread, args []Value) Value {
	b := bytesArg(t, "bytevector-copy", args[0])
	start, end := rangeArgs(t, "bytevector-copy", args, 1, len(b), "bytevector")
	return NewBytevector(bytes.Clone(b[start:end:end]))
}

// BytevectorCopyTo is (bytevector-copy! to at from [start [end]]).
func BytevectorCopyTo(t *Thread, args []Value) Value {
	to := bytesArg(t, "bytevector-copy!", args[0])
	from := bytesArg(t, "bytevector-copy!", args[2])
	start, end := rangeArgs(t, "bytevector-copy!", args, 3, len(from), "bytevector")
	at := copyTarget(t, "bytevector-copy!", args[1], end-start, len(to), "bytevector")
	copy(to[at:], from[start:end])
	return Unspecified
}

// BytevectorAppend is (bytevector-append bytevector ...).
func BytevectorAppend(t *Thread, args []Value) Value {
	n := 0
	for _, v := range args {
		n += len(bytesArg(t, "bytevector-append", v))
	}
	b := make([]byte, 0, n)
	for _, v := range args {
		b = append(b, v.Bytes().B...)
	}
	return NewBytevector(b)
}

func init() {
	DefinePure("vector?", 1, 1, VectorP)
	DefinePure("make-vector", 1, 2, MakeVector)
	DefinePure("vector", 0, -1, VectorV)
	DefinePure("vector-length", 1, 1, VectorLength)
	DefinePure("vector-ref", 2, 2, VectorRef)
	Define("vector-set!", 3, 3, VectorSet)
	DefinePure("vector->list", 1, 3, VectorToList)
	DefinePure("list->vector", 1, 1, ListToVector)
	DefinePure("vector->string", 1, 3, VectorToString)
	DefinePure("string->vector", 1, 3, StringToVector)
	DefinePure("vector-copy", 1, 3, VectorCopy)
	Define("vector-copy!", 3, 5, VectorCopyTo)
	DefinePure("vector-append", 0, -1, VectorAppend)
	Define("vector-fill!", 2, 4, VectorFill)
	Define("vector-map", 2, -1, VectorMap)
	Define("vector-for-each", 2, -1, VectorForEach)
	DefinePure("bytevector?", 1, 1, BytevectorP)
	DefinePure("make-bytevector", 1, 2, MakeBytevector)
	DefinePure("bytevector", 0, -1, BytevectorV)
	DefinePure("bytevector-length", 1, 1, BytevectorLength)
	DefinePure("bytevector-u8-ref", 2, 2, BytevectorU8Ref)
	Define("bytevector-u8-set!", 3, 3, BytevectorU8Set)
	DefinePure("bytevector-copy", 1, 3, BytevectorCopy)
	Define("bytevector-copy!", 3, 5, BytevectorCopyTo)
	DefinePure("bytevector-append", 0, -1, BytevectorAppend)
}
