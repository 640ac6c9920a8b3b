;; tak: the Takeuchi function, repeated; measures non-tail fixnum calls
;; and comparisons (no allocation).
;; expect-stdout:
;; 7
;; 14000
(import (scheme base) (scheme write))

(define (tak x y z)
  (if (not (< y x))
      z
      (tak (tak (- x 1) y z)
           (tak (- y 1) z x)
           (tak (- z 1) x y))))

(define (repeat n acc)
  (if (= n 0)
      acc
      (repeat (- n 1) (+ acc (tak 18 12 6)))))

(display (tak 18 12 6)) (newline)
(display (repeat 2000 0)) (newline)
