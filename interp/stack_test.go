package interp

import (
	"runtime"
	"strings"
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
	if m := maxLiveHeap(t, "fibc.scm", src); m > 32<<20 {
		t.Errorf("live heap reached %d MB", m>>20)
	}
}

// TestResumedLoopIsIterative checks that a loop whose body captures a
// continuation on every iteration, and goes round by a tail call made
// from a resumed frame, runs in constant space: the frames that only
// pass values through (rt.PushPassFrame) must not pile up in the
// continuation, one per iteration.
func TestResumedLoopIsIterative(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a continuation-heavy program")
	}
	src := `(define (make-generator n)
  (define return #f)
  (define resume
    (lambda (ignored)
      (let loop ((i 0))
        (if (< i n) (begin (call/cc (lambda (k) (set! resume k) (return i))) (loop (+ i 1)))))
      (return 'done)))
  (lambda () (call/cc (lambda (r) (set! return r) (resume #f)))))
(define g (make-generator 200000))
;; drain has a self tail call, so its activations push a frame that
;; loops when they unwind, but it goes round through next.
(define (drain g acc)
  (if (< acc 0)
      (drain g 0)
      (let ((x (g)))
        (if (eq? x 'done) acc (next g (+ acc x))))))
(define (next g acc) (drain g acc))
(drain g 0)
`
	if m := maxLiveHeap(t, "gen.scm", src); m > 24<<20 {
		t.Errorf("live heap reached %d MB", m>>20)
	}
}

// TestEscapesGiveFramesBack checks that the frames of activations a
// non-local exit ends are given back: escaping from ten nested
// activations a hundred thousand times — by an escape-only continuation,
// by a raise caught by guard, by a re-entrant continuation invoked back
// to its driver — must not grow the frame stack.
func TestEscapesGiveFramesBack(t *testing.T) {
	if testing.Short() {
		t.Skip("runs many escapes")
	}
	deep := "(define (deep n k) (if (= n 0) (k n) (+ 1 (deep (- n 1) k))))\n"
	loop := `(define (run i acc)
  (if (= i 0) acc (run (- i 1) (+ acc EXIT))))
(run 100000 0)
`
	for _, tc := range []struct{ name, src string }{
		{"call/cc", deep + strings.Replace(loop, "EXIT", "(call/cc (lambda (k) (deep 10 k)))", 1)},
		{"guard", deep + strings.Replace(loop, "EXIT", "(guard (e (#t 1)) (deep 10 (lambda (n) (raise n))))", 1)},
		{"re-entry", deep + `(define saved #f)
(define count 0)
(define (reenter)
  (+ 1 (call/cc (lambda (k) (set! saved k) 0)))
  (set! count (+ count 1))
  (if (< count 100000) (deep 10 (lambda (n) (saved n)))))
(reenter)
`},
	} {
		prog, err := analyze.Frontend("escapes.scm", tc.src, analyze.Options{})
		if err != nil {
			t.Fatal(err)
		}
		before := chunkValues.Load()
		if err := rt.Run(func(th *rt.Thread) { Compile(prog, NewGlobals()).Run(th) }); err != nil {
			t.Fatal(err)
		}
		// The program needs a few dozen values of stack at a time;
		// keeping the frames of every escape would take millions.
		if made := chunkValues.Load() - before; made > 1<<16 {
			t.Errorf("%s: the frame stack grew by %d values", tc.name, made)
		}
	}
}

// maxLiveHeap runs the program src interpreted and returns the largest
// live heap seen after a forced collection, sampled every 50 ms.
func maxLiveHeap(t *testing.T, name, src string) uint64 {
	t.Helper()
	prog, err := analyze.Frontend(name, src, analyze.Options{})
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
	return atomic.LoadUint64(&most)
}
