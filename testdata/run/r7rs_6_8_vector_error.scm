; R7RS 6.8: an index out of range is an error, reported at the call with
; the index and the vector's length.
(import (scheme base))
(define v (vector 1 2 3))
(define (get i) (vector-ref v i))
(get 10)
;; expect-error: r7rs_6_8_vector_error.scm:5:17: vector-ref: index 10 out of range for vector of length 3
