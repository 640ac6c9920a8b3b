package rt

import (
	"math"
	"math/big"
	"math/bits"
)

// This file defines the numerical procedures of R7RS 6.2.6 beyond the
// arithmetic and comparisons in arith.go: type and property predicates,
// integer division, gcd/lcm, rounding, rationalize, the transcendental
// functions, sqrt and expt, exactness conversion, and the (scheme complex)
// procedures restricted to real numbers.
//
// The tower is fixnum < bignum < ratnum < flonum (see arith.go). Complex
// numbers are not supported: the TCompnum type code is reserved, but no
// operation makes one; where a real argument would need a complex result
// (sqrt of a negative number, log of one, ...) the procedure raises
// "WHO: complex results are not supported".
//
// Exactness follows R7RS: exact arguments give exact results where the
// mathematical result is rational (sqrt 1/4 is 1/2, expt 2/3 -2 is 9/4);
// an inexact argument makes the result inexact.

// realArg checks that v is a real number and returns its class.
func realArg(t *Thread, who string, v Value) numClass {
	c := classOf(v)
	if c == classNone {
		if v.Is(TCompnum) {
			t.Errorf(who, "complex numbers are not supported")
		}
		t.TypeError(who, "real number", v)
	}
	return c
}

// isInteger reports whether v is an integer: exact, or a finite integral
// flonum.
func isInteger(v Value) bool {
	switch classOf(v) {
	case classFix, classBig:
		return true
	case classFlo:
		f := v.Float()
		return !math.IsInf(f, 0) && f == math.Trunc(f)
	}
	return false
}

// intArg checks that v is an integer, exact or inexact, and returns it as
// an exact integer (fixnum or bignum) and whether it was inexact.
func intArg(t *Thread, who string, v Value) (Value, bool) {
	switch classOf(v) {
	case classFix, classBig:
		return v, false
	case classFlo:
		if isInteger(v) {
			return floatToExactInt(v.Float()), true
		}
	case classNone:
		if v.Is(TCompnum) {
			t.Errorf(who, "complex numbers are not supported")
		}
	}
	t.TypeError(who, "integer", v)
	return Value{}, false
}

// exactIntArg checks that v is an exact integer.
func exactIntArg(t *Thread, who string, v Value) {
	if v.p != nil && !v.Is(TBignum) {
		t.TypeError(who, "exact integer", v)
	}
}

// floatToExactInt converts an integral finite float to a fixnum or bignum.
func floatToExactInt(f float64) Value {
	if f >= -(1<<63) && f < 1<<63 {
		return Fixnum(int64(f))
	}
	b, _ := new(big.Float).SetFloat64(f).Int(nil)
	return Bignum(b)
}

// toInexact converts a real number to a flonum value.
func toInexact(v Value) Value {
	if v.IsFlonum() {
		return v
	}
	return Flonum(ToFloat(v))
}

// sign returns -1, 0 or +1 for a real number (0 for NaN).
func sign(v Value) int {
	switch classOf(v) {
	case classFix:
		switch x := v.Int(); {
		case x < 0:
			return -1
		case x > 0:
			return 1
		}
		return 0
	case classBig:
		return v.Big().Sign()
	case classRat:
		return v.Rat().Sign()
	case classFlo:
		switch f := v.Float(); {
		case f < 0:
			return -1
		case f > 0:
			return 1
		}
	}
	return 0
}

// negate returns -v for a real number.
func negate(v Value) Value {
	switch classOf(v) {
	case classFix:
		if x := v.Int(); x != math.MinInt64 {
			return Fixnum(-x)
		}
		return Bignum(new(big.Int).Neg(toBig(v)))
	case classBig:
		return Bignum(new(big.Int).Neg(v.Big()))
	case classRat:
		return Ratnum(new(big.Rat).Neg(v.Rat()))
	}
	return Flonum(-v.Float())
}

// complexError raises the error for a result that would be complex.
func complexError(t *Thread, who string) Value {
	return t.Errorf(who, "complex results are not supported")
}

// Type predicates.

// ComplexP is (complex? obj).
func ComplexP(t *Thread, x Value) Value { return Bool(IsNumber(x)) }

// RealP is (real? obj).
func RealP(t *Thread, x Value) Value { return Bool(IsReal(x)) }

// RationalP is (rational? obj): exact numbers and finite flonums.
func RationalP(t *Thread, x Value) Value {
	switch classOf(x) {
	case classFix, classBig, classRat:
		return True
	case classFlo:
		f := x.Float()
		return Bool(!math.IsInf(f, 0) && !math.IsNaN(f))
	}
	return False
}

// IntegerP is (integer? obj).
func IntegerP(t *Thread, x Value) Value { return Bool(isInteger(x)) }

// ExactP is (exact? z).
func ExactP(t *Thread, x Value) Value {
	if classOf(x) == classNone {
		return t.TypeError("exact?", "number", x)
	}
	return Bool(IsExact(x))
}

// InexactP is (inexact? z).
func InexactP(t *Thread, x Value) Value {
	if classOf(x) == classNone {
		return t.TypeError("inexact?", "number", x)
	}
	return Bool(x.IsFlonum())
}

// ExactIntegerP is (exact-integer? obj). It answers #f for non-numbers.
func ExactIntegerP(t *Thread, x Value) Value { return Bool(x.p == nil || x.Is(TBignum)) }

// FiniteP is (finite? z).
func FiniteP(t *Thread, x Value) Value {
	if realArg(t, "finite?", x) == classFlo {
		f := x.Float()
		return Bool(!math.IsInf(f, 0) && !math.IsNaN(f))
	}
	return True
}

// InfiniteP is (infinite? z).
func InfiniteP(t *Thread, x Value) Value {
	if realArg(t, "infinite?", x) == classFlo {
		return Bool(math.IsInf(x.Float(), 0))
	}
	return False
}

// NanP is (nan? z).
func NanP(t *Thread, x Value) Value {
	if realArg(t, "nan?", x) == classFlo {
		return Bool(math.IsNaN(x.Float()))
	}
	return False
}

// ZeroP is (zero? z).
func ZeroP(t *Thread, x Value) Value {
	if x.p == nil {
		return Bool(x.n == 0)
	}
	return zeroSlow(t, x)
}

// The out-of-line halves of the predicates below keep the fixnum fast paths
// small enough for Go to inline into compiled code.

//go:noinline
func zeroSlow(t *Thread, x Value) Value {
	if realArg(t, "zero?", x) == classFlo {
		return Bool(x.Float() == 0)
	}
	return False // bignums and ratnums are never zero
}

// PositiveP is (positive? x).
func PositiveP(t *Thread, x Value) Value {
	if x.p == nil {
		return Bool(int64(x.n) > 0)
	}
	return positiveSlow(t, x)
}

//go:noinline
func positiveSlow(t *Thread, x Value) Value {
	realArg(t, "positive?", x)
	return Bool(sign(x) > 0)
}

// NegativeP is (negative? x).
func NegativeP(t *Thread, x Value) Value {
	if x.p == nil {
		return Bool(int64(x.n) < 0)
	}
	return negativeSlow(t, x)
}

//go:noinline
func negativeSlow(t *Thread, x Value) Value {
	realArg(t, "negative?", x)
	return Bool(sign(x) < 0)
}

// OddP is (odd? n).
func OddP(t *Thread, x Value) Value {
	if x.p == nil {
		return Bool(x.n&1 == 1)
	}
	return oddSlow(t, x)
}

//go:noinline
func oddSlow(t *Thread, x Value) Value {
	n, _ := intArg(t, "odd?", x)
	return Bool(toBig(n).Bit(0) == 1)
}

// EvenP is (even? n).
func EvenP(t *Thread, x Value) Value {
	if x.p == nil {
		return Bool(x.n&1 == 0)
	}
	return evenSlow(t, x)
}

//go:noinline
func evenSlow(t *Thread, x Value) Value {
	n, _ := intArg(t, "even?", x)
	return Bool(toBig(n).Bit(0) == 0)
}

// max and min.

// Max is (max x1 x2 ...). If any argument is inexact the result is.
func Max(t *Thread, args []Value) Value { return extremum(t, "max", args, 1) }

// Min is (min x1 x2 ...).
func Min(t *Thread, args []Value) Value { return extremum(t, "min", args, -1) }

func extremum(t *Thread, who string, args []Value, want int) Value {
	best := args[0]
	inexact := realArg(t, who, best) == classFlo
	nan := inexact && math.IsNaN(best.Float())
	for _, x := range args[1:] {
		if realArg(t, who, x) == classFlo {
			inexact = true
			if math.IsNaN(x.Float()) {
				nan = true
				continue
			}
		}
		if Cmp2(t, x, best, nil, who) == want {
			best = x
		}
	}
	switch {
	case nan:
		return Flonum(math.NaN())
	case inexact:
		return toInexact(best)
	}
	return best
}

// Abs is (abs x).
func Abs(t *Thread, x Value) Value {
	if x.p == nil && int64(x.n) >= 0 {
		return x
	}
	return absSlow(t, x)
}

//go:noinline
func absSlow(t *Thread, x Value) Value {
	realArg(t, "abs", x)
	if x.IsFlonum() {
		return Flonum(math.Abs(x.Float()))
	}
	if sign(x) < 0 {
		return negate(x)
	}
	return x
}

// Integer division (R7RS 6.2.6): floor/ and truncate/ and their parts.

// intDivide computes the quotient and remainder of a by b, rounding the
// quotient toward negative infinity (floor) or toward zero (truncate).
// Inexact arguments give inexact results; the computation itself is exact.
func intDivide(t *Thread, who string, a, b Value, floor bool) (q, r Value) {
	if a.p == nil && b.p == nil {
		x, y := int64(a.n), int64(b.n)
		if y == 0 {
			t.Errorf(who, "division by zero")
		}
		if y == -1 { // x / -1 overflows for MinInt64
			return negate(a), Fixnum(0)
		}
		q, r := x/y, x%y
		if floor && r != 0 && (r < 0) != (y < 0) {
			q--
			r += y
		}
		return Fixnum(q), Fixnum(r)
	}
	ea, ia := intArg(t, who, a)
	eb, ib := intArg(t, who, b)
	if eb.p == nil && eb.n == 0 {
		t.Errorf(who, "division by zero")
	}
	if ea.p == nil && eb.p == nil {
		q, r = intDivide(t, who, ea, eb, floor)
	} else {
		x, y := toBig(ea), toBig(eb)
		bq, br := new(big.Int).QuoRem(x, y, new(big.Int))
		if floor && br.Sign() != 0 && br.Sign() != y.Sign() {
			bq.Sub(bq, big.NewInt(1))
			br.Add(br, y)
		}
		q, r = Bignum(bq), Bignum(br)
	}
	if ia || ib {
		return toInexact(q), toInexact(r)
	}
	return q, r
}

// FloorDiv is (floor/ n1 n2): two values, the floor quotient and remainder.
func FloorDiv(t *Thread, a, b Value) Value {
	q, r := intDivide(t, "floor/", a, b, true)
	return Values(q, r)
}

// FloorQuotient is (floor-quotient n1 n2).
func FloorQuotient(t *Thread, a, b Value) Value {
	q, _ := intDivide(t, "floor-quotient", a, b, true)
	return q
}

// FloorRemainder is (floor-remainder n1 n2).
func FloorRemainder(t *Thread, a, b Value) Value {
	_, r := intDivide(t, "floor-remainder", a, b, true)
	return r
}

// TruncateDiv is (truncate/ n1 n2).
func TruncateDiv(t *Thread, a, b Value) Value {
	q, r := intDivide(t, "truncate/", a, b, false)
	return Values(q, r)
}

// TruncateQuotient is (truncate-quotient n1 n2).
func TruncateQuotient(t *Thread, a, b Value) Value {
	q, _ := intDivide(t, "truncate-quotient", a, b, false)
	return q
}

// TruncateRemainder is (truncate-remainder n1 n2).
func TruncateRemainder(t *Thread, a, b Value) Value {
	_, r := intDivide(t, "truncate-remainder", a, b, false)
	return r
}

// Quotient is (quotient n1 n2), the same as truncate-quotient.
func Quotient(t *Thread, a, b Value) Value {
	if a.p == nil && b.p == nil && b.n != 0 && int64(b.n) != -1 {
		return Fixnum(int64(a.n) / int64(b.n))
	}
	return quotientSlow(t, a, b)
}

//go:noinline
func quotientSlow(t *Thread, a, b Value) Value {
	q, _ := intDivide(t, "quotient", a, b, false)
	return q
}

// Remainder is (remainder n1 n2), the same as truncate-remainder.
func Remainder(t *Thread, a, b Value) Value {
	if a.p == nil && b.p == nil && b.n != 0 && int64(b.n) != -1 {
		return Fixnum(int64(a.n) % int64(b.n))
	}
	return remainderSlow(t, a, b)
}

//go:noinline
func remainderSlow(t *Thread, a, b Value) Value {
	_, r := intDivide(t, "remainder", a, b, false)
	return r
}

// Modulo is (modulo n1 n2), the same as floor-remainder.
func Modulo(t *Thread, a, b Value) Value {
	if a.p == nil && b.p == nil && b.n != 0 && int64(b.n) != -1 {
		y := int64(b.n)
		r := int64(a.n) % y
		if r != 0 && (r < 0) != (y < 0) {
			r += y
		}
		return Fixnum(r)
	}
	return moduloSlow(t, a, b)
}

//go:noinline
func moduloSlow(t *Thread, a, b Value) Value {
	_, r := intDivide(t, "modulo", a, b, true)
	return r
}

// gcd and lcm.

// uabs is |x| as an unsigned number (exact for MinInt64).
func uabs(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

func gcdU(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// fromUint converts an unsigned integer to a fixnum or bignum.
func fromUint(u uint64) Value {
	if u <= math.MaxInt64 {
		return Fixnum(int64(u))
	}
	return Bignum(new(big.Int).SetUint64(u))
}

// gcd2 is the non-negative gcd of two exact integers.
func gcd2(a, b Value) Value {
	if a.p == nil && b.p == nil {
		return fromUint(gcdU(uabs(a.Int()), uabs(b.Int())))
	}
	x, y := new(big.Int).Abs(toBig(a)), new(big.Int).Abs(toBig(b))
	return Bignum(new(big.Int).GCD(nil, nil, x, y))
}

// Gcd is (gcd n ...).
func Gcd(t *Thread, args []Value) Value {
	acc, inexact := Fixnum(0), false
	for _, x := range args {
		n, in := intArg(t, "gcd", x)
		inexact = inexact || in
		acc = gcd2(acc, n)
	}
	if inexact {
		return toInexact(acc)
	}
	return acc
}

// Lcm is (lcm n ...).
func Lcm(t *Thread, args []Value) Value {
	acc, inexact := Fixnum(1), false
	for _, x := range args {
		n, in := intArg(t, "lcm", x)
		inexact = inexact || in
		if sign(n) == 0 || sign(acc) == 0 {
			acc = Fixnum(0)
			continue
		}
		g := gcd2(acc, n)
		q, _ := intDivide(t, "lcm", n, g, false)
		acc = Abs(t, Mul2(t, acc, q, nil))
	}
	if inexact {
		return toInexact(acc)
	}
	return acc
}

// Numerator is (numerator q).
func Numerator(t *Thread, x Value) Value {
	switch realArg(t, "numerator", x) {
	case classRat:
		return Bignum(new(big.Int).Set(x.Rat().Num()))
	case classFlo:
		r := exactRatOf(x)
		if r == nil {
			return t.TypeError("numerator", "rational number", x)
		}
		return Flonum(ToFloat(Bignum(new(big.Int).Set(r.Num()))))
	}
	return x
}

// Denominator is (denominator q).
func Denominator(t *Thread, x Value) Value {
	switch realArg(t, "denominator", x) {
	case classRat:
		return Bignum(new(big.Int).Set(x.Rat().Denom()))
	case classFlo:
		r := exactRatOf(x)
		if r == nil {
			return t.TypeError("denominator", "rational number", x)
		}
		return Flonum(ToFloat(Bignum(new(big.Int).Set(r.Denom()))))
	}
	return Fixnum(1)
}

// Rounding.

// ratFloor is ⌊r⌋ as an exact integer.
func ratFloor(r *big.Rat) Value {
	// Euclidean division by the positive denominator is floor division.
	return Bignum(new(big.Int).Div(r.Num(), r.Denom()))
}

// Floor is (floor x).
func Floor(t *Thread, x Value) Value {
	switch realArg(t, "floor", x) {
	case classRat:
		return ratFloor(x.Rat())
	case classFlo:
		return Flonum(math.Floor(x.Float()))
	}
	return x
}

// Ceiling is (ceiling x).
func Ceiling(t *Thread, x Value) Value {
	switch realArg(t, "ceiling", x) {
	case classRat:
		return negate(ratFloor(new(big.Rat).Neg(x.Rat())))
	case classFlo:
		return Flonum(math.Ceil(x.Float()))
	}
	return x
}

// Truncate is (truncate x).
func Truncate(t *Thread, x Value) Value {
	switch realArg(t, "truncate", x) {
	case classRat:
		r := x.Rat()
		return Bignum(new(big.Int).Quo(r.Num(), r.Denom()))
	case classFlo:
		return Flonum(math.Trunc(x.Float()))
	}
	return x
}

// Round is (round x), rounding halfway cases to even.
func Round(t *Thread, x Value) Value {
	switch realArg(t, "round", x) {
	case classRat:
		// ⌊x + 1/2⌋ = ⌊(2n + d) / 2d⌋; on a tie (exact division) step to
		// the even neighbour.
		r := x.Rat()
		two := big.NewInt(2)
		num := new(big.Int).Mul(r.Num(), two)
		num.Add(num, r.Denom())
		den := new(big.Int).Mul(r.Denom(), two)
		q, m := new(big.Int).DivMod(num, den, new(big.Int))
		if m.Sign() == 0 && q.Bit(0) == 1 {
			q.Sub(q, big.NewInt(1))
		}
		return Bignum(q)
	case classFlo:
		return Flonum(math.RoundToEven(x.Float()))
	}
	return x
}

// Rationalize is (rationalize x y): the simplest rational within y of x.
func Rationalize(t *Thread, x, y Value) Value {
	cx, cy := realArg(t, "rationalize", x), realArg(t, "rationalize", y)
	if cx != classFlo && cy != classFlo {
		d := new(big.Rat).Abs(toRat(y))
		xr := toRat(x)
		lo, hi := new(big.Rat).Sub(xr, d), new(big.Rat).Add(xr, d)
		return Ratnum(simplestBetween(lo, hi))
	}
	fx, fy := ToFloat(x), ToFloat(y)
	switch {
	case math.IsNaN(fx) || math.IsNaN(fy):
		return Flonum(math.NaN())
	case math.IsInf(fy, 0):
		if math.IsInf(fx, 0) {
			return Flonum(math.NaN())
		}
		return Flonum(0)
	case math.IsInf(fx, 0):
		return Flonum(fx)
	}
	xr, d := exactRatOf(Flonum(fx)), exactRatOf(Flonum(math.Abs(fy)))
	lo, hi := new(big.Rat).Sub(xr, d), new(big.Rat).Add(xr, d)
	return Flonum(ToFloat(Ratnum(simplestBetween(lo, hi))))
}

// simplestBetween returns the simplest rational in [lo, hi] (lo <= hi):
// the one with the smallest denominator, and among those the smallest
// absolute numerator. Zero is simplest of all.
func simplestBetween(lo, hi *big.Rat) *big.Rat {
	switch {
	case lo.Sign() > 0:
		return simplestPositive(lo, hi)
	case hi.Sign() < 0:
		r := simplestPositive(new(big.Rat).Neg(hi), new(big.Rat).Neg(lo))
		return r.Neg(r)
	}
	return new(big.Rat)
}

// simplestPositive is simplestBetween for 0 < lo <= hi, by continued
// fractions: if an integer lies in the interval the smallest one wins;
// otherwise both ends share the integer part fl, and the answer is
// fl + 1/s where s is the simplest rational in [1/(hi-fl), 1/(lo-fl)].
func simplestPositive(lo, hi *big.Rat) *big.Rat {
	fl := new(big.Int).Div(lo.Num(), lo.Denom())
	flr := new(big.Rat).SetInt(fl)
	if flr.Cmp(lo) == 0 {
		return flr
	}
	fh := new(big.Int).Div(hi.Num(), hi.Denom())
	if fl.Cmp(fh) < 0 {
		return flr.SetInt(fl.Add(fl, big.NewInt(1)))
	}
	a := new(big.Rat).Sub(hi, flr)
	b := new(big.Rat).Sub(lo, flr)
	s := simplestPositive(a.Inv(a), b.Inv(b))
	return flr.Add(flr, s.Inv(s))
}

// Transcendental functions. Their results are inexact.

// floatArg checks that x is real and returns it as a float64.
func floatArg(t *Thread, who string, x Value) float64 {
	realArg(t, who, x)
	return ToFloat(x)
}

// logOf is the natural logarithm of a positive real; for exact numbers
// beyond the flonum range it works from the binary exponent.
func logOf(x Value) float64 {
	switch classOf(x) {
	case classBig:
		return bigLog(x.Big())
	case classRat:
		r := x.Rat()
		if f, _ := r.Float64(); f != 0 && !math.IsInf(f, 0) {
			return math.Log(f)
		}
		return bigLog(r.Num()) - bigLog(r.Denom())
	}
	return math.Log(ToFloat(x))
}

// bigLog is log|b| for b != 0, accurate beyond the flonum range.
func bigLog(b *big.Int) float64 {
	n := b.BitLen()
	if n < 1000 {
		f, _ := new(big.Float).SetInt(b).Float64()
		return math.Log(math.Abs(f))
	}
	shift := uint(n - 64)
	top := new(big.Int).Rsh(new(big.Int).Abs(b), shift)
	f, _ := new(big.Float).SetInt(top).Float64()
	return math.Log(f) + float64(shift)*math.Ln2
}

// Exp is (exp z).
func Exp(t *Thread, x Value) Value { return Flonum(math.Exp(floatArg(t, "exp", x))) }

// Log is (log z [base]).
func Log(t *Thread, args []Value) Value {
	z := args[0]
	lz := natLog(t, z)
	b, ok := optArg(args, 1)
	if !ok {
		return Flonum(lz)
	}
	realArg(t, "log", b)
	if c := classOf(z); c == classFix || c == classFlo {
		// Exact binary and decimal logarithms where the library has them:
		// (log 8 2) is 3.0, not 2.9999999999999996.
		switch ToFloat(b) {
		case 2:
			return Flonum(math.Log2(ToFloat(z)))
		case 10:
			return Flonum(math.Log10(ToFloat(z)))
		}
	}
	return Flonum(lz / natLog(t, b))
}

// natLog is the natural logarithm of a non-negative real.
func natLog(t *Thread, z Value) float64 {
	realArg(t, "log", z)
	if sign(z) < 0 {
		complexError(t, "log")
	}
	if z.IsFlonum() {
		return math.Log(z.Float()) // -inf.0 for zero, NaN for NaN
	}
	if sign(z) == 0 {
		return math.Inf(-1)
	}
	return logOf(z)
}

// Sin is (sin z).
func Sin(t *Thread, x Value) Value { return Flonum(math.Sin(floatArg(t, "sin", x))) }

// Cos is (cos z).
func Cos(t *Thread, x Value) Value { return Flonum(math.Cos(floatArg(t, "cos", x))) }

// Tan is (tan z).
func Tan(t *Thread, x Value) Value { return Flonum(math.Tan(floatArg(t, "tan", x))) }

// Asin is (asin z); |z| > 1 would need a complex result.
func Asin(t *Thread, x Value) Value {
	f := floatArg(t, "asin", x)
	if f < -1 || f > 1 {
		return complexError(t, "asin")
	}
	return Flonum(math.Asin(f))
}

// Acos is (acos z).
func Acos(t *Thread, x Value) Value {
	f := floatArg(t, "acos", x)
	if f < -1 || f > 1 {
		return complexError(t, "acos")
	}
	return Flonum(math.Acos(f))
}

// Atan is (atan z) or (atan y x).
func Atan(t *Thread, args []Value) Value {
	y := floatArg(t, "atan", args[0])
	if xv, ok := optArg(args, 1); ok {
		x := floatArg(t, "atan", xv)
		return Flonum(math.Atan2(y, x))
	}
	return Flonum(math.Atan(y))
}

// Square is (square z).
func Square(t *Thread, x Value) Value {
	realArg(t, "square", x)
	return Mul2(t, x, x, nil)
}

// Sqrt is (sqrt z). Exact squares of exact rationals give exact roots.
func Sqrt(t *Thread, x Value) Value {
	switch realArg(t, "sqrt", x) {
	case classFix:
		n := x.Int()
		if n < 0 {
			return complexError(t, "sqrt")
		}
		if r := isqrt(uint64(n)); r*r == uint64(n) {
			return Fixnum(int64(r))
		}
		return Flonum(math.Sqrt(float64(n)))
	case classBig:
		b := x.Big()
		if b.Sign() < 0 {
			return complexError(t, "sqrt")
		}
		if r, ok := bigSqrtExact(b); ok {
			return Bignum(r)
		}
		return Flonum(sqrtFloat(new(big.Float).SetPrec(128).SetInt(b)))
	case classRat:
		r := x.Rat()
		if r.Sign() < 0 {
			return complexError(t, "sqrt")
		}
		if n, ok := bigSqrtExact(r.Num()); ok {
			if d, ok := bigSqrtExact(r.Denom()); ok {
				return Ratnum(new(big.Rat).SetFrac(n, d))
			}
		}
		return Flonum(sqrtFloat(new(big.Float).SetPrec(128).SetRat(r)))
	}
	f := x.Float()
	if f < 0 {
		return complexError(t, "sqrt")
	}
	return Flonum(math.Sqrt(f))
}

// isqrt is ⌊√n⌋.
func isqrt(n uint64) uint64 {
	r := uint64(math.Sqrt(float64(n)))
	for r > 0 && (r > math.MaxUint32 || r*r > n) {
		r--
	}
	for r+1 <= math.MaxUint32 && (r+1)*(r+1) <= n {
		r++
	}
	return r
}

// bigSqrtExact returns √b when b is a perfect square.
func bigSqrtExact(b *big.Int) (*big.Int, bool) {
	r := new(big.Int).Sqrt(b)
	return r, new(big.Int).Mul(r, r).Cmp(b) == 0
}

func sqrtFloat(f *big.Float) float64 {
	v, _ := f.Sqrt(f).Float64()
	return v
}

// ExactIntegerSqrt is (exact-integer-sqrt k): two values s and r with
// k = s² + r and k < (s+1)².
func ExactIntegerSqrt(t *Thread, k Value) Value {
	exactIntArg(t, "exact-integer-sqrt", k)
	if sign(k) < 0 {
		return t.TypeError("exact-integer-sqrt", "exact non-negative integer", k)
	}
	if k.p == nil {
		n := uint64(k.Int())
		s := isqrt(n)
		return Values(Fixnum(int64(s)), Fixnum(int64(n-s*s)))
	}
	b := k.Big()
	s := new(big.Int).Sqrt(b)
	r := new(big.Int).Sub(b, new(big.Int).Mul(s, s))
	return Values(Bignum(s), Bignum(r))
}

// Expt is (expt z1 z2). An exact base raised to an exact integer power is
// exact; so is an exact base to an exact rational power when the root is
// exact ((expt 8 2/3) is 4). Otherwise the result is inexact.
func Expt(t *Thread, base, e Value) Value {
	cb, ce := realArg(t, "expt", base), realArg(t, "expt", e)
	switch {
	case ce == classFix || ce == classBig:
		if cb != classFlo {
			return exactExpt(t, base, e)
		}
		return Flonum(math.Pow(base.Float(), ToFloat(e)))
	case ce == classRat && cb != classFlo && sign(base) >= 0:
		if r, ok := exactRootExpt(t, base, e.Rat()); ok {
			return r
		}
	}
	b, x := ToFloat(base), ToFloat(e)
	if b < 0 && x != math.Trunc(x) && !math.IsInf(x, 0) {
		return complexError(t, "expt")
	}
	if b == 0 && cb != classFlo && x < 0 {
		return t.Errorf("expt", "division by zero")
	}
	return Flonum(math.Pow(b, x))
}

// maxExptBits bounds the size of an exact power (in bits of the result)
// so a typo like (expt 10 10000000000) is an error, not an endless
// computation.
const maxExptBits = 1 << 30

// exactExpt raises an exact base to an exact integer power.
func exactExpt(t *Thread, base, e Value) Value {
	if sign(e) == 0 {
		return Fixnum(1)
	}
	switch {
	case base.p == nil && base.n == 0:
		if sign(e) < 0 {
			return t.Errorf("expt", "division by zero")
		}
		return Fixnum(0)
	case base.p == nil && base.n == 1:
		return base
	case base.p == nil && int64(base.n) == -1:
		if toBig(e).Bit(0) == 0 {
			return Fixnum(1)
		}
		return base
	}
	if e.p != nil || e.Int() == math.MinInt64 {
		return t.Errorf("expt", "result too large")
	}
	n := e.Int()
	neg := n < 0
	if neg {
		n = -n
	}
	var r Value
	if base.p == nil {
		r = intPow(base.Int(), uint64(n))
	} else {
		var size int
		if base.Is(TBignum) {
			size = base.Big().BitLen()
		} else {
			size = base.Rat().Num().BitLen() + base.Rat().Denom().BitLen()
		}
		if float64(size)*float64(n) > maxExptBits {
			return t.Errorf("expt", "result too large")
		}
		if base.Is(TBignum) {
			r = Bignum(new(big.Int).Exp(base.Big(), big.NewInt(n), nil))
		} else {
			br := base.Rat()
			num := new(big.Int).Exp(br.Num(), big.NewInt(n), nil)
			den := new(big.Int).Exp(br.Denom(), big.NewInt(n), nil)
			r = Ratnum(new(big.Rat).SetFrac(num, den))
		}
	}
	if r.IsFalse() {
		return t.Errorf("expt", "result too large")
	}
	if neg {
		return Div2(t, Fixnum(1), r, nil)
	}
	return r
}

// intPow is b^n for a fixnum base, by repeated squaring with a fixnum fast
// path. It returns #f when the result would exceed maxExptBits.
func intPow(b int64, n uint64) Value {
	acc, x := int64(1), b
	for m := n; ; {
		if m&1 == 1 {
			p, ok := mulFix(acc, x)
			if !ok {
				break
			}
			acc = p
		}
		m >>= 1
		if m == 0 {
			return Fixnum(acc)
		}
		sq, ok := mulFix(x, x)
		if !ok {
			break
		}
		x = sq
	}
	if float64(bits.Len64(uabs(b)))*float64(n) > maxExptBits {
		return False
	}
	return Bignum(new(big.Int).Exp(big.NewInt(b), new(big.Int).SetUint64(n), nil))
}

// mulFix returns x*y and whether it fits in an int64.
func mulFix(x, y int64) (int64, bool) {
	hi, lo := bits.Mul64(uabs(x), uabs(y))
	switch {
	case hi != 0:
		return 0, false
	case (x < 0) != (y < 0):
		return -int64(lo), lo <= 1<<63
	}
	return int64(lo), lo <= math.MaxInt64
}

// exactRootExpt computes base^(p/q) exactly for a non-negative exact base
// when base is a perfect q-th power.
func exactRootExpt(t *Thread, base Value, e *big.Rat) (Value, bool) {
	if !e.Denom().IsInt64() || e.Denom().Int64() > 1024 {
		return Value{}, false
	}
	q := int(e.Denom().Int64())
	br := toRat(base)
	num, ok1 := intRoot(br.Num(), q)
	den, ok2 := intRoot(br.Denom(), q)
	if !ok1 || !ok2 {
		return Value{}, false
	}
	root := Ratnum(new(big.Rat).SetFrac(num, den))
	return exactExpt(t, root, Bignum(new(big.Int).Set(e.Num()))), true
}

// intRoot returns the q-th root of x >= 0 when x is a perfect q-th power,
// by Newton's iteration on integers.
func intRoot(x *big.Int, q int) (*big.Int, bool) {
	if x.Sign() == 0 || x.Cmp(big.NewInt(1)) == 0 {
		return new(big.Int).Set(x), true
	}
	bq := big.NewInt(int64(q))
	bq1 := big.NewInt(int64(q - 1))
	// Start above the root: 2^(⌈bitlen/q⌉).
	r := new(big.Int).Lsh(big.NewInt(1), uint((x.BitLen()+q-1)/q))
	for {
		// r' = ((q-1) r + x / r^(q-1)) / q
		p := new(big.Int).Exp(r, bq1, nil)
		next := new(big.Int).Quo(x, p)
		next.Add(next, new(big.Int).Mul(bq1, r))
		next.Quo(next, bq)
		if next.Cmp(r) >= 0 {
			break
		}
		r = next
	}
	return r, new(big.Int).Exp(r, bq, nil).Cmp(x) == 0
}

// Exactness.

// Exact is (exact z). A flonum converts to the exact value of its binary
// representation; infinities and NaNs have none.
func Exact(t *Thread, x Value) Value {
	if realArg(t, "exact", x) != classFlo {
		return x
	}
	f := x.Float()
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return t.Errorf("exact", "%s has no exact representation", FormatFlonum(f))
	}
	if f == math.Trunc(f) {
		return floatToExactInt(f)
	}
	return Ratnum(new(big.Rat).SetFloat64(f))
}

// Inexact is (inexact z).
func Inexact(t *Thread, x Value) Value {
	realArg(t, "inexact", x)
	return toInexact(x)
}

// The (scheme complex) library on real numbers.

// MakeRectangular is (make-rectangular x1 x2); only a zero imaginary part
// is supported.
func MakeRectangular(t *Thread, re, im Value) Value {
	realArg(t, "make-rectangular", re)
	realArg(t, "make-rectangular", im)
	if sign(im) != 0 || (im.IsFlonum() && math.IsNaN(im.Float())) {
		return t.Errorf("make-rectangular", "complex numbers are not supported")
	}
	return re
}

// MakePolar is (make-polar magnitude angle); only angles that give a real
// number (zero) are supported.
func MakePolar(t *Thread, mag, ang Value) Value {
	realArg(t, "make-polar", mag)
	realArg(t, "make-polar", ang)
	if sign(ang) != 0 || (ang.IsFlonum() && math.IsNaN(ang.Float())) {
		if sign(mag) == 0 && IsExact(mag) {
			return mag
		}
		return t.Errorf("make-polar", "complex numbers are not supported")
	}
	if ang.IsFlonum() {
		return toInexact(mag)
	}
	return mag
}

// RealPart is (real-part z).
func RealPart(t *Thread, x Value) Value {
	realArg(t, "real-part", x)
	return x
}

// ImagPart is (imag-part z): exact zero for every real number.
func ImagPart(t *Thread, x Value) Value {
	realArg(t, "imag-part", x)
	return Fixnum(0)
}

// Magnitude is (magnitude z), abs for a real number.
func Magnitude(t *Thread, x Value) Value {
	realArg(t, "magnitude", x)
	return Abs(t, x)
}

// Angle is (angle z): π for negative reals, zero otherwise.
func Angle(t *Thread, x Value) Value {
	if realArg(t, "angle", x) == classFlo {
		return Flonum(math.Atan2(0, x.Float()))
	}
	if sign(x) < 0 {
		return Flonum(math.Pi)
	}
	return Fixnum(0)
}

func init() {
	DefinePure("complex?", 1, 1, ComplexP)
	DefinePure("real?", 1, 1, RealP)
	DefinePure("rational?", 1, 1, RationalP)
	DefinePure("integer?", 1, 1, IntegerP)
	DefinePure("exact?", 1, 1, ExactP)
	DefinePure("inexact?", 1, 1, InexactP)
	DefinePure("exact-integer?", 1, 1, ExactIntegerP)
	DefinePure("finite?", 1, 1, FiniteP)
	DefinePure("infinite?", 1, 1, InfiniteP)
	DefinePure("nan?", 1, 1, NanP)
	DefinePure("zero?", 1, 1, ZeroP)
	DefinePure("positive?", 1, 1, PositiveP)
	DefinePure("negative?", 1, 1, NegativeP)
	DefinePure("odd?", 1, 1, OddP)
	DefinePure("even?", 1, 1, EvenP)
	DefinePure("max", 1, -1, Max)
	DefinePure("min", 1, -1, Min)
	DefinePure("abs", 1, 1, Abs)
	DefinePure("floor/", 2, 2, FloorDiv)
	DefinePure("floor-quotient", 2, 2, FloorQuotient)
	DefinePure("floor-remainder", 2, 2, FloorRemainder)
	DefinePure("truncate/", 2, 2, TruncateDiv)
	DefinePure("truncate-quotient", 2, 2, TruncateQuotient)
	DefinePure("truncate-remainder", 2, 2, TruncateRemainder)
	DefinePure("quotient", 2, 2, Quotient)
	DefinePure("remainder", 2, 2, Remainder)
	DefinePure("modulo", 2, 2, Modulo)
	DefinePure("gcd", 0, -1, Gcd)
	DefinePure("lcm", 0, -1, Lcm)
	DefinePure("numerator", 1, 1, Numerator)
	DefinePure("denominator", 1, 1, Denominator)
	DefinePure("floor", 1, 1, Floor)
	DefinePure("ceiling", 1, 1, Ceiling)
	DefinePure("truncate", 1, 1, Truncate)
	DefinePure("round", 1, 1, Round)
	DefinePure("rationalize", 2, 2, Rationalize)
	DefinePure("exp", 1, 1, Exp)
	DefinePure("log", 1, 2, Log)
	DefinePure("sin", 1, 1, Sin)
	DefinePure("cos", 1, 1, Cos)
	DefinePure("tan", 1, 1, Tan)
	DefinePure("asin", 1, 1, Asin)
	DefinePure("acos", 1, 1, Acos)
	DefinePure("atan", 1, 2, Atan)
	DefinePure("square", 1, 1, Square)
	DefinePure("sqrt", 1, 1, Sqrt)
	DefinePure("exact-integer-sqrt", 1, 1, ExactIntegerSqrt)
	DefinePure("expt", 2, 2, Expt)
	DefinePure("exact", 1, 1, Exact)
	DefinePure("inexact", 1, 1, Inexact)
	DefinePure("make-rectangular", 2, 2, MakeRectangular)
	DefinePure("make-polar", 2, 2, MakePolar)
	DefinePure("real-part", 1, 1, RealPart)
	DefinePure("imag-part", 1, 1, ImagPart)
	DefinePure("magnitude", 1, 1, Magnitude)
	DefinePure("angle", 1, 1, Angle)
}
