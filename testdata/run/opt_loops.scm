;; Named lets inside procedures that fxspec specialises run as labelled Go
;; loops in the int64 entry; the results must match the generic code,
;; including when a loop overflows into bignums.
(define (sum-to n)
  (let loop ((i 0) (acc 0))
    (if (> i n) acc (loop (+ i 1) (+ acc i)))))
(define (nested n)
  (+ 1 (let outer ((i 0) (acc 0))
         (if (= i n)
             acc
             (outer (+ i 1)
                    (let inner ((j 0) (s acc))
                      (if (= j i) s (inner (+ j 1) (+ s j)))))))))
(define (tail-nested n)
  (let outer ((i 0))
    (if (> i n)
        i
        (let inner ((j i))
          (if (> j 5) (* j 1000) (inner (+ j 2)))))))
(define (count-big n)
  (let loop ((i 0) (acc 9223372036854775800))
    (if (= i n) acc (loop (+ i 1) (+ acc 1)))))
(define (no-loop n) (+ 1 (let loop ((i n)) (* i 2))))
(define (step n) (let ((k 5)) (+ k (let loop ((i n)) (if (< i 10) (loop (+ i k)) i)))))
(define (collatz-steps n)
  (let loop ((n n) (steps 0))
    (cond ((= n 1) steps)
          ((even? n) (loop (quotient n 2) (+ steps 1)))
          (else (loop (+ (* 3 n) 1) (+ steps 1))))))
(display (sum-to 100)) (newline)
(display (sum-to 10000000)) (newline)
(display (nested 10)) (newline)
(display (list (tail-nested 3) (tail-nested -1))) (newline)
(display (count-big 20)) (newline)
(display (list (no-loop 4) (step 1) (step 4611686018427387904))) (newline)
(display (collatz-steps 27)) (newline)
(display (collatz-steps 6148914691236517205)) (newline)
(display (sum-to 1.5)) (newline)
;; Ranges refined by comparisons between variables and by sign tests leave
;; these operations unchecked; at the edges they must still be exact.
(define (inc-below i n) (if (< i n) (+ i 1) i))
(define (dec-above x y) (if (not (< y x)) x (- x 1)))
(define (dec-positive x) (if (positive? x) (- x 1) x))
(define (neg-nonneg x) (if (negative? x) 0 (- x)))
(display (list (inc-below 9223372036854775806 9223372036854775807) (inc-below 9223372036854775807 9223372036854775807)))
(newline)
(display (list (dec-above -9223372036854775807 -9223372036854775808) (dec-above -9223372036854775808 -9223372036854775808)))
(newline)
(display (list (dec-positive 1) (dec-positive -9223372036854775808) (neg-nonneg 9223372036854775807) (neg-nonneg -9223372036854775808)))
(newline)
;; A recursion deeper than rt.Int64MaxDepth leaves the int64 entry for the
;; generic code, which goes deeper still.
(define (sum-down n) (if (= n 0) 0 (+ n (sum-down (- n 1)))))
(display (sum-down 1000000)) (newline)
;; expect-stdout:
;; 5050
;; 50000005000000
;; 121
;; (6000 0)
;; 9223372036854775820
;; (9 16 4611686018427387909)
;; 111
;; 65
;; 1
;; (9223372036854775807 9223372036854775807)
;; (-9223372036854775808 -9223372036854775808)
;; (0 -9223372036854775808 -9223372036854775807 0)
;; 500000500000
