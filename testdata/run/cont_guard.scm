;; %guard, the runtime side of guard (R7RS 4.2.7), called directly until the
;; guard form expands to it: the handler runs in tail position in the
;; dynamic environment of the guard, after the after thunks of the
;; dynamic-winds being left; values pass through.
(define trail '())
(define (note x) (set! trail (cons x trail)))
(display (%guard (lambda () (+ 1 (raise 'boom))) (lambda (e) (list 'caught e)))) (newline)
(display (%guard (lambda () 42) (lambda (e) 'no))) (newline)
(call-with-values (lambda () (%guard (lambda () (values 1 2)) (lambda (e) 'no)))
  (lambda (a b) (display (+ a b)) (newline)))
(display (%guard (lambda () (dynamic-wind (lambda () (note 'in)) (lambda () (error "bad" 1)) (lambda () (note 'out))))
                 (lambda (e) (note 'handler) (error-object-message e))))
(newline)
(display (reverse trail)) (newline)
;; A handler that declines re-raises to the outer handler.
(display (with-exception-handler (lambda (e) (list 'outer e))
  (lambda () (%guard (lambda () (raise-continuable 5)) (lambda (e) (raise-continuable (* e 2)))))))
(newline)
;; 10^4 guarded raises in a loop.
(define (loop i) (if (= i 0) 'done (begin (%guard (lambda () (raise i)) (lambda (e) e)) (loop (- i 1)))))
(display (loop 10000)) (newline)
;; expect-stdout:
;; (caught boom)
;; 42
;; 3
;; bad
;; (in out handler)
;; (outer 10)
;; done
