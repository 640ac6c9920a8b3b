package rt

import (
	"math"
	"math/big"
	"math/bits"
)

// This file holds the arithmetic that compiled code calls on every
// operation: binary +, -, *, / and comparisons, each with a fixnum fast path
// small enough for Go to inline (DESIGN §4: Go will not inline a generic +,
// so the fast path is separate) and a generic slow path over the numeric
// tower fixnum < bignum < ratnum < flonum.
//
// The fast paths take the call site's position; it is only used on the slow
// path, so the hot path stores nothing.

// numClass orders the numeric representations for contagion.
type numClass uint8

const (
	classNone numClass = iota
	classFix
	classBig
	classRat
	classFlo
)

func classOf(v Value) numClass {
	switch {
	case v.p == nil:
		return classFix
	case v.IsFlonum():
		return classFlo
	case v.n == TBignum:
		return classBig
	case v.n == TRatnum:
		return classRat
	}
	return classNone
}

// IsNumber reports whether v is a number.
func IsNumber(v Value) bool { return classOf(v) != classNone || v.Is(TCompnum) }

// IsReal reports whether v is a real number.
func IsReal(v Value) bool { return classOf(v) != classNone }

// IsExact reports whether v is an exact number.
func IsExact(v Value) bool { c := classOf(v); return c == classFix || c == classBig || c == classRat }

func toBig(v Value) *big.Int {
	if v.p == nil {
		return big.NewInt(v.Int())
	}
	return v.Big()
}

func toRat(v Value) *big.Rat {
	switch classOf(v) {
	case classFix:
		return new(big.Rat).SetInt64(v.Int())
	case classBig:
		return new(big.Rat).SetInt(v.Big())
	}
	return v.Rat()
}

// ToFloat converts a real number to float64.
func ToFloat(v Value) float64 {
	switch classOf(v) {
	case classFix:
		return float64(v.Int())
	case classFlo:
		return v.Float()
	case classBig:
		f, _ := new(big.Float).SetInt(v.Big()).Float64()
		return f
	case classRat:
		f, _ := v.Rat().Float64()
		return f
	}
	return math.NaN()
}

// checkNums raises a type error unless a and b are real numbers, and returns
// the class both are converted to.
func checkNums(t *Thread, loc *Pos, who string, a, b Value) numClass {
	ca, cb := classOf(a), classOf(b)
	if ca == classNone {
		t.TypeErrorAt(loc, who, "number", a)
	}
	if cb == classNone {
		t.TypeErrorAt(loc, who, "number", b)
	}
	return max(ca, cb)
}

// Add2 is binary +.
func Add2(t *Thread, a, b Value, loc *Pos) Value {
	s := int64(a.n) + int64(b.n)
	if uintptr(a.p)|uintptr(b.p) == 0 && (s^int64(a.n))&(s^int64(b.n)) >= 0 {
		return Value{n: uint64(s)}
	}
	return add2Slow(t, a, b, loc)
}

func add2Slow(t *Thread, a, b Value, loc *Pos) Value {
	if bothFlonums(a, b) {
		return Flonum(a.Float() + b.Float())
	}
	switch checkNums(t, loc, "+", a, b) {
	case classFix, classBig:
		return Bignum(new(big.Int).Add(toBig(a), toBig(b)))
	case classRat:
		return Ratnum(new(big.Rat).Add(toRat(a), toRat(b)))
	}
	return Flonum(ToFloat(a) + ToFloat(b))
}

// Sub2 is binary -.
func Sub2(t *Thread, a, b Value, loc *Pos) Value {
	s := int64(a.n) - int64(b.n)
	if uintptr(a.p)|uintptr(b.p) == 0 && (int64(a.n)^int64(b.n))&(s^int64(a.n)) >= 0 {
		return Value{n: uint64(s)}
	}
	return sub2Slow(t, a, b, loc)
}

func sub2Slow(t *Thread, a, b Value, loc *Pos) Value {
	if bothFlonums(a, b) {
		return Flonum(a.Float() - b.Float())
	}
	switch checkNums(t, loc, "-", a, b) {
	case classFix, classBig:
		return Bignum(new(big.Int).Sub(toBig(a), toBig(b)))
	case classRat:
		return Ratnum(new(big.Rat).Sub(toRat(a), toRat(b)))
	}
	return Flonum(ToFloat(a) - ToFloat(b))
}

// Mul2 is binary *.
func Mul2(t *Thread, a, b Value, loc *Pos) Value {
	// Both factors within 32 bits cannot overflow; anything else takes
	// the checked path.
	x, y := int64(a.n), int64(b.n)
	if uintptr(a.p)|uintptr(b.p) == 0 && x == int64(int32(x)) && y == int64(int32(y)) {
		return Value{n: uint64(x * y)}
	}
	return mul2Slow(t, a, b, loc)
}

func mul2Slow(t *Thread, a, b Value, loc *Pos) Value {
	if bothFlonums(a, b) {
		return Flonum(a.Float() * b.Float())
	}
	if a.p == nil && b.p == nil {
		x, y := int64(a.n), int64(b.n)
		hi, lo := bits.Mul64(uint64(abs64(x)), uint64(abs64(y)))
		neg := (x < 0) != (y < 0)
		if hi == 0 && x != math.MinInt64 && y != math.MinInt64 {
			if !neg && lo <= math.MaxInt64 {
				return Fixnum(int64(lo))
			}
			if neg && lo <= 1<<63 {
				return Fixnum(-int64(lo))
			}
		}
	}
	return mul2Generic(t, a, b, loc)
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func mul2Generic(t *Thread, a, b Value, loc *Pos) Value {
	switch checkNums(t, loc, "*", a, b) {
	case classFix, classBig:
		return Bignum(new(big.Int).Mul(toBig(a), toBig(b)))
	case classRat:
		return Ratnum(new(big.Rat).Mul(toRat(a), toRat(b)))
	}
	return Flonum(ToFloat(a) * ToFloat(b))
}

// Div2 is binary /. Exact division by exact zero is an error.
func Div2(t *Thread, a, b Value, loc *Pos) Value {
	if bothFlonums(a, b) {
		return Flonum(a.Float() / b.Float())
	}
	c := checkNums(t, loc, "/", a, b)
	if c == classFlo {
		return Flonum(ToFloat(a) / ToFloat(b))
	}
	if b.p == nil && b.n == 0 {
		if loc != nil {
			t.Loc = loc
		}
		return t.Errorf("/", "division by zero")
	}
	if a.p == nil && b.p == nil && int64(a.n)%int64(b.n) == 0 && !(int64(a.n) == math.MinInt64 && int64(b.n) == -1) {
		return Fixnum(int64(a.n) / int64(b.n))
	}
	return Ratnum(new(big.Rat).Quo(toRat(a), toRat(b)))
}

// Cmp2 compares two real numbers: -1, 0 or +1. NaN compares unequal to
// everything; Cmp2 reports it as 2.
func Cmp2(t *Thread, a, b Value, loc *Pos, who string) int {
	if a.p == nil && b.p == nil {
		x, y := int64(a.n), int64(b.n)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	if bothFlonums(a, b) {
		// Same class: no exact comparison to make.
		return cmpFloat64(a.Float(), b.Float())
	}
	switch checkNums(t, loc, who, a, b) {
	case classFix, classBig:
		return toBig(a).Cmp(toBig(b))
	case classRat:
		return toRat(a).Cmp(toRat(b))
	}
	x, y := ToFloat(a), ToFloat(b)
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	case x == y:
		// Exactness: an exact and an inexact compare by value; large
		// exact integers beyond float precision compare exactly.
		if ca, cb := classOf(a), classOf(b); ca != cb && !math.IsInf(x, 0) {
			ra, rb := exactRatOf(a), exactRatOf(b)
			if ra != nil && rb != nil {
				return ra.Cmp(rb)
			}
		}
		return 0
	}
	return 2
}

func exactRatOf(v Value) *big.Rat {
	if v.IsFlonum() {
		f := v.Float()
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil
		}
		// The flonum's exact binary value: its shortest decimal (which
		// printing uses) is not exact, and would make -2^63 and the
		// flonum -9.223372036854775808e18 unequal.
		return new(big.Rat).SetFloat64(f)
	}
	return toRat(v)
}

// FormatFlonumExact prints the finite f exactly as a decimal: a binary
// fraction with a denominator of 2^k has exactly k decimal places.
func FormatFlonumExact(f float64) string {
	r := new(big.Rat).SetFloat64(f)
	return r.FloatString(r.Denom().BitLen() - 1)
}

// Lt2 is binary <.
func Lt2(t *Thread, a, b Value, loc *Pos) bool {
	if uintptr(a.p)|uintptr(b.p) == 0 {
		return int64(a.n) < int64(b.n)
	}
	return lt2Slow(t, a, b, loc)
}

func lt2Slow(t *Thread, a, b Value, loc *Pos) bool { return Cmp2(t, a, b, loc, "<") == -1 }

// Le2 is binary <=.
func Le2(t *Thread, a, b Value, loc *Pos) bool {
	if uintptr(a.p)|uintptr(b.p) == 0 {
		return int64(a.n) <= int64(b.n)
	}
	return le2Slow(t, a, b, loc)
}

func le2Slow(t *Thread, a, b Value, loc *Pos) bool {
	c := Cmp2(t, a, b, loc, "<=")
	return c == -1 || c == 0
}

// Gt2 is binary >.
func Gt2(t *Thread, a, b Value, loc *Pos) bool {
	if uintptr(a.p)|uintptr(b.p) == 0 {
		return int64(a.n) > int64(b.n)
	}
	return gt2Slow(t, a, b, loc)
}

func gt2Slow(t *Thread, a, b Value, loc *Pos) bool { return Cmp2(t, a, b, loc, ">") == 1 }

// Ge2 is binary >=.
func Ge2(t *Thread, a, b Value, loc *Pos) bool {
	if uintptr(a.p)|uintptr(b.p) == 0 {
		return int64(a.n) >= int64(b.n)
	}
	return ge2Slow(t, a, b, loc)
}

func ge2Slow(t *Thread, a, b Value, loc *Pos) bool {
	c := Cmp2(t, a, b, loc, ">=")
	return c == 1 || c == 0
}

// NumEq2 is binary =.
func NumEq2(t *Thread, a, b Value, loc *Pos) bool {
	if uintptr(a.p)|uintptr(b.p) == 0 {
		return a.n == b.n
	}
	return numEq2Slow(t, a, b, loc)
}

func numEq2Slow(t *Thread, a, b Value, loc *Pos) bool { return Cmp2(t, a, b, loc, "=") == 0 }

// The variadic procedures, as first-class values and for calls with other
// than two arguments.

func foldNum(t *Thread, args []Value, unit Value, op func(*Thread, Value, Value, *Pos) Value, who string) Value {
	if len(args) == 0 {
		return unit
	}
	acc := args[0]
	if len(args) == 1 {
		if classOf(acc) == classNone {
			return t.TypeError(who, "number", acc)
		}
		return op(t, unit, acc, nil)
	}
	for _, x := range args[1:] {
		acc = op(t, acc, x, nil)
	}
	return acc
}

// Add is (+ z ...).
func Add(t *Thread, args []Value) Value { return foldNum(t, args, Fixnum(0), Add2, "+") }

// Mul is (* z ...).
func Mul(t *Thread, args []Value) Value { return foldNum(t, args, Fixnum(1), Mul2, "*") }

// Sub is (- z1 z ...). With one argument it negates, so (- 0.0) is -0.0.
func Sub(t *Thread, args []Value) Value {
	if len(args) == 1 {
		if classOf(args[0]) == classNone {
			return t.TypeError("-", "number", args[0])
		}
		return negate(args[0])
	}
	return foldNum(t, args, Fixnum(0), Sub2, "-")
}

// Div is (/ z1 z ...).
func Div(t *Thread, args []Value) Value { return foldNum(t, args, Fixnum(1), Div2, "/") }

func chainCmp(t *Thread, args []Value, who string, ok func(int) bool) Value {
	for i := range args {
		if classOf(args[i]) == classNone {
			return t.TypeError(who, "number", args[i])
		}
	}
	result := true
	for i := 0; i+1 < len(args); i++ {
		if !ok(Cmp2(t, args[i], args[i+1], nil, who)) {
			result = false
		}
	}
	return Bool(result)
}

// NumLt is (< x1 x2 ...).
func NumLt(t *Thread, args []Value) Value {
	return chainCmp(t, args, "<", func(c int) bool { return c == -1 })
}

// NumLe is (<= x1 x2 ...).
func NumLe(t *Thread, args []Value) Value {
	return chainCmp(t, args, "<=", func(c int) bool { return c == -1 || c == 0 })
}

// NumGt is (> x1 x2 ...).
func NumGt(t *Thread, args []Value) Value {
	return chainCmp(t, args, ">", func(c int) bool { return c == 1 })
}

// NumGe is (>= x1 x2 ...).
func NumGe(t *Thread, args []Value) Value {
	return chainCmp(t, args, ">=", func(c int) bool { return c == 1 || c == 0 })
}

// NumEq is (= z1 z2 ...).
func NumEq(t *Thread, args []Value) Value {
	return chainCmp(t, args, "=", func(c int) bool { return c == 0 })
}

func init() {
	DefinePure("+", 0, -1, Add)
	DefinePure("*", 0, -1, Mul)
	DefinePure("-", 1, -1, Sub)
	DefinePure("/", 1, -1, Div)
	DefinePure("<", 1, -1, NumLt)
	DefinePure("<=", 1, -1, NumLe)
	DefinePure(">", 1, -1, NumGt)
	DefinePure(">=", 1, -1, NumGe)
	DefinePure("=", 1, -1, NumEq)
}
