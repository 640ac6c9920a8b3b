;; Jumps from inner named lets to outer ones in unboxed entries, and a
;; loop that is not in tail position (no jump allowed from it).
(import (scheme base) (scheme write))

(define (grid-count n limit)
  (let rows ((y 0) (total 0))
    (if (= y n)
        total
        (let ((fy (* 0.5 y)))
          (let cols ((x 0) (total total))
            (if (= x n)
                (rows (+ y 1) total)
                (cols (+ x 1) (if (< (+ fy (* 0.25 x)) limit) (+ total 1) total))))))))

(define (first-pair-sum n target)
  (let outer ((i 0))
    (if (> i n)
        -1.
        (let inner ((j i))
          (cond ((> j n) (outer (+ i 1)))
                ((= (+ (* i 1.5) (* j 2.5)) target) (+ (* 100. i) j))
                (else (inner (+ j 1))))))))

(define (nested-sum n)
  (let outer ((i 0) (acc 0.))
    (if (= i n)
        acc
        (outer (+ i 1) (+ acc (let inner ((j 0) (s 0.)) (if (= j i) s (inner (+ j 1) (+ s 0.5)))))))))

(display (list (grid-count 10 3.) (grid-count 0 1.) (first-pair-sum 10 20.) (first-pair-sum 3 1000.) (nested-sum 10)))
(newline)
;; expect-stdout:
;; (40 0 8.0 -1.0 22.5)
