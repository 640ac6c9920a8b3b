package rt

import "math"

// The Float64 functions are the operations of compiled code that runs on
// raw float64 values (the unboxed entries of procedures that type inference
// proved to compute on flonums; see analyze/fxspec.go). Each gives exactly
// what the generic arithmetic (arith.go, number.go) gives on the same
// flonums and fixnums, so the unboxed and the generic code agree bit for
// bit.

// SqrtFloat64 is (sqrt f) on a flonum: false for a negative f, whose root
// is complex (the generic code raises the error), as Sqrt.
func SqrtFloat64(f float64) (float64, bool) {
	if f < 0 {
		return 0, false
	}
	return math.Sqrt(f), true
}

// CmpIntFloat64 compares the fixnum i with the flonum f as Cmp2 does: by
// value, exactly (a fixnum beyond float64's precision is not rounded),
// giving -1, 0, +1, or 2 when f is a NaN.
func CmpIntFloat64(i int64, f float64) int {
	x := float64(i)
	switch {
	case x < f:
		return -1
	case x > f:
		return 1
	case x == f:
		// f is integral and |f| <= 2^63: compare as integers.
		if f >= 0x1p63 {
			return -1
		}
		switch j := int64(f); {
		case i < j:
			return -1
		case i > j:
			return 1
		}
		return 0
	}
	return 2
}

// LtIntFloat64 is (< i f) for a fixnum i and a flonum f.
func LtIntFloat64(i int64, f float64) bool { return CmpIntFloat64(i, f) == -1 }

// LeIntFloat64 is (<= i f).
func LeIntFloat64(i int64, f float64) bool { c := CmpIntFloat64(i, f); return c == -1 || c == 0 }

// GtIntFloat64 is (> i f).
func GtIntFloat64(i int64, f float64) bool { return CmpIntFloat64(i, f) == 1 }

// GeIntFloat64 is (>= i f).
func GeIntFloat64(i int64, f float64) bool { c := CmpIntFloat64(i, f); return c == 0 || c == 1 }

// EqIntFloat64 is (= i f).
func EqIntFloat64(i int64, f float64) bool { return CmpIntFloat64(i, f) == 0 }

// FiniteFloat64 is (finite? f).
func FiniteFloat64(f float64) bool { return !math.IsInf(f, 0) && !math.IsNaN(f) }

// IntegerFloat64 is (integer? f) on a flonum, as isInteger.
func IntegerFloat64(f float64) bool { return !math.IsInf(f, 0) && f == math.Trunc(f) }

// bothFlonums reports whether a and b are flonums: the slow paths of the
// generic arithmetic try it first, as flonum code (nbody, a matrix of
// flonums) reaches them on every operation.
func bothFlonums(a, b Value) bool {
	return a.p == immPtr(immFlonum) && b.p == immPtr(immFlonum)
}

// cmpFloat64 compares flonums as Cmp2: -1, 0, +1, or 2 for a NaN.
func cmpFloat64(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	case x == y:
		return 0
	}
	return 2
}

// F64VectorRefFloat64 is (f64vector-ref v k) on the elements d of an
// f64vector: false when k is out of range (the generic code raises the
// error).
func F64VectorRefFloat64(d []float64, k int64) (float64, bool) {
	if uint64(k) < uint64(len(d)) {
		return d[k], true
	}
	return 0, false
}
