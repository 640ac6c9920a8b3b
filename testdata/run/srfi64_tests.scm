; SRFI 64: a user's test suite, with passes, failures, expected failures,
; skips, groups and errors.
(import (scheme base) (scheme write) (scheme inexact) (srfi 64))
(test-begin "arith")
(test-assert "positive" (> 3 2))
(test-equal "sum" 10 (+ 1 2 3 4))
(test-eqv 4 (* 2 2))
(test-eq 'a (car '(a b)))
(test-approximate "pi-ish" 3.14 (* 4 (atan 1)) 0.01)
(test-error "car of empty" #t (car '()))
(test-error (vector-ref (vector 1 2) 5))
(test-group "inner"
  (test-equal "inner sum" 3 (+ 1 2))
  (test-equal "wrong on purpose" 5 (+ 2 2)))
(test-expect-fail "known bug")
(test-equal "known bug" 1 2)
(test-skip 1)
(test-assert "skipped" (car '()))
(test-assert "raises" (car '()))
(define r (test-runner-current))
(write (list (test-runner-pass-count r) (test-runner-fail-count r)
             (test-runner-xfail-count r) (test-runner-skip-count r)))
(newline)
(test-end "arith")
;; expect-stdout:
;; %%%% Starting test arith
;; FAIL wrong on purpose
;;   expression: (+ 2 2)
;;   expected: 5
;;   actual:   4
;; FAIL raises
;;   expression: (car (quote ()))
;;   raised: car: expected pair, got ()
;; (8 2 1 1)
;; # of expected passes      8
;; # of expected failures    1
;; # of unexpected failures  2
;; # of skipped tests        1
