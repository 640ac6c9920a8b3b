;; The closures pass: local procedures (internal define, named let, letrec)
;; that are only called need no procedure object; calls to them are direct.
(import (scheme base) (scheme write))

;; cpstak's shape: tak is only called, and uses no enclosing variable.
(define (cpstak x y z)     ; explain: cpstak: not unboxed: makes a closure (at 11:14)
  (define (tak x y z k)     ; explain: tak does not escape: compiled as a Go loop ; explain: tak does not escape: direct calls, lifted to a Go function (no free variables) ; explain: k: procedure
    (if (not (< y x))
        (k z)
        (tak (- x 1) y z (lambda (v1) (tak v1 y z k)))))
  (tak x y z (lambda (a) a)))

;; A helper with a free variable is a Go closure, still called directly.
(define (scale-all k lst)     ; explain: scale-all: not unboxed: defines local procedures (at 14:1) ; explain: lst: non-empty list
  (define (scale x) (* k x))     ; explain: scale does not escape: direct calls
  (define (walk l) (if (null? l) '() (cons (scale (car l)) (walk (cdr l)))))     ; explain: walk does not escape: direct calls ; explain: l: list ; explain: car: l proven a pair, type check dropped ; explain: cdr: l proven a pair, type check dropped ; BAD: walk could be lifted too if scale were passed k; only lambdas with no free variables are lifted
  (walk lst))

;; Escaping: passed to map, returned, or called with the wrong count.
(define (escapes lst)     ; explain: escapes: not unboxed: defines local procedures (at 20:1)
  (define (inc x) (+ x 1))     ; explain: inc: closure allocated (escapes: used as a value at 24:14)
  (define (get) lst)     ; explain: get: closure allocated (escapes: used as a value at 24:23)
  (define (two a b) (list a b))     ; explain: two: closure allocated (called with 1 argument at 24:43)
  (list (map inc lst) get (if (null? lst) (two 1) (two 1 2))))

;; Mutual tail recursion: one Go function, tail calls are jumps.
(define (parity n)     ; explain: parity: not unboxed: defines local procedures (at 27:1)
  (define (ev? n) (if (= n 0) #t (od? (- n 1))))     ; explain: ev? does not escape: direct calls; mutual tail calls with od? compiled as one Go function (switch loop, lifted)
  (define (od? n) (if (= n 0) #f (ev? (- n 1))))     ; explain: od? does not escape: direct calls; mutual tail calls with ev? compiled as one Go function (switch loop, lifted)
  (ev? n))

;; A procedure after an init that may call it stays a closure.
;; Mutual tail calls across nested letrecs (a named let inside another)
;; are not merged: they keep the trampoline.
(define (nested n)     ; explain: nested: int64 entry (generic entry on overflow) ; explain: n: fixnum, unboxed
  (let outer ((i 0))     ; explain: outer does not escape: compiled in place, its calls are jumps ; explain: i: fixnum, unboxed
    (let inner ((j i))     ; explain: inner does not escape: compiled as a Go loop ; explain: inner does not escape: compiled in place, its calls are jumps ; explain: j: fixnum, unboxed
      (if (> j n) j (if (odd? j) (outer (+ j 1)) (inner (+ j 2)))))))

(define (early)
  (define (a) (b))     ; explain: a does not escape: direct calls
  (define x (a))
  (define (b) 1)     ; explain: b: closure allocated (may be called before it is defined)
  x)

(display (list (cpstak 3 2 1) (scale-all 2 '(1 2)) (parity 5)))
