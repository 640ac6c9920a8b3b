;; Tests: or binds its first test to a variable, case compares with eqv?;
;; both stay on int64. A one-armed when has an unspecified value.
(define (small? n) (if (or (= n 0) (= n 1)) 1 (* n 2)))     ; explain: small?: int64 entry (generic entry on overflow) ; explain: n: fixnum, unboxed
(define (digit n)     ; explain: digit: int64 entry (generic entry on overflow) ; explain: n: fixnum, unboxed
  (case n
    ((0 1 2 3 4 5 6 7 8 9) 1)
    (else 0)))
(define (maybe n) (when (> n 0) n))     ; explain: maybe: not unboxed: constant #<unspecified> is not a fixnum (at 8:19)
(display (list (small? 1) (small? 5) (digit 7) (digit 12) (maybe 3)))
(newline)
