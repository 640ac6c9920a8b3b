package interp

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/rt"
)

// TestFrozenFramesDoNotChain checks that frames kept by re-entrant
// continuations do not keep the frames of earlier, dead continuations
// alive through stale values in the frame stack: a program capturing
// continuations in a loop (each passed down and invoked, as in fibc) must
// run in a bounded heap.
func TestFrozenFramesDoNotChain(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a continuation-heavy program")
	}
	src := `(define (succ n) (+ n 1))
(define (pred n) (- n 1))
(define (addc x y k) (if (zero? y) (k x) (addc (succ x) (pred y) k)))
(define (fibc x c)
  (if (zero? x) (c 0)
      (if (zero? (pred x)) (c 1)
          (addc (call/cc (lambda (c) (fibc (pred x) c)))
                (call/cc (lambda (c) (fibc (pred (pred x)) c)))
                c))))
(define (loop i) (if (> i 0) (begin (call/cc (lambda (k) (fibc 18 k))) (loop (- i 1)))))
(loop 60)
`
	prog, err := analyze.Frontend("fibc.scm", src, analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var done atomic.Bool
	var most uint64
	go func() {
		var ms runtime.MemStats
		for !done.Load() {
			time.Sleep(50 * time.Millisecond)
			runtime.GC()
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > atomic.LoadUint64(&most) {
				atomic.StoreUint64(&most, ms.HeapAlloc)
			}
		}
	}()
	err = rt.Run(func(th *rt.Thread) { Compile(prog, NewGlobals()).Run(th) })
	done.Store(true)
	if err != nil {
		t.Fatal(err)
	}
	if m := atomic.LoadUint64(&most); m > 32<<20 {
		t.Errorf("live heap reached %d MB", m>>20)
	}
}
