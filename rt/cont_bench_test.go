package rt

import "testing"

// These benchmarks measure the costs DESIGN §6 asks for: escape-only
// call/cc (panic/recover) when the continuation is not used, when it
// escapes from the receiver itself and from under nested frames; and the
// re-entrant machinery (resume.go): a capture through resumable frames,
// and a generator-style resume.

func proc1(f func(t *Thread, a Value) Value) Value {
	return NewProc(&Procedure{ProcCode: &ProcCode{F1: f, ProcInfo: &ProcInfo{Req: 1, Max: 1}}})
}

// nest calls body under n Go frames that each make a plain call.
func nest(t *Thread, n int, body func() Value) Value {
	if n == 0 {
		return body()
	}
	return nest(t, n-1, body)
}

func BenchmarkCallCCNoEscape(b *testing.B) {
	t := NewThread()
	recv := proc1(func(t *Thread, k Value) Value { return Fixnum(1) })
	for b.Loop() {
		CallWithCurrentContinuation(t, recv)
	}
}

func BenchmarkCallCCEscape(b *testing.B) {
	for _, depth := range []int{0, 10, 100} {
		b.Run("depth="+itoa(depth), func(b *testing.B) {
			t := NewThread()
			recv := proc1(func(t *Thread, k Value) Value {
				return nest(t, depth, func() Value { return t.Call1(k, Fixnum(1)) })
			})
			for b.Loop() {
				CallWithCurrentContinuation(t, recv)
			}
		})
	}
}

// resumableNest is nest written resumably: each level pushes a frame when
// its callee unwinds.
func resumableNest(t *Thread, n int, body func() Value) Value {
	if n == 0 {
		return body()
	}
	return t.then(resumableNest(t, n-1, body), func(t *Thread, v Value) Value { return v })
}

func BenchmarkReentrantCapture(b *testing.B) {
	for _, depth := range []int{0, 10, 100} {
		b.Run("depth="+itoa(depth), func(b *testing.B) {
			t := NewThread()
			t.Resumable = true
			recv := proc1(func(t *Thread, k Value) Value { return Fixnum(1) })
			for b.Loop() {
				t.Drive(func(t *Thread) Value {
					return resumableNest(t, depth, func() Value { return CallWithCurrentContinuation(t, recv) })
				})
			}
		})
	}
}

func BenchmarkReentrantInvoke(b *testing.B) {
	t := NewThread()
	t.Resumable = true
	var k Value
	recv := proc1(func(t *Thread, c Value) Value { k = c; return Fixnum(0) })
	n := 0
	for b.Loop() {
		// Capture once, then re-enter the continuation 100 times.
		n = 0
		t.Drive(func(t *Thread) Value {
			return t.then(CallWithCurrentContinuation(t, recv), func(t *Thread, v Value) Value {
				if n++; n <= 100 {
					return t.CallR1(k, Fixnum(int64(n)))
				}
				return v
			})
		})
	}
	if n != 101 {
		b.Fatalf("re-entered %d times", n-1)
	}
}
