; R7RS 4.2.6 Dynamic bindings: make-parameter (with and without a
; converter) and parameterize.
(import (scheme base) (scheme write) (scheme lazy) (srfi 64))
(test-begin "r7rs-4.2.6")

(define radix
  (make-parameter
   10
   (lambda (x)
     (if (and (exact-integer? x) (<= 2 x 16))
         x
         (error "invalid radix")))))
(define (f n) (number->string n (radix)))
(test-equal "12" (f 12))
(test-equal "1100" (parameterize ((radix 2)) (f 12)))
(test-equal "12" (f 12))
(test-error (parameterize ((radix 0)) (f 12)))
(test-equal "12" (f 12))

(define p (make-parameter 1))
(test-eqv 1 (p))
(test-eqv 2 (parameterize ((p 2)) (p)))
(test-eqv 1 (p))
;; nesting, and the innermost binding wins
(test-equal '(2 3 2) (parameterize ((p 2))
                       (list (p) (parameterize ((p 3)) (p)) (p))))
;; several parameters at once
(define q (make-parameter 'q))
(test-equal '(a b) (parameterize ((p 'a) (q 'b)) (list (p) (q))))
;; the converter is applied to the initial value and to parameterized values
(define doubled (make-parameter 5 (lambda (x) (* x 2))))
(test-eqv 10 (doubled))
(test-eqv 6 (parameterize ((doubled 3)) (doubled)))
;; the previous value is restored without conversion
(test-eqv 10 (begin (parameterize ((doubled 1)) 'ignore) (doubled)))
;; dynamic, not lexical: a procedure sees the binding of its caller
(define (show) (p))
(test-eqv 'dyn (parameterize ((p 'dyn)) (show)))
;; restored on a non-local exit
(test-eqv 1 (begin (guard (e (#t #f)) (parameterize ((p 'inside)) (raise 'oops))) (p)))
(test-eqv 1 (begin (call/cc (lambda (k) (parameterize ((p 'inside)) (k 'out)))) (p)))
;; the body may contain definitions and returns its last value
(test-eqv 8 (parameterize ((p 4)) (define y (* (p) 2)) y))
;; param and value expressions are ordinary expressions
(test-eqv 'z (parameterize (((if #t p q) 'z)) (p)))
;; parameter objects are procedures
(test-assert (procedure? p))
;; a parameterized value seen by a delayed expression forced inside
(test-eqv 'forced (parameterize ((p 'forced)) (force (delay (p)))))

(test-end "r7rs-4.2.6")
;; expect-stdout:
;; %%%% Starting test r7rs-4.2.6
;; # of expected passes      20
