;; sumfp: a named-let loop summing flonums 0 + 1 + ... + n, repeated;
;; measures a tight float loop (a Go loop over float64 when unboxed).
;; expect-stdout:
;; 500000500000
;; 600
(import (scheme base) (scheme write))

(define (sum n)
  (let loop ((i n) (acc 0.))
    (if (< i 0.)
        acc
        (loop (- i 1.) (+ acc i)))))

(define (repeat k count)
  (if (= k 0)
      count
      (repeat (- k 1) (if (= (sum 1e5) 5000050000.) (+ count 1) count))))

(display (exact (sum 1e6))) (newline)
(display (repeat 600 0)) (newline)
