package rt

import "math/bits"

// The Int64 functions are the checked operations of compiled code that runs
// on raw int64 values (the unboxed entries of procedures that type inference
// proved fixnum-only). Each returns the result and whether it is exact:
// false on overflow or a zero divisor, when the caller abandons the int64
// entry and reruns the generic code, which promotes to bignums or raises
// the error. They are small enough for Go to inline.

// AddInt64 is checked a + b.
func AddInt64(a, b int64) (int64, bool) {
	s := a + b
	return s, (s^a)&(s^b) >= 0
}

// SubInt64 is checked a - b.
func SubInt64(a, b int64) (int64, bool) {
	s := a - b
	return s, (a^b)&(s^a) >= 0
}

// NegInt64 is checked -a.
func NegInt64(a int64) (int64, bool) {
	return -a, a != -1<<63
}

// MulInt64 is checked a * b.
func MulInt64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	// Signed high word: subtract the operands' sign corrections.
	shi := int64(hi) - (a>>63)&b - (b>>63)&a
	return int64(lo), shi == int64(lo)>>63
}

// QuoInt64 is checked (quotient a b).
func QuoInt64(a, b int64) (int64, bool) {
	if b == 0 || (b == -1 && a == -1<<63) {
		return 0, false
	}
	return a / b, true
}

// RemInt64 is checked (remainder a b).
func RemInt64(a, b int64) (int64, bool) {
	if b == 0 {
		return 0, false
	}
	return a % b, true
}

// ModInt64 is checked (modulo a b): the result has the divisor's sign.
func ModInt64(a, b int64) (int64, bool) {
	if b == 0 {
		return 0, false
	}
	m := a % b
	if m != 0 && (m^b) < 0 {
		m += b
	}
	return m, true
}

// Speculating reports whether compiled code may try the int64 entry of a
// procedure. It is false while a generic entry reruns its body after the
// int64 entry failed (Rerun): the activations of that rerun would fail the
// same way, so trying again in each of them would make a linear recursion
// such as a factorial quadratic. With it off, the worst case is the failed
// attempt plus the generic code, at most about twice the generic cost.
func (t *Thread) Speculating() bool { return t.noSpec == 0 }

// Rerun runs f, the generic code of a procedure whose int64 entry just
// failed, with speculation off. The deferred restore keeps the count right
// when f raises an error that is caught further out.
func (t *Thread) Rerun(f func() Value) Value {
	t.noSpec++
	defer func() { t.noSpec-- }()
	return f()
}

// Int64MaxDepth bounds the nesting of the int64 entries of recursive
// procedures: past it an entry gives up and the generic code, which the
// stack watchdog guards (stack.go), reruns. 2^18 small int64 frames take a
// few tens of MiB, far below the watchdog's alarm.
const Int64MaxDepth = 1 << 18
