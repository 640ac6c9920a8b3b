;; Flonums print in the shortest form that reads back, positional where
;; that is readable.
(for-each (lambda (x) (write x) (newline))
  (list 1234567.0 0.1 100.0 -2.5 1e21 1.5e-10 (/ 1.0 3) (sqrt 2) 1e100 (- 0.0)))
(define l (list 1 2 3))
(set-cdr! (cddr l) l)
(write l) (newline)
(display (guard-length l)) (newline)
(define (guard-length l) 0)
;; expect-stdout:
;; 1234567.0
;; 0.1
;; 100.0
;; -2.5
;; 1e21
;; 1.5e-10
;; 0.3333333333333333
;; 1.4142135623730951
;; 1e100
;; -0.0
;; #0=(1 2 3 . #0#)
;; expect-error: printing.scm:8:11: unbound variable: guard-length
