;; A primitive call on constants that raises is not folded: the error
;; happens at run time, at the call's position.
(display (+ 1 2))
(newline)
(display (quotient 7 0))
(display "not reached")
;; expect-stdout:
;; 3
;; expect-error: opt_inl_fold_error.scm:5:10: quotient: division by zero
