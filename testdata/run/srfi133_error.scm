;; SRFI 133 errors are positioned and name the procedure.
(import (scheme base) (scheme write) (srfi 133))
(define v (vector 'a 'b 'c))
(vector-swap! v 0 2)
(write v)
(newline)
(vector-swap! v 0 3)
;; expect-stdout:
;; #(c b a)
;; expect-error: srfi133_error.scm:7:1: vector-swap!: index 3 out of range for vector of length 3
