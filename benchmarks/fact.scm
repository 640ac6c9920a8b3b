;; fact: factorials of a few thousand as exact integers, converted to
;; decimal strings; measures bignum-by-fixnum multiplication and
;; number->string on bignums.
;; expect-stdout:
;; 2568
;; 40238726007709377354
;; 3991480
(import (scheme base) (scheme write) (scheme char))

(define (fact n)
  (let loop ((i 2) (acc 1))
    (if (> i n) acc (loop (+ i 1) (* acc i)))))

(define (digit-sum s)
  (let loop ((i 0) (sum 0))
    (if (= i (string-length s))
        sum
        (loop (+ i 1) (+ sum (digit-value (string-ref s i)))))))

(define (run n)
  (let loop ((k 1000) (total 0))
    (if (> k n)
        total
        (let ((s (number->string (fact k))))
          (loop (+ k 1000) (+ total (string-length s) (digit-sum s)))))))

(let ((s (number->string (fact 1000))))
  (display (string-length s)) (newline)
  (display (substring s 0 20)) (newline))
(display (run 20000)) (newline)
