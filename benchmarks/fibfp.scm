;; fibfp: doubly recursive Fibonacci on flonums; measures float
;; arithmetic and comparisons in non-tail calls (boxing, if not unboxed).
;; expect-stdout:
;; 39088169
(import (scheme base) (scheme write))

(define (fibfp n)
  (if (< n 2.)
      n
      (+ (fibfp (- n 1.)) (fibfp (- n 2.)))))

(display (exact (fibfp 38.))) (newline)
