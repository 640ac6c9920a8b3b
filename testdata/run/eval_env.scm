; eval and environments (R7RS 6.12): compiled programs link the evaluator.
(write (eval '(* 7 3) (environment '(scheme base)))) (newline)
(write (eval (list '+ 1 2) (scheme-report-environment 5))) (newline)
(define env (interaction-environment))
(eval '(define (sq x) (* x x)) env)
(write (eval '(sq 12) env)) (newline)
(eval '(define-syntax twice (syntax-rules () ((_ e) (begin e e)))) env)
(write (eval '(let ((n 0)) (twice (set! n (+ n 1))) n) env)) (newline)
(write (eval (list 'quote car) env)) (newline)
(write ((eval (list 'lambda '(x) (list car 'x))) '(9 8))) (newline)
(write (eval '(let-values (((a b) (values 1 2))) (+ a b)) (environment '(scheme base)))) (newline)
(write (guard (e (#t (error-object-message e)))
  (eval '(car '()) (environment '(only (scheme base) car quote))))) (newline)
(eval '(list 1) (environment '(only (scheme base) car)))
;; expect-error: eval_env.scm:14:1: eval: undefined: list
;; expect-stdout:
;; 21
;; 3
;; 144
;; 2
;; #<procedure car>
;; 9
;; 3
;; "car: expected pair, got ()"
