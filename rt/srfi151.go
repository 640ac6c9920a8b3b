package rt

import (
	"math/big"
	"math/bits"
)

// This file defines SRFI 151 (bitwise operations) on exact integers of any
// size. Integers are read as two's complement with infinite sign
// extension, so a negative integer has infinitely many one bits on the
// left; math/big's And, Or, Xor, Not, AndNot, Rsh and Bit use the same
// reading. The common operations have a fixnum fast path; the rest compute
// with big.Int and normalize the result (Bignum), so a result that fits is
// a fixnum.
//
// Bit indexes, field bounds and shift counts that would build an integer
// wider than maxBits bits are refused with an error rather than allocating
// without bound.

// maxBits bounds the width of integers the bit operations will build.
const maxBits = 1 << 28

// exactInt checks that v is an exact integer.
func exactInt(t *Thread, who string, v Value) {
	if !v.IsFixnum() && !v.Is(TBignum) {
		t.TypeError(who, "exact integer", v)
	}
}

// bitIndex checks an exact non-negative integer used as a bit index,
// field bound or width.
func bitIndex(t *Thread, who string, v Value) int {
	if v.IsFixnum() && v.Int() >= 0 {
		if v.Int() > maxBits {
			t.Errorf(who, "bit index %d too large", v.Int())
		}
		return int(v.Int())
	}
	if v.Is(TBignum) && v.Big().Sign() > 0 {
		t.Errorf(who, "bit index %s too large", v.Big().String())
	}
	t.TypeError(who, "exact non-negative integer", v)
	return 0
}

// fieldArgs checks the start and end of a bit field.
func fieldArgs(t *Thread, who string, s, e Value) (start, end int) {
	start, end = bitIndex(t, who, s), bitIndex(t, who, e)
	if start > end {
		t.Errorf(who, "field start %d is after its end %d", start, end)
	}
	return start, end
}

// bigOf returns v as a *big.Int the caller may not modify.
func bigOf(v Value) *big.Int { return toBig(v) }

// lowMask is 2^w - 1.
func lowMask(w int) *big.Int {
	m := new(big.Int).Lsh(big.NewInt(1), uint(w))
	return m.Sub(m, big.NewInt(1))
}

// testBit is bit k of the exact integer v.
func testBit(v Value, k int) bool {
	if v.IsFixnum() {
		if k >= 63 {
			return v.Int() < 0
		}
		return v.Int()>>uint(k)&1 == 1
	}
	return v.Big().Bit(k) == 1
}

// logic2 applies a two-argument bitwise operation, with a fixnum fast path.
func logic2(t *Thread, who string, a, b Value, fix func(x, y int64) int64, bg func(z, x, y *big.Int) *big.Int) Value {
	if a.IsFixnum() && b.IsFixnum() {
		return Fixnum(fix(a.Int(), b.Int()))
	}
	exactInt(t, who, a)
	exactInt(t, who, b)
	return Bignum(bg(new(big.Int), bigOf(a), bigOf(b)))
}

// logicN folds a two-argument operation over any number of integers.
func logicN(t *Thread, who string, args []Value, unit int64, fix func(x, y int64) int64, bg func(z, x, y *big.Int) *big.Int) Value {
	acc := Fixnum(unit)
	for _, x := range args {
		acc = logic2(t, who, acc, x, fix, bg)
	}
	return acc
}

// BitwiseNot is (bitwise-not i).
func BitwiseNot(t *Thread, i Value) Value {
	if i.IsFixnum() {
		return Fixnum(^i.Int())
	}
	exactInt(t, "bitwise-not", i)
	return Bignum(new(big.Int).Not(i.Big()))
}

// BitwiseAnd is (bitwise-and i ...).
func BitwiseAnd(t *Thread, args []Value) Value {
	return logicN(t, "bitwise-and", args, -1, func(x, y int64) int64 { return x & y }, (*big.Int).And)
}

// BitwiseIor is (bitwise-ior i ...).
func BitwiseIor(t *Thread, args []Value) Value {
	return logicN(t, "bitwise-ior", args, 0, func(x, y int64) int64 { return x | y }, (*big.Int).Or)
}

// BitwiseXor is (bitwise-xor i ...).
func BitwiseXor(t *Thread, args []Value) Value {
	return logicN(t, "bitwise-xor", args, 0, func(x, y int64) int64 { return x ^ y }, (*big.Int).Xor)
}

// BitwiseEqv is (bitwise-eqv i ...), folded left: (eqv (eqv a b) c).
func BitwiseEqv(t *Thread, args []Value) Value {
	return logicN(t, "bitwise-eqv", args, -1, func(x, y int64) int64 { return ^(x ^ y) },
		func(z, x, y *big.Int) *big.Int { return z.Not(z.Xor(x, y)) })
}

// BitwiseNand is (bitwise-nand i j).
func BitwiseNand(t *Thread, a, b Value) Value {
	return logic2(t, "bitwise-nand", a, b, func(x, y int64) int64 { return ^(x & y) },
		func(z, x, y *big.Int) *big.Int { return z.Not(z.And(x, y)) })
}

// BitwiseNor is (bitwise-nor i j).
func BitwiseNor(t *Thread, a, b Value) Value {
	return logic2(t, "bitwise-nor", a, b, func(x, y int64) int64 { return ^(x | y) },
		func(z, x, y *big.Int) *big.Int { return z.Not(z.Or(x, y)) })
}

// BitwiseAndc1 is (bitwise-andc1 i j): (and (not i) j).
func BitwiseAndc1(t *Thread, a, b Value) Value {
	return logic2(t, "bitwise-andc1", a, b, func(x, y int64) int64 { return ^x & y },
		func(z, x, y *big.Int) *big.Int { return z.AndNot(y, x) })
}

// BitwiseAndc2 is (bitwise-andc2 i j): (and i (not j)).
func BitwiseAndc2(t *Thread, a, b Value) Value {
	return logic2(t, "bitwise-andc2", a, b, func(x, y int64) int64 { return x &^ y },
		func(z, x, y *big.Int) *big.Int { return z.AndNot(x, y) })
}

// BitwiseOrc1 is (bitwise-orc1 i j): (ior (not i) j), which is
// (not (and i (not j))).
func BitwiseOrc1(t *Thread, a, b Value) Value {
	return logic2(t, "bitwise-orc1", a, b, func(x, y int64) int64 { return ^x | y },
		func(z, x, y *big.Int) *big.Int { return z.Not(z.AndNot(x, y)) })
}

// BitwiseOrc2 is (bitwise-orc2 i j): (ior i (not j)).
func BitwiseOrc2(t *Thread, a, b Value) Value {
	return logic2(t, "bitwise-orc2", a, b, func(x, y int64) int64 { return x | ^y },
		func(z, x, y *big.Int) *big.Int { return z.Not(z.AndNot(y, x)) })
}

// shiftBy shifts i left by n bits (right when n is negative).
func shiftBy(t *Thread, who string, i Value, n Value) Value {
	exactInt(t, who, i)
	if !n.IsFixnum() {
		exactInt(t, who, n)
		if n.Big().Sign() < 0 {
			if sign(i) < 0 {
				return Fixnum(-1)
			}
			return Fixnum(0)
		}
		if sign(i) == 0 {
			return i
		}
		return t.Errorf(who, "shift count %s too large", n.Big().String())
	}
	c := n.Int()
	if i.IsFixnum() {
		x := i.Int()
		switch {
		case c <= 0:
			if c <= -63 {
				return Fixnum(x >> 63)
			}
			return Fixnum(x >> uint(-c))
		case x == 0:
			return i
		case c < 63 && (x<<uint(c))>>uint(c) == x:
			return Fixnum(x << uint(c))
		}
	}
	if c > 0 {
		if c > maxBits {
			return t.Errorf(who, "shift count %d too large", c)
		}
		return Bignum(new(big.Int).Lsh(bigOf(i), uint(c)))
	}
	if c < -maxBits {
		c = -maxBits // beyond the width of any integer built here
	}
	return Bignum(new(big.Int).Rsh(bigOf(i), uint(-c)))
}

// ArithmeticShift is (arithmetic-shift i count).
func ArithmeticShift(t *Thread, i, n Value) Value { return shiftBy(t, "arithmetic-shift", i, n) }

// Shift is (shift i count), the same as arithmetic-shift.
func Shift(t *Thread, i, n Value) Value { return shiftBy(t, "shift", i, n) }

// BitCount is (bit-count i): the one bits of a non-negative i, the zero
// bits of a negative one.
func BitCount(t *Thread, i Value) Value {
	if i.IsFixnum() {
		x := i.Int()
		if x < 0 {
			x = ^x
		}
		return Fixnum(int64(bits.OnesCount64(uint64(x))))
	}
	exactInt(t, "bit-count", i)
	b := i.Big()
	if b.Sign() < 0 {
		b = new(big.Int).Not(b)
	}
	n := 0
	for _, w := range b.Bits() {
		n += bits.OnesCount(uint(w))
	}
	return Fixnum(int64(n))
}

// integerLength is the number of bits needed for i, sign excluded.
func integerLength(i Value) int {
	if i.IsFixnum() {
		x := i.Int()
		if x < 0 {
			x = ^x
		}
		return bits.Len64(uint64(x))
	}
	b := i.Big()
	if b.Sign() < 0 {
		return new(big.Int).Not(b).BitLen()
	}
	return b.BitLen()
}

// IntegerLength is (integer-length i).
func IntegerLength(t *Thread, i Value) Value {
	exactInt(t, "integer-length", i)
	return Fixnum(int64(integerLength(i)))
}

// BitwiseIf is (bitwise-if mask i j): bits of i where mask is 1, of j
// where it is 0.
func BitwiseIf(t *Thread, m, i, j Value) Value {
	if m.IsFixnum() && i.IsFixnum() && j.IsFixnum() {
		return Fixnum(m.Int()&i.Int() | ^m.Int()&j.Int())
	}
	for _, v := range []Value{m, i, j} {
		exactInt(t, "bitwise-if", v)
	}
	bm := bigOf(m)
	r := new(big.Int).And(bm, bigOf(i))
	return Bignum(r.Or(r, new(big.Int).AndNot(bigOf(j), bm)))
}

// BitSetP is (bit-set? index i). Past integer-length every bit is the
// sign, so any index, however large, has an answer.
func BitSetP(t *Thread, k, i Value) Value {
	exactInt(t, "bit-set?", i)
	if !(k.IsFixnum() && k.Int() >= 0) && !(k.Is(TBignum) && k.Big().Sign() > 0) {
		t.TypeError("bit-set?", "exact non-negative integer", k)
	}
	if n := integerLength(i); !k.IsFixnum() || k.Int() >= int64(n) {
		return Bool(sign(i) < 0)
	}
	return Bool(testBit(i, int(k.Int())))
}

// withBit is i with bit k set to b.
func withBit(i Value, k int, b bool) Value {
	if i.IsFixnum() && k < 63 {
		if b {
			return Fixnum(i.Int() | 1<<uint(k))
		}
		return Fixnum(i.Int() &^ (1 << uint(k)))
	}
	bit := new(big.Int).Lsh(big.NewInt(1), uint(k))
	if b {
		return Bignum(bit.Or(bigOf(i), bit))
	}
	return Bignum(bit.AndNot(bigOf(i), bit))
}

// CopyBit is (copy-bit index i boolean).
func CopyBit(t *Thread, k, i, b Value) Value {
	exactInt(t, "copy-bit", i)
	if !b.IsBool() {
		t.TypeError("copy-bit", "boolean", b)
	}
	return withBit(i, bitIndex(t, "copy-bit", k), b.IsTrue())
}

// BitSwap is (bit-swap index1 index2 i).
func BitSwap(t *Thread, k1, k2, i Value) Value {
	exactInt(t, "bit-swap", i)
	a, b := bitIndex(t, "bit-swap", k1), bitIndex(t, "bit-swap", k2)
	ba, bb := testBit(i, a), testBit(i, b)
	if ba == bb {
		return i
	}
	return withBit(withBit(i, a, bb), b, ba)
}

// AnyBitSetP is (any-bit-set? test-bits i).
func AnyBitSetP(t *Thread, m, i Value) Value {
	r := logic2(t, "any-bit-set?", m, i, func(x, y int64) int64 { return x & y }, (*big.Int).And)
	return Bool(sign(r) != 0)
}

// EveryBitSetP is (every-bit-set? test-bits i).
func EveryBitSetP(t *Thread, m, i Value) Value {
	r := logic2(t, "every-bit-set?", m, i, func(x, y int64) int64 { return x & y }, (*big.Int).And)
	return Bool(Eqv(r, m))
}

// FirstSetBit is (first-set-bit i): the index of the lowest one bit, or -1
// for 0.
func FirstSetBit(t *Thread, i Value) Value {
	if i.IsFixnum() {
		if i.Int() == 0 {
			return Fixnum(-1)
		}
		return Fixnum(int64(bits.TrailingZeros64(uint64(i.Int()))))
	}
	exactInt(t, "first-set-bit", i)
	return Fixnum(int64(i.Big().TrailingZeroBits()))
}

// field returns the bits start..end-1 of i as a non-negative integer.
func field(i Value, start, end int) *big.Int {
	r := new(big.Int).Rsh(bigOf(i), uint(start))
	return r.And(r, lowMask(end-start))
}

// BitField is (bit-field i start end).
func BitField(t *Thread, i, s, e Value) Value {
	exactInt(t, "bit-field", i)
	start, end := fieldArgs(t, "bit-field", s, e)
	if i.IsFixnum() && end-start < 63 {
		x := i.Int()
		if start >= 63 {
			x >>= 63
		} else {
			x >>= uint(start)
		}
		return Fixnum(x & (1<<uint(end-start) - 1))
	}
	return Bignum(field(i, start, end))
}

// BitFieldAnyP is (bit-field-any? i start end).
func BitFieldAnyP(t *Thread, i, s, e Value) Value {
	exactInt(t, "bit-field-any?", i)
	start, end := fieldArgs(t, "bit-field-any?", s, e)
	return Bool(field(i, start, end).Sign() != 0)
}

// BitFieldEveryP is (bit-field-every? i start end).
func BitFieldEveryP(t *Thread, i, s, e Value) Value {
	exactInt(t, "bit-field-every?", i)
	start, end := fieldArgs(t, "bit-field-every?", s, e)
	return Bool(field(i, start, end).Cmp(lowMask(end-start)) == 0)
}

// replaceField is dest with bits start..end-1 replaced by the low bits of
// the non-negative bits.
func replaceField(dest Value, bits *big.Int, start, end int) Value {
	m := lowMask(end - start)
	r := new(big.Int).AndNot(bigOf(dest), new(big.Int).Lsh(m, uint(start)))
	f := new(big.Int).And(bits, m)
	return Bignum(r.Or(r, f.Lsh(f, uint(start))))
}

// BitFieldClear is (bit-field-clear i start end).
func BitFieldClear(t *Thread, i, s, e Value) Value {
	exactInt(t, "bit-field-clear", i)
	start, end := fieldArgs(t, "bit-field-clear", s, e)
	return replaceField(i, new(big.Int), start, end)
}

// BitFieldSet is (bit-field-set i start end).
func BitFieldSet(t *Thread, i, s, e Value) Value {
	exactInt(t, "bit-field-set", i)
	start, end := fieldArgs(t, "bit-field-set", s, e)
	return replaceField(i, lowMask(end-start), start, end)
}

// BitFieldReplace is (bit-field-replace dest source start end): the field
// of dest becomes the low end-start bits of source.
func BitFieldReplace(t *Thread, args []Value) Value {
	exactInt(t, "bit-field-replace", args[0])
	exactInt(t, "bit-field-replace", args[1])
	start, end := fieldArgs(t, "bit-field-replace", args[2], args[3])
	return replaceField(args[0], bigOf(args[1]), start, end)
}

// BitFieldReplaceSame is (bit-field-replace-same dest source start end):
// the field of dest becomes the same field of source.
func BitFieldReplaceSame(t *Thread, args []Value) Value {
	exactInt(t, "bit-field-replace-same", args[0])
	exactInt(t, "bit-field-replace-same", args[1])
	start, end := fieldArgs(t, "bit-field-replace-same", args[2], args[3])
	return replaceField(args[0], field(args[1], start, end), start, end)
}

// BitFieldRotate is (bit-field-rotate i count start end): the field
// rotated left by count bits (right when count is negative).
func BitFieldRotate(t *Thread, args []Value) Value {
	i, n := args[0], args[1]
	exactInt(t, "bit-field-rotate", i)
	exactInt(t, "bit-field-rotate", n)
	start, end := fieldArgs(t, "bit-field-rotate", args[2], args[3])
	w := end - start
	if w == 0 {
		return i
	}
	c := int(new(big.Int).Mod(bigOf(n), big.NewInt(int64(w))).Int64()) // 0 <= c < w
	f := field(i, start, end)
	r := new(big.Int).Lsh(f, uint(c))
	r.Or(r, f.Rsh(f, uint(w-c)))
	return replaceField(i, r, start, end)
}

// BitFieldReverse is (bit-field-reverse i start end): the field's bits in
// reverse order.
func BitFieldReverse(t *Thread, i, s, e Value) Value {
	exactInt(t, "bit-field-reverse", i)
	start, end := fieldArgs(t, "bit-field-reverse", s, e)
	f := field(i, start, end)
	r := new(big.Int)
	w := end - start
	for k := 0; k < w; k++ {
		if f.Bit(k) == 1 {
			r.SetBit(r, w-1-k, 1)
		}
	}
	return replaceField(i, r, start, end)
}

// bitsOf returns the low bits of i as booleans, least significant first:
// len bits when the optional length is given, else integer-length bits.
func bitsOf(t *Thread, who string, args []Value) []Value {
	i := args[0]
	exactInt(t, who, i)
	n := integerLength(i)
	if l, ok := optArg(args, 1); ok {
		n = bitIndex(t, who, l)
	}
	out := make([]Value, n)
	for k := range out {
		out[k] = Bool(testBit(i, k))
	}
	return out
}

// BitsToList is (bits->list i [len]).
func BitsToList(t *Thread, args []Value) Value { return listOf(bitsOf(t, "bits->list", args), Null) }

// BitsToVector is (bits->vector i [len]).
func BitsToVector(t *Thread, args []Value) Value { return NewVector(bitsOf(t, "bits->vector", args)) }

// fromBits makes the non-negative integer whose bits, least significant
// first, are the booleans bs.
func fromBits(t *Thread, who string, bs []Value) Value {
	r := new(big.Int)
	for k := len(bs) - 1; k >= 0; k-- {
		if !bs[k].IsBool() {
			t.TypeError(who, "boolean", bs[k])
		}
		if bs[k].IsTrue() {
			r.SetBit(r, k, 1)
		}
	}
	return Bignum(r)
}

// ListToBits is (list->bits list).
func ListToBits(t *Thread, l Value) Value {
	return fromBits(t, "list->bits", items(t, "list->bits", l))
}

// VectorToBits is (vector->bits vector).
func VectorToBits(t *Thread, v Value) Value {
	if !v.IsVector() {
		t.TypeError("vector->bits", "vector", v)
	}
	return fromBits(t, "vector->bits", v.Vec().Items)
}

// Bits is (bits bool ...).
func Bits(t *Thread, args []Value) Value { return fromBits(t, "bits", args) }

// BitwiseFold is (bitwise-fold proc seed i): (proc bit acc) for each of
// the integer-length bits of i, least significant first.
func BitwiseFold(t *Thread, proc, seed, i Value) Value {
	exactInt(t, "bitwise-fold", i)
	acc := seed
	for k, n := 0, integerLength(i); k < n; k++ {
		acc = t.Call2(proc, Bool(testBit(i, k)), acc)
	}
	return acc
}

// BitwiseForEach is (bitwise-for-each proc i).
func BitwiseForEach(t *Thread, proc, i Value) Value {
	exactInt(t, "bitwise-for-each", i)
	for k, n := 0, integerLength(i); k < n; k++ {
		t.Call1(proc, Bool(testBit(i, k)))
	}
	return Unspecified
}

// BitwiseUnfold is (bitwise-unfold stop? mapper successor seed): bit k of
// the result is (mapper state_k), until (stop? state).
func BitwiseUnfold(t *Thread, stop, mapper, succ, seed Value) Value {
	r := new(big.Int)
	s := seed
	for k := 0; t.Call1(stop, s).IsFalse(); k++ {
		if k >= maxBits {
			return t.Errorf("bitwise-unfold", "result wider than %d bits", maxBits)
		}
		if t.Call1(mapper, s).IsTrue() {
			r.SetBit(r, k, 1)
		}
		s = t.Call1(succ, s)
	}
	return Bignum(r)
}

// MakeBitwiseGenerator is (make-bitwise-generator i): a procedure that
// returns the bits of i as booleans, least significant first, without end
// (a negative i goes on with #t).
func MakeBitwiseGenerator(t *Thread, i Value) Value {
	exactInt(t, "make-bitwise-generator", i)
	k, n := 0, integerLength(i)
	return NewProc(&Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{Name: "bitwise-generator"}, F0: func(t *Thread) Value {
		b := testBit(i, k)
		if k <= n {
			k++ // past integer-length every bit is the sign
		}
		return Bool(b)
	}}})
}

func init() {
	DefinePure("bitwise-not", 1, 1, BitwiseNot)
	DefinePure("bitwise-and", 0, -1, BitwiseAnd)
	DefinePure("bitwise-ior", 0, -1, BitwiseIor)
	DefinePure("bitwise-xor", 0, -1, BitwiseXor)
	DefinePure("bitwise-eqv", 0, -1, BitwiseEqv)
	DefinePure("bitwise-nand", 2, 2, BitwiseNand)
	DefinePure("bitwise-nor", 2, 2, BitwiseNor)
	DefinePure("bitwise-andc1", 2, 2, BitwiseAndc1)
	DefinePure("bitwise-andc2", 2, 2, BitwiseAndc2)
	DefinePure("bitwise-orc1", 2, 2, BitwiseOrc1)
	DefinePure("bitwise-orc2", 2, 2, BitwiseOrc2)
	DefinePure("arithmetic-shift", 2, 2, ArithmeticShift)
	DefinePure("shift", 2, 2, Shift)
	DefinePure("bit-count", 1, 1, BitCount)
	DefinePure("integer-length", 1, 1, IntegerLength)
	DefinePure("bitwise-if", 3, 3, BitwiseIf)
	DefinePure("bit-set?", 2, 2, BitSetP)
	DefinePure("copy-bit", 3, 3, CopyBit)
	DefinePure("bit-swap", 3, 3, BitSwap)
	DefinePure("any-bit-set?", 2, 2, AnyBitSetP)
	DefinePure("every-bit-set?", 2, 2, EveryBitSetP)
	DefinePure("first-set-bit", 1, 1, FirstSetBit)
	DefinePure("bit-field", 3, 3, BitField)
	DefinePure("bit-field-any?", 3, 3, BitFieldAnyP)
	DefinePure("bit-field-every?", 3, 3, BitFieldEveryP)
	DefinePure("bit-field-clear", 3, 3, BitFieldClear)
	DefinePure("bit-field-set", 3, 3, BitFieldSet)
	DefinePure("bit-field-replace", 4, 4, BitFieldReplace)
	DefinePure("bit-field-replace-same", 4, 4, BitFieldReplaceSame)
	DefinePure("bit-field-rotate", 4, 4, BitFieldRotate)
	DefinePure("bit-field-reverse", 3, 3, BitFieldReverse)
	// Fresh, mutable results: not folded into constants.
	Define("bits->list", 1, 2, BitsToList)
	Define("bits->vector", 1, 2, BitsToVector)
	DefinePure("list->bits", 1, 1, ListToBits)
	DefinePure("vector->bits", 1, 1, VectorToBits)
	DefinePure("bits", 0, -1, Bits)
	Define("bitwise-fold", 3, 3, BitwiseFold)
	Define("bitwise-for-each", 2, 2, BitwiseForEach)
	Define("bitwise-unfold", 4, 4, BitwiseUnfold)
	Define("make-bitwise-generator", 1, 1, MakeBitwiseGenerator)
	RegisterLibrary("(srfi 151)",
		"bitwise-not", "bitwise-and", "bitwise-ior", "bitwise-xor", "bitwise-eqv",
		"bitwise-nand", "bitwise-nor", "bitwise-andc1", "bitwise-andc2",
		"bitwise-orc1", "bitwise-orc2", "arithmetic-shift", "shift", "bit-count",
		"integer-length", "bitwise-if", "bit-set?", "copy-bit", "bit-swap",
		"any-bit-set?", "every-bit-set?", "first-set-bit", "bit-field",
		"bit-field-any?", "bit-field-every?", "bit-field-clear", "bit-field-set",
		"bit-field-replace", "bit-field-replace-same", "bit-field-rotate",
		"bit-field-reverse", "bits->list", "list->bits", "bits->vector",
		"vector->bits", "bits", "bitwise-fold", "bitwise-for-each",
		"bitwise-unfold", "make-bitwise-generator")
}
