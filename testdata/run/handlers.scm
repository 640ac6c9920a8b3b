(display (with-exception-handler
  (lambda (e) 42)
  (lambda () (+ (raise-continuable 'oops) 1))))
(newline)
(display (call-with-output-string-test)) (newline)
(define (call-with-output-string-test)
  (let ((p (open-output-string)))
    (write 'sym p) (display " " p) (write "str" p)
    (get-output-string p)))
;; expect-error: handlers.scm:5:11: unbound variable: call-with-output-string-test
;; expect-stdout:
;; 43
