package rt

import (
	"math"
	"math/big"
	"testing"
)

func TestInt64OpsAgreeWithBig(t *testing.T) {
	vals := []int64{0, 1, -1, 2, -2, 3, 7, -7, 1 << 31, -1 << 31, 1<<32 + 5, 3037000499, 3037000500, -3037000500,
		math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1}
	fits := func(z *big.Int) bool { return z.IsInt64() }
	for _, a := range vals {
		for _, b := range vals {
			A, B := big.NewInt(a), big.NewInt(b)
			check := func(name string, got int64, ok bool, want *big.Int) {
				t.Helper()
				if ok != fits(want) || (ok && got != want.Int64()) {
					t.Errorf("%s(%d, %d) = %d, %v; want %s", name, a, b, got, ok, want)
				}
			}
			s, ok := AddInt64(a, b)
			check("Add", s, ok, new(big.Int).Add(A, B))
			s, ok = SubInt64(a, b)
			check("Sub", s, ok, new(big.Int).Sub(A, B))
			s, ok = MulInt64(a, b)
			check("Mul", s, ok, new(big.Int).Mul(A, B))
			if b != 0 {
				s, ok = QuoInt64(a, b)
				check("Quo", s, ok, new(big.Int).Quo(A, B))
				s, ok = RemInt64(a, b)
				check("Rem", s, ok, new(big.Int).Rem(A, B))
				m := new(big.Int).Rem(A, B)
				if m.Sign() != 0 && m.Sign() != B.Sign() {
					m.Add(m, B)
				}
				s, ok = ModInt64(a, b)
				check("Mod", s, ok, m)
			} else if _, ok := QuoInt64(a, b); ok {
				t.Errorf("Quo(%d, 0) ok", a)
			}
		}
		n, ok := NegInt64(a)
		if want := new(big.Int).Neg(big.NewInt(a)); ok != want.IsInt64() || (ok && n != want.Int64()) {
			t.Errorf("Neg(%d) = %d, %v", a, n, ok)
		}
	}
}

func TestRerunTurnsSpeculationOff(t *testing.T) {
	th := NewThread()
	if !th.Speculating() {
		t.Fatal("a new thread does not speculate")
	}
	var inside bool
	th.Rerun(func() Value {
		th.Rerun(func() Value { inside = th.Speculating(); return Unspecified })
		if th.Speculating() {
			t.Error("speculating again after an inner rerun returned inside an outer one")
		}
		return Unspecified
	})
	if inside || !th.Speculating() {
		t.Errorf("inside a rerun: speculating %v; after it: %v", inside, th.Speculating())
	}
	// An error escaping a rerun must not leave speculation off.
	func() {
		defer func() { recover() }()
		th.Rerun(func() Value { panic("escape") })
	}()
	if !th.Speculating() {
		t.Error("speculation stays off after a panic through Rerun")
	}
}
