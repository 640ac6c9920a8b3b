;; guard as the report defines it in terms of call/cc and
;; with-exception-handler (R7RS 7.3): the handler escapes to the guard's
;; continuation, evaluates the clauses there, and re-raises in the raise's
;; dynamic environment when none applies. Shared by the CHICKEN and Gambit
;; preludes, which include it where they say (include benchcompat/guard.scm).
(define-syntax guard
  (syntax-rules ()
    ((_ (var clause ...) e1 e2 ...)
     ((call/cc
       (lambda (guard-k)
         (with-exception-handler
          (lambda (condition)
            ((call/cc
              (lambda (handler-k)
                (guard-k
                 (lambda ()
                   (let ((var condition))
                     (guard-aux (handler-k (lambda () (raise-continuable condition)))
                                clause ...))))))))
          (lambda ()
            (call-with-values (lambda () e1 e2 ...)
              (lambda args (guard-k (lambda () (apply values args)))))))))))))
(define-syntax guard-aux
  (syntax-rules (else =>)
    ((_ reraise (else result1 result2 ...)) (begin result1 result2 ...))
    ((_ reraise (test => result)) (let ((temp test)) (if temp (result temp) reraise)))
    ((_ reraise (test => result) clause1 clause2 ...)
     (let ((temp test)) (if temp (result temp) (guard-aux reraise clause1 clause2 ...))))
    ((_ reraise (test)) (or test reraise))
    ((_ reraise (test) clause1 clause2 ...)
     (let ((temp test)) (if temp temp (guard-aux reraise clause1 clause2 ...))))
    ((_ reraise (test result1 result2 ...)) (if test (begin result1 result2 ...) reraise))
    ((_ reraise (test result1 result2 ...) clause1 clause2 ...)
     (if test (begin result1 result2 ...) (guard-aux reraise clause1 clause2 ...)))))
