;; with-exception-handler, raise, raise-continuable, error and error
;; objects (R7RS 6.11), and values / call-with-values (6.10).
(define (show . xs) (for-each display xs) (newline))
;; raise-continuable: the handler's value is the value of the raise.
(show (with-exception-handler
  (lambda (con) (cond ((string? con) (string-length con)) (else 0)))
  (lambda () (+ (raise-continuable "should be a number") 23))))
;; The handler runs with the outer handler installed: a raise inside it
;; goes outward.
(show (with-exception-handler
  (lambda (e) (list 'outer e))
  (lambda ()
    (with-exception-handler
      (lambda (e) (raise-continuable (list 'inner e)))
      (lambda () (raise-continuable 'x))))))
;; raise with an escaping handler.
(show (call/cc (lambda (k)
  (with-exception-handler
    (lambda (e) (k (list 'caught e)))
    (lambda () (raise 'oops) 'not-reached)))))
;; error makes an error object with message and irritants.
(show (call/cc (lambda (k)
  (with-exception-handler
    (lambda (e)
      (k (list (error-object? e) (error-object-message e) (error-object-irritants e))))
    (lambda () (error "bad thing:" 1 '(2 3)))))))
;; Errors from primitives are error objects too.
(show (call/cc (lambda (k)
  (with-exception-handler
    (lambda (e) (k (error-object? e)))
    (lambda () (vector-ref (vector 1 2) 5))))))
;; A raised non-condition is not an error object.
(show (call/cc (lambda (k)
  (with-exception-handler
    (lambda (e) (k (list (error-object? e) e)))
    (lambda () (raise 42))))))
;; A handler that returns from a non-continuable raise: a secondary error
;; is raised in the outer handler's dynamic environment.
(show (call/cc (lambda (k)
  (with-exception-handler
    (lambda (e) (k (if (error-object? e) 'secondary-error e)))
    (lambda ()
      (with-exception-handler
        (lambda (e) 'returned)
        (lambda () (raise 'first))))))))
;; Nested handlers with raise-continuable: each level adds one.
(define (nest n)
  (if (= n 0)
      (raise-continuable 0)
      (with-exception-handler
        (lambda (e) (+ 1 (raise-continuable e)))
        (lambda () (nest (- n 1))))))
(show (with-exception-handler (lambda (e) e) (lambda () (nest 10))))
;; The handler stack is restored after an escape.
(define log '())
(call/cc (lambda (k)
  (with-exception-handler
    (lambda (e) (k e))
    (lambda () (raise 'a)))))
(show (with-exception-handler
  (lambda (e) (list 'restored e))
  (lambda () (raise-continuable 'b))))
;; 10^4 raises caught by an escaping handler, in a loop.
(define (try thunk)
  (call/cc (lambda (k) (with-exception-handler (lambda (e) (k e)) thunk))))
(show (let loop ((i 0) (sum 0))
  (if (= i 10000) sum (loop (+ i 1) (+ sum (try (lambda () (raise 1))))))))
;; values and call-with-values.
(show (call-with-values (lambda () (values 4 5)) (lambda (a b) b)))
(show (call-with-values * -))
(show (call-with-values (lambda () (values)) list))
(show (call-with-values (lambda () 7) list))
(show (call-with-values (lambda () (values 1 2 3 4 5 6)) list))
(call-with-values (lambda () (values 1 2))
  (lambda (a . rest) (show a rest)))
;; Values through if, let and a procedure return.
(define (two) (values 'x 'y))
(show (call-with-values (lambda () (if #t (two) 0)) list))
(show (call-with-values (lambda () (let ((z 1)) (two))) list))
;; An uncaught raise of a non-condition ends the program with a
;; positioned message.
(raise 'final)
;; expect-stdout:
;; 41
;; (outer (inner x))
;; (caught oops)
;; (#t bad thing: (1 (2 3)))
;; #t
;; (#f 42)
;; secondary-error
;; 10
;; (restored b)
;; 10000
;; 5
;; -1
;; ()
;; (7)
;; (1 2 3 4 5 6)
;; 1(2)
;; (x y)
;; (x y)
;; expect-error: cont_exceptions.scm:82:1: uncaught exception: final
