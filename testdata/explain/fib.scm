;; fib: the whole procedure runs on int64; in the else branch n >= 2, so
;; (- n 1) and (- n 2) cannot overflow, but the sum of the two calls can.
(define (fib n)     ; explain: fib: int64 entry (generic entry on overflow) ; explain: n: fixnum, unboxed
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))     ; explain: -: no overflow check (range proven) ; explain: -: no overflow check (range proven)

(display (fib 20))
(newline)
