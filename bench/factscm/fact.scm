;; fact: linear non-tail recursion whose result overflows int64 from n = 21
;; on. The int64 entry that fxspec gives fact fails at the top of the
;; recursion, and the generic code reruns with speculation off; this
;; package measures that the speculation costs at most about as much again
;; as the generic code, for every n (not a growing factor: no quadratic
;; retrying).
(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))

(display (string-length (number->string (fact 1000))))
(newline)
