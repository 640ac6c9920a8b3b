; R7RS 4.2.7 Exception handling: guard (with cond clauses, =>, else and
; re-raise when no clause matches).
(import (scheme base) (scheme write) (srfi 64))
(test-begin "r7rs-4.2.7")

(test-eqv 42 (guard (condition ((assq 'a condition) => cdr) ((assq 'b condition)))
               (raise (list (cons 'a 42)))))
(test-equal '(b . 23) (guard (condition ((assq 'a condition) => cdr) ((assq 'b condition)))
                        (raise (list (cons 'b 23)))))
(test-eq 'caught (guard (e (#t 'caught)) (raise 'boom)))
(test-eq 'boom (guard (e (else e)) (raise 'boom)))
(test-eq 'sym (guard (e ((symbol? e) 'sym) ((string? e) 'str)) (raise 'x)))
(test-eq 'str (guard (e ((symbol? e) 'sym) ((string? e) 'str)) (raise "x")))
;; no exception: the body's value
(test-eqv 3 (guard (e (#t 'no)) (+ 1 2)))
;; the body may contain definitions
(test-eqv 6 (guard (e (#t 'no)) (define a 3) (* a 2)))
;; error objects
(test-equal "bad thing" (guard (e ((error-object? e) (error-object-message e)))
                          (error "bad thing" 1 2)))
(test-equal '(1 2) (guard (e ((error-object? e) (error-object-irritants e)))
                     (error "bad thing" 1 2)))
;; errors raised by primitives are caught too
(test-eq 'caught (guard (e (#t 'caught)) (car '())))
;; no clause matches: re-raised to the outer handler
(test-eq 'outer (guard (e ((eq? e 'x) 'outer))
                  (guard (e ((eq? e 'y) 'inner))
                    (raise 'x))))
;; re-raise is done with raise-continuable in the original raise's dynamic environment
(test-eqv 43 (with-exception-handler
              (lambda (e) 42)
              (lambda ()
                (+ 1 (guard (e ((string? e) 'never))
                       (raise-continuable 'not-a-string))))))
;; the handler runs in the guard's dynamic environment: parameterize is undone
(define p (make-parameter 'outside))
(test-eq 'outside (guard (e (#t (p))) (parameterize ((p 'inside)) (raise 'x))))
;; dynamic-wind after thunks run before the clauses
(let ((log '()))
  (guard (e (#t (set! log (cons 'handler log))))
    (dynamic-wind
     (lambda () (set! log (cons 'before log)))
     (lambda () (raise 'x))
     (lambda () (set! log (cons 'after log)))))
  (test-equal '(handler after before) log))
;; the clauses are in tail position w.r.t. the guard
(test-eqv 10 (guard (e ((number? e) (* e 2))) (raise 5)))
;; the guard variable is local to the clauses
(define e 'global)
(test-eq 'global (begin (guard (e (#t e)) (raise 'x)) e))
;; guard within a loop
(test-equal '(0 err 2 err 4)
            (map (lambda (i) (guard (e ((eq? e 'odd) 'err)) (if (odd? i) (raise 'odd) i)))
                 '(0 1 2 3 4)))
;; a raised object can be anything
(test-equal #(1 2) (guard (e (#t e)) (raise (vector 1 2))))
;; a guard inside the handler of another guard
(test-eq 'second (guard (e1 (#t (guard (e2 (#t e2)) (raise 'second)))) (raise 'first)))

(test-end "r7rs-4.2.7")
;; expect-stdout:
;; %%%% Starting test r7rs-4.2.7
;; # of expected passes      20
