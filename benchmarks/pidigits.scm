;; pidigits: the first digits of pi by Gibbons' unbounded spigot algorithm
;; on exact integers; measures bignum multiplication and division. Prints
;; the last ten digits computed and the sum of all of them.
;; expect-stdout:
;; (8 1 7 4 3 2 4 1 1 2)
;; 11537
(import (scheme base) (scheme write))

(define (pi-digits n)
  ;; State (q r t k); a digit is safe once floor((3q+r)/t) = floor((4q+r)/t).
  (let loop ((q 1) (r 0) (t 1) (k 1) (m 3) (x 3) (count 0) (acc '()))
    (if (= count n)
        (reverse acc)
        (if (< (+ (* 4 q) r (- t)) (* m t))
            (loop (* 10 q) (* 10 (- r (* m t))) t k
                  (- (quotient (* 10 (+ (* 3 q) r)) t) (* 10 m))
                  x (+ count 1) (cons m acc))
            (loop (* q k) (* (+ (* 2 q) r) x) (* t x) (+ k 1)
                  (quotient (+ (* q (+ (* 7 k) 2)) (* r x)) (* t x))
                  (+ x 2) count acc)))))

(define digits (pi-digits 2500))
(display (list-tail digits (- (length digits) 10))) (newline)
(display (apply + digits)) (newline)
