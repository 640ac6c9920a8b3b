package rt

import (
	"math"
	"math/big"
	"math/rand"
	"testing"
)

// TestBitwiseFastPaths checks the fixnum fast paths of SRFI 151 against
// math/big on the same values, including the edges of the fixnum range.
func TestBitwiseFastPaths(t *testing.T) {
	th := NewThread()
	rng := rand.New(rand.NewSource(151))
	vals := []int64{0, 1, -1, 2, -2, 63, -64, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1, 1 << 62, -(1 << 62)}
	for i := 0; i < 200; i++ {
		vals = append(vals, rng.Int63()>>uint(rng.Intn(63))*int64(1-2*rng.Intn(2)))
	}
	same := func(what string, got Value, want *big.Int) {
		t.Helper()
		if w := Bignum(want); !Eqv(got, w) {
			t.Errorf("%s = %s, want %s", what, WriteString(got), WriteString(w))
		}
	}
	for _, x := range vals {
		bx := big.NewInt(x)
		fx := Fixnum(x)
		same("not", BitwiseNot(th, fx), new(big.Int).Not(bx))
		n := 0
		c := new(big.Int).Set(bx)
		if c.Sign() < 0 {
			c.Not(c)
		}
		for k := 0; k < c.BitLen(); k++ {
			n += int(c.Bit(k))
		}
		same("bit-count", BitCount(th, fx), big.NewInt(int64(n)))
		same("integer-length", IntegerLength(th, fx), big.NewInt(int64(c.BitLen())))
		for _, s := range []int64{0, 1, 5, 62, 63, 64, 100, -1, -5, -62, -63, -64, -100} {
			want := new(big.Int)
			if s >= 0 {
				want.Lsh(bx, uint(s))
			} else {
				want.Rsh(bx, uint(-s))
			}
			same("arithmetic-shift", ArithmeticShift(th, fx, Fixnum(s)), want)
		}
		for _, k := range []int{0, 1, 30, 62, 63, 64, 200} {
			if got, want := testBit(fx, k), bx.Bit(k) == 1; got != want {
				t.Errorf("bit %d of %d: %v, want %v", k, x, got, want)
			}
		}
		for _, y := range vals[:40] {
			by, fy := big.NewInt(y), Fixnum(y)
			same("and", BitwiseAnd(th, []Value{fx, fy}), new(big.Int).And(bx, by))
			same("ior", BitwiseIor(th, []Value{fx, fy}), new(big.Int).Or(bx, by))
			same("xor", BitwiseXor(th, []Value{fx, fy}), new(big.Int).Xor(bx, by))
			same("andc2", BitwiseAndc2(th, fx, fy), new(big.Int).AndNot(bx, by))
			same("orc1", BitwiseOrc1(th, fx, fy), new(big.Int).Or(new(big.Int).Not(bx), by))
			// The same operations with one operand as a bignum take the
			// math/big path; shifting back must give the same bits.
			hi := new(big.Int).Lsh(bx, 70)
			r := BitwiseAnd(th, []Value{Bignum(hi), Bignum(new(big.Int).Lsh(by, 70))})
			same("and (bignum)", ArithmeticShift(th, r, Fixnum(-70)), new(big.Int).And(bx, by))
		}
		for _, f := range [][2]int{{0, 0}, {0, 1}, {3, 9}, {0, 63}, {1, 64}, {60, 70}, {64, 65}} {
			want := new(big.Int).Rsh(bx, uint(f[0]))
			want.And(want, lowMask(f[1]-f[0]))
			same("bit-field", BitField(th, fx, Fixnum(int64(f[0])), Fixnum(int64(f[1]))), want)
		}
	}
}
