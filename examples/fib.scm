;; fib.scm: the classic doubly recursive Fibonacci function.
;; Run it: lambdustc run examples/fib.scm   (or --interp to interpret)
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))

(display (fib 30))
(newline)
;; expect-stdout:
;; 832040
