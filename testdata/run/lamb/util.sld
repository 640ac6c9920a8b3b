; A user library found on the search path (the program's directory).
(define-library (lamb util)
  (export double (rename triple thrice) counter-next! swap! helper-calls)
  (import (scheme base))
  (begin
    (define calls 0)
    (define (helper x) (set! calls (+ calls 1)) x)
    (define (helper-calls) calls)
    (define (double x) (* 2 (helper x)))
    (define (triple x) (* 3 (helper x)))
    (define count 0)
    (define (counter-next!) (set! count (+ count 1)) count)
    ; a macro whose template names the library's private helper
    (define-syntax swap!
      (syntax-rules ()
        ((_ a b) (let ((tmp (helper a))) (set! a b) (set! b tmp)))))))
