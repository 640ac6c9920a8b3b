;; dynamic-wind (R7RS 6.10): before/after thunks on normal return and on
;; escapes, with nesting, escapes from after thunks, errors, and values.
(define trail '())
(define (note x) (set! trail (cons x trail)))
(define (show) (display (reverse trail)) (newline) (set! trail '()))
;; Normal return: before, thunk, after; the thunk's value is the result.
(display (dynamic-wind (lambda () (note 'before)) (lambda () (note 'during) 'result) (lambda () (note 'after))))
(newline)
(show)
;; Escape from a nested pair of winds: after thunks innermost first.
(call/cc (lambda (k)
  (dynamic-wind
    (lambda () (note 'in1))
    (lambda ()
      (dynamic-wind
        (lambda () (note 'in2))
        (lambda () (note 'body) (k 'x) (note 'not-reached))
        (lambda () (note 'out2))))
    (lambda () (note 'out1)))))
(show)
;; Escape to a point between the two winds: only the inner after runs
;; before landing, then the outer after on normal return.
(dynamic-wind
  (lambda () (note 'in1))
  (lambda ()
    (note (call/cc (lambda (k)
      (dynamic-wind
        (lambda () (note 'in2))
        (lambda () (k 'landed))
        (lambda () (note 'out2)))))))
  (lambda () (note 'out1)))
(show)
;; The report's example (connect/talk/disconnect).
(display (let ((path '())
      (c #f))
  (let ((add (lambda (s) (set! path (cons s path)))))
    (dynamic-wind
      (lambda () (add 'connect))
      (lambda ()
        (add (call-with-current-continuation
               (lambda (c0) (set! c c0) 'talk1))))
      (lambda () (add 'disconnect)))
    (reverse path))))
(newline)
;; Multiple values pass through dynamic-wind.
(call-with-values
  (lambda () (dynamic-wind (lambda () #f) (lambda () (values 1 2)) (lambda () #f)))
  (lambda (a b) (display (+ a b)) (newline)))
(define (condition/report-string-or-message e)
  (if (error-object? e) 'error-object e))
;; Errors raised inside the thunk run the after thunk when a handler
;; escapes (here via call/cc around with-exception-handler).
(display (call/cc (lambda (k)
  (with-exception-handler
    (lambda (e) (note 'handler) (k (condition/report-string-or-message e)))
    (lambda ()
      (dynamic-wind
        (lambda () (note 'in))
        (lambda () (car '()))
        (lambda () (note 'out))))))))
(newline)
(show)
;; The handler runs in the dynamic environment of the raise: inside the
;; wind, so 'handler comes before 'out.
(display (call/cc (lambda (k)
  (with-exception-handler
    (lambda (e) (note 'handler) (k e))
    (lambda ()
      (dynamic-wind
        (lambda () (note 'in))
        (lambda () (raise 'boom))
        (lambda () (note 'out))))))))
(newline)
(show)
;; An after thunk that escapes itself: the outer after still runs once.
(call/cc (lambda (outer)
  (dynamic-wind
    (lambda () (note 'a-in))
    (lambda ()
      (call/cc (lambda (inner)
        (dynamic-wind
          (lambda () (note 'b-in))
          (lambda () (outer 'leave))
          (lambda () (note 'b-out)))))
      (note 'not-reached))
    (lambda () (note 'a-out)))))
(show)
;; A loop of 10^4 escapes through two winds each.
(define count 0)
(let loop ((i 0))
  (when (< i 10000)
    (call/cc (lambda (k)
      (dynamic-wind
        (lambda () #f)
        (lambda () (dynamic-wind (lambda () #f) (lambda () (k i)) (lambda () (set! count (+ count 1)))))
        (lambda () (set! count (+ count 1))))))
    (loop (+ i 1))))
(display count) (newline)
;; expect-stdout:
;; result
;; (before during after)
;; (in1 in2 body out2 out1)
;; (in1 in2 out2 landed out1)
;; (connect talk1 disconnect)
;; 3
;; error-object
;; (in handler out)
;; boom
;; (in handler out)
;; (a-in b-in b-out a-out)
;; 20000
