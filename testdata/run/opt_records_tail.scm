;; A record accessor called in tail position of a procedure body is
;; compiled inline too (the records pass replaces the body itself), and the
;; error keeps the procedure's frame in both modes.
(define-record-type pt (make-pt x y) pt? (x pt-x) (y pt-y))
(define (get-y p) (pt-y p))
(display (get-y (make-pt 1 2))) (newline)
(define (bad) (pt-y 'sym))
(bad)
;; expect-stdout:
;; 2
;; expect-error: opt_records_tail.scm:7:15: pt-y: expected record of type pt, got sym
