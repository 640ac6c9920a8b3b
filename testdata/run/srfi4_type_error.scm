;; A vector of another kind is a type error.
(import (scheme base) (srfi 4))
(s16vector-length (s8vector 1 2))
;; expect-error: srfi4_type_error.scm:3:1: s16vector-length: expected s16vector, got #s8(1 2)
