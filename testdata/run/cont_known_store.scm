;; A continuation passed to a known procedure that stores it is re-entrant:
;; the call-only analysis must not call it escape-only.
(define saved #f)
(define (keep k) (set! saved k))
(define (pass-on k) (keep k))
(define count 0)
(define (mark) (call/cc (lambda (k) (pass-on k) 0)))
(let ((v (mark)))
  (set! count (+ count 1))
  (display (list 'v v 'count count)) (newline)
  (if (< v 2) (saved (+ v 1))))
(display "done") (newline)
;; expect-stdout:
;; (v 0 count 1)
;; (v 1 count 2)
;; (v 2 count 3)
;; done
