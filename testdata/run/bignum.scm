;; Fixnums overflow to bignums and come back.
(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))
(display (fact 25)) (newline)
(display (- (+ 9223372036854775807 1) 1)) (newline)
(display (* 4294967296 4294967296)) (newline)
(display (quotient (fact 30) (fact 28))) (newline)
(display (inexact 1/3)) (newline)
;; expect-stdout:
;; 15511210043330985984000000
;; 9223372036854775807
;; 18446744073709551616
;; 870
;; 0.3333333333333333
