;; Types of immutable variables proven by predicates, constructors and
;; earlier checks drop the later checks.
(define (len l)     ; explain: len: not unboxed: pair? is not a fixnum operation here (at 4:7)
  (if (pair? l) (+ 1 (len (cdr l))) 0))     ; explain: cdr: l proven a pair, type check dropped
(define (swap! p)     ; explain: swap!: not unboxed: car is not a fixnum operation here (at 6:12)
  (let ((a (car p)))
    (set-car! p (cdr p))     ; explain: set-car!: p proven a pair, type check dropped ; explain: cdr: p proven a pair, type check dropped
    (set-cdr! p a)     ; explain: set-cdr!: p proven a pair, type check dropped
    p))
(define (vlen v)     ; explain: vlen: not unboxed: vector? is not a fixnum operation here (at 11:7)
  (if (vector? v) (vector-length v) -1))     ; explain: vector-length: v proven a vector, type check dropped
(define (after-if x)     ; explain: after-if: not unboxed: effect in a sequence (at 13:3)
  (if (pair? x) 1 2) (car x))     ; no note on car: (pair? x) holds in one branch only, so the check stays
(display (list (len '(1 2)) (swap! (cons 1 2)) (vlen (vector 1)) (after-if '(3))))
