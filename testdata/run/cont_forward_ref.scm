;; A procedure called (from inside another procedure) before the top-level
;; define of the procedure it calls has run sees the global unbound, in
;; both modes.
(define (early) (late 1))
(define (late x) (+ x 1))
(display (early)) (newline)
(define (too-early) (later 1))
(display (too-early)) (newline)
(define (later x) x)
;; expect-stdout:
;; 2
;; expect-error: cont_forward_ref.scm:7:22: unbound variable: later
