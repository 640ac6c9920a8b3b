package rt

// Inline fast paths of the accessors and fixnum operations that compiled
// code calls most, in the style of AddFx (compiled.go): each returns the
// result and whether it is valid; on false the compiled code calls the full
// primitive with the call site's position, which handles other types and
// raises the errors. They contain no calls, so Go inlines them; the full
// primitives cannot be inlined because their error paths make them too
// large.

// VectorRefFx is (vector-ref v k) for a vector and an index in range.
func VectorRefFx(v, k Value) (Value, bool) {
	if v.n == TVector && v.p != nil && k.p == nil {
		if items := (*Vector)(v.p).Items; k.n < uint64(len(items)) {
			return items[k.n], true
		}
	}
	return Value{}, false
}

// VectorSetFx is (vector-set! v k x) for a vector and an index in range.
func VectorSetFx(v, k, x Value) (Value, bool) {
	if v.n == TVector && v.p != nil && k.p == nil {
		if items := (*Vector)(v.p).Items; k.n < uint64(len(items)) {
			items[k.n] = x
			return Unspecified, true
		}
	}
	return Value{}, false
}

// StringRefFx is (string-ref s k) for a string and an index in range.
func StringRefFx(s, k Value) (Value, bool) {
	if s.n == TString && s.p != nil && k.p == nil {
		if rs := (*String)(s.p).R; k.n < uint64(len(rs)) {
			return Value{p: immPtr(immChar), n: uint64(rs[k.n])}, true
		}
	}
	return Value{}, false
}

// SetCarFx is (set-car! p x) for a pair.
func SetCarFx(p, x Value) (Value, bool) {
	if p.n == TPair && p.p != nil {
		(*Pair)(p.p).Car = x
		return Unspecified, true
	}
	return Value{}, false
}

// SetCdrFx is (set-cdr! p x) for a pair.
func SetCdrFx(p, x Value) (Value, bool) {
	if p.n == TPair && p.p != nil {
		(*Pair)(p.p).Cdr = x
		return Unspecified, true
	}
	return Value{}, false
}

// QuotientFx is (quotient a b) on fixnums (b not 0 or -1, whose quotient
// can overflow).
func QuotientFx(a, b Value) (Value, bool) {
	if uintptr(a.p)|uintptr(b.p) == 0 && b.n != 0 && int64(b.n) != -1 {
		return Value{n: uint64(int64(a.n) / int64(b.n))}, true
	}
	return Value{}, false
}

// RemainderFx is (remainder a b) on fixnums.
func RemainderFx(a, b Value) (Value, bool) {
	if uintptr(a.p)|uintptr(b.p) == 0 && b.n != 0 && int64(b.n) != -1 {
		return Value{n: uint64(int64(a.n) % int64(b.n))}, true
	}
	return Value{}, false
}

// ModuloFx is (modulo a b) on fixnums.
func ModuloFx(a, b Value) (Value, bool) {
	if uintptr(a.p)|uintptr(b.p) == 0 && b.n != 0 && int64(b.n) != -1 {
		y := int64(b.n)
		r := int64(a.n) % y
		if r != 0 && (r < 0) != (y < 0) {
			r += y
		}
		return Value{n: uint64(r)}, true
	}
	return Value{}, false
}

// boolFx makes a boolean without loading True or False.
func boolFx(b bool) Value {
	var n uint64
	if b {
		n = 1
	}
	return Value{p: immPtr(immBool), n: n}
}

// EvenFx is (even? x) on a fixnum.
func EvenFx(x Value) (Value, bool) { return boolFx(x.n&1 == 0), x.p == nil }

// OddFx is (odd? x) on a fixnum.
func OddFx(x Value) (Value, bool) { return boolFx(x.n&1 == 1), x.p == nil }

// PositiveFx is (positive? x) on a fixnum.
func PositiveFx(x Value) (Value, bool) { return boolFx(int64(x.n) > 0), x.p == nil }

// NegativeFx is (negative? x) on a fixnum.
func NegativeFx(x Value) (Value, bool) { return boolFx(int64(x.n) < 0), x.p == nil }

// ZeroFx is (zero? x) on a fixnum.
func ZeroFx(x Value) (Value, bool) { return boolFx(x.n == 0), x.p == nil }
