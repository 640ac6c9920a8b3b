; R7RS 6.12 Environments and evaluation: environment, eval,
; scheme-report-environment, null-environment, interaction-environment.
(import (scheme base) (scheme eval) (scheme repl) (scheme write) (srfi 64)
        (only (scheme r5rs) scheme-report-environment null-environment))
(test-begin "r7rs-6.12")
(test-eqv 21 (eval '(* 7 3) (environment '(scheme base))))
(test-eqv 20 (let ((f (eval '(lambda (f x) (f x x)) (null-environment 5))))
               (f + 10)))
(test-eqv 7 (eval '(+ 3 4) (scheme-report-environment 5)))
;; the null environment has the syntactic keywords of R5RS only
(test-eq 'yes (eval '(let ((x 1)) (if x 'yes 'no)) (null-environment 5)))
(test-error (eval '(car '(1)) (null-environment 5)))
(test-error (null-environment 7))
(test-equal '(1 2) (eval '(list 1 2) (environment '(scheme base))))
(test-eqv 2.0 (eval '(sqrt 4.0) (environment '(scheme base) '(scheme inexact))))
(test-eqv 3 (eval '(let-values (((a b) (values 1 2))) (+ a b)) (environment '(scheme base))))
(test-equal '(b . a) (eval '(let ((x 'a) (y 'b)) (cons y x)) (environment '(scheme base))))
;; an environment only sees what its import sets export
(test-error (eval '(sqrt 4) (environment '(scheme base))))
(test-error (eval '(car '()) (environment '(scheme base))))
;; import sets with only/prefix/rename
(test-eqv 3 (eval '(p:+ 1 2) (environment '(prefix (only (scheme base) +) p:))))
(test-eqv 6 (eval '(plus 1 2 3) (environment '(rename (only (scheme base) +) (+ plus)))))
(test-error (environment '(no such library)))
;; macros work inside eval
(test-eqv 4 (eval '(let-syntax ((dbl (syntax-rules () ((_ x) (* 2 x))))) (dbl 2))
                  (environment '(scheme base))))
;; interaction-environment is mutable: definitions persist
(eval '(define eval-test-var 10) (interaction-environment))
(test-eqv 11 (eval '(+ eval-test-var 1) (interaction-environment)))
(eval '(define (eval-test-fn x) (* x eval-test-var)) (interaction-environment))
(test-eqv 30 (eval '(eval-test-fn 3) (interaction-environment)))
(eval '(set! eval-test-var 2) (interaction-environment))
(test-eqv 6 (eval '(eval-test-fn 3) (interaction-environment)))
;; eval of self-evaluating data and quoted structure
(test-eqv 5 (eval 5 (environment '(scheme base))))
(test-equal "s" (eval "s" (environment '(scheme base))))
(test-equal '(a b) (eval ''(a b) (environment '(scheme base))))
(test-eq #t (eval '(procedure? car) (scheme-report-environment 5)))
(test-end "r7rs-6.12")
;; expect-stdout:
;; %%%% Starting test r7rs-6.12
;; # of expected passes      23
