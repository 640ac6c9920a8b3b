package rt

import "math/big"

// This file holds small helpers that exist for compiled code: they are
// what the code generator emits calls to, and are kept small enough for Go
// to inline on the hot path.

// L records loc as the position of the operation about to run and returns
// v. Compiled code wraps the last argument of a call in it, so the position
// is stored after every argument has been evaluated (Go evaluates calls
// left to right), just before the call.
func (t *Thread) L(loc *Pos, v Value) Value {
	t.Loc = loc
	return v
}

// At records loc and returns t, for calls without arguments.
func (t *Thread) At(loc *Pos) *Thread {
	t.Loc = loc
	return t
}

// Global returns the value of a global variable, raising an error if it
// has not been defined yet.
func Global(t *Thread, v Value, name string, loc *Pos) Value {
	if v.p == immPtr(immUnbound) {
		return unboundGlobal(t, name, loc)
	}
	return v
}

//go:noinline
func unboundGlobal(t *Thread, name string, loc *Pos) Value {
	t.Loc = loc
	return t.Errorf("", "unbound variable: %s", name)
}

// SetGlobal is set! of a global: the new value, or an error if the global
// has not been defined.
func SetGlobal(t *Thread, old, v Value, name string, loc *Pos) Value {
	if old.p == immPtr(immUnbound) {
		t.Loc = loc
		return t.Errorf("set!", "unbound variable: %s", name)
	}
	return v
}

// BigLiteral makes an exact integer from its decimal text (for constants).
func BigLiteral(s string) Value {
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic("rt.BigLiteral: bad literal " + s)
	}
	return Bignum(b)
}

// RatLiteral makes an exact rational from numerator and denominator text.
func RatLiteral(num, den string) Value {
	n, ok1 := new(big.Int).SetString(num, 10)
	d, ok2 := new(big.Int).SetString(den, 10)
	if !ok1 || !ok2 {
		panic("rt.RatLiteral: bad literal " + num + "/" + den)
	}
	return Ratnum(new(big.Rat).SetFrac(n, d))
}

// ListStar builds a list whose last pair's cdr is the last argument.
func ListStar(vs ...Value) Value {
	l := vs[len(vs)-1]
	for i := len(vs) - 2; i >= 0; i-- {
		l = Cons(vs[i], l)
	}
	return l
}

// The Fx functions are the fixnum fast paths that compiled code inlines:
// each returns the result and whether it is valid (both operands fixnums,
// no overflow). On false, compiled code calls the full operation (Add2 ...)
// with the call site's position. They contain no calls, so Go always
// inlines them (DESIGN §4).

// AddFx is the fixnum fast path of binary +.
func AddFx(a, b Value) (Value, bool) {
	s := int64(a.n) + int64(b.n)
	return Value{n: uint64(s)}, uintptr(a.p)|uintptr(b.p) == 0 && (s^int64(a.n))&(s^int64(b.n)) >= 0
}

// SubFx is the fixnum fast path of binary -.
func SubFx(a, b Value) (Value, bool) {
	s := int64(a.n) - int64(b.n)
	return Value{n: uint64(s)}, uintptr(a.p)|uintptr(b.p) == 0 && (int64(a.n)^int64(b.n))&(s^int64(a.n)) >= 0
}

// MulFx is the fixnum fast path of binary *: operands within 32 bits.
func MulFx(a, b Value) (Value, bool) {
	x, y := int64(a.n), int64(b.n)
	return Value{n: uint64(x * y)}, uintptr(a.p)|uintptr(b.p) == 0 && x == int64(int32(x)) && y == int64(int32(y))
}

// LtFx is the fixnum fast path of binary <.
func LtFx(a, b Value) (bool, bool) {
	return int64(a.n) < int64(b.n), uintptr(a.p)|uintptr(b.p) == 0
}

// LeFx is the fixnum fast path of binary <=.
func LeFx(a, b Value) (bool, bool) {
	return int64(a.n) <= int64(b.n), uintptr(a.p)|uintptr(b.p) == 0
}

// GtFx is the fixnum fast path of binary >.
func GtFx(a, b Value) (bool, bool) {
	return int64(a.n) > int64(b.n), uintptr(a.p)|uintptr(b.p) == 0
}

// GeFx is the fixnum fast path of binary >=.
func GeFx(a, b Value) (bool, bool) {
	return int64(a.n) >= int64(b.n), uintptr(a.p)|uintptr(b.p) == 0
}

// EqFx is the fixnum fast path of binary =.
func EqFx(a, b Value) (bool, bool) {
	return a.n == b.n, uintptr(a.p)|uintptr(b.p) == 0
}
