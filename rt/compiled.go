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
