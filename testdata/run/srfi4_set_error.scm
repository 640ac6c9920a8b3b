;; Storing a value outside an integer kind's range names the kind.
(import (scheme base) (scheme write) (srfi 4))
(define v (make-u8vector 2 0))
(u8vector-set! v 1 255)
(display (u8vector->list v))
(newline)
(u8vector-set! v 0 300)
;; expect-stdout:
;; (0 255)
;; expect-error: srfi4_set_error.scm:7:1: u8vector-set!: 300 out of range for u8
