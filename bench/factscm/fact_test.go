package factscm

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/lambdust/lambdust/rt"
)

func TestCompiledFactIsExact(t *testing.T) {
	th := rt.NewThread()
	want := big.NewInt(1)
	for n := int64(0); n <= 300; n++ {
		if n > 0 {
			want.Mul(want, big.NewInt(n))
		}
		if got := rt.WriteString(fact(th, rt.Fixnum(n))); got != want.String() {
			t.Fatalf("fact(%d) = %s, want %s", n, got, want)
		}
		if !th.Speculating() {
			t.Fatalf("speculation still off after fact(%d)", n)
		}
	}
}

// BenchmarkFact compares fact(n), which tries the int64 entry first, with
// the generic code alone (run with speculation off, as a rerun runs). The
// ratio of the two must not grow with n.
func BenchmarkFact(b *testing.B) {
	for _, n := range []int64{5000, 10000, 20000} {
		b.Run(fmt.Sprintf("n=%d/speculating", n), func(b *testing.B) {
			th := rt.NewThread()
			for b.Loop() {
				fact(th, rt.Fixnum(n))
			}
		})
		b.Run(fmt.Sprintf("n=%d/generic", n), func(b *testing.B) {
			th := rt.NewThread()
			for b.Loop() {
				th.Rerun(func() rt.Value { return fact(th, rt.Fixnum(n)) })
			}
		})
	}
}
