;; An error raised inside an inlined procedure points into the procedure's
;; source, as before inlining.
(define (head xs) (car xs))
(define (second xs) (head (cdr xs)))
(display (second '(1 2)))
(newline)
(display (second '(1)))
;; expect-stdout:
;; 2
;; expect-error: opt_inl_error.scm:3:19: car: expected pair, got ()
