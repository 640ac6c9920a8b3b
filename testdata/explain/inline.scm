;; The inline pass: constant folding and inlining of small procedures.
(define (succ x) (+ x 1))     ; explain: succ: int64 entry (generic entry on overflow) ; explain: x: fixnum, unboxed
(define (square x) (* x x))     ; explain: square: int64 entry (generic entry on overflow) ; explain: x: fixnum, unboxed
(define (poly x) #:inline #t     ; explain: poly: not unboxed: * is not a fixnum operation here (at 5:6)
  (+ (* x x x) (* 2 x x) (* 3 x) 4))
(define (keep x) #:inline #f (- x 1))     ; explain: keep: int64 entry (generic entry on overflow) ; explain: x: fixnum, unboxed
(define (count-down n) (if (= n 0) 0 (count-down (- n 1))))     ; explain: count-down: self tail calls compiled as a Go loop ; explain: count-down: int64 entry (generic entry on overflow) ; explain: n: fixnum, unboxed
(define (fact n) #:inline #t (if (= n 0) 1 (* n (fact (- n 1)))))     ; explain: fact: #:inline #t ignored: recursive ; explain: fact: int64 entry (generic entry on overflow) ; explain: n: fixnum, unboxed
;; succ and square are small, poly is declared #:inline #t; keep is
;; declared #:inline #f and count-down and fact are recursive: none of
;; these is inlined.
(define (use n)     ; explain: use: not unboxed: * is not a fixnum operation here (at 5:6)
  (list (succ n) (square (succ n)) (poly n) (keep n) (count-down n) (fact n)     ; explain: call to succ inlined ; explain: call to square inlined ; explain: call to succ inlined ; explain: call to poly inlined
        (+ 1 2) (< 1 2) (char->integer #\a) (quotient 1 0)))     ; explain: (+ 1 2) folded to 3 ; explain: (< 1 2) folded to #t ; explain: (char->integer #\a) folded to 97 ; explain: (quotient 1 0) not folded: raises at run time
;; constants propagate through let, and into the inlined copy
(define (with-consts)
  (let ((a 6) (b 7))
    (square (* a b))))     ; explain: call to square inlined, folded to 1764 ; explain: (* 6 7) folded to 42
;; top-level code runs once: its calls are not inlined
(display (use 3))
(display (with-consts))
(display (succ 41))
