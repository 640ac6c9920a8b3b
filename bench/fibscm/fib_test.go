package fibscm

import (
	"testing"

	"github.com/lambdust/lambdust/rt"
)

// fibGo is the limit DESIGN §4 measures against: hand-written int64 Go.
func fibGo(n int64) int64 {
	if n < 2 {
		return n
	}
	return fibGo(n-1) + fibGo(n-2)
}

func TestCompiledFibAgrees(t *testing.T) {
	th := rt.NewThread()
	for n := int64(0); n <= 25; n++ {
		got := fib(th, rt.Fixnum(n))
		if !got.IsFixnum() || got.Int() != fibGo(n) {
			t.Fatalf("fib(%d) = %s, want %d", n, rt.WriteString(got), fibGo(n))
		}
	}
}

var sink int64

// BenchmarkFib30 runs the compiled Scheme fib and the hand-written Go fib
// side by side; compare the two ns/op (benchstat, or by eye).
func BenchmarkFib30(b *testing.B) {
	b.Run("scheme-compiled", func(b *testing.B) {
		th := rt.NewThread()
		for b.Loop() {
			sink = fib(th, rt.Fixnum(30)).Int()
		}
	})
	b.Run("go-int64", func(b *testing.B) {
		for b.Loop() {
			sink = fibGo(30)
		}
	})
}
