;; An f64vector index out of range is a positioned error naming the kind.
(import (scheme base) (scheme write) (srfi 4))
(define v (f64vector 1.0 2.0 3.0))
(display (f64vector-ref v 2))
(newline)
(display (f64vector-ref v 10))
;; expect-stdout:
;; 3.0
;; expect-error: srfi4_ref_error.scm:6:10: f64vector-ref: index 10 out of range for f64vector of length 3
