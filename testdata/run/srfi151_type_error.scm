;; The bitwise operations take exact integers only.
(import (scheme base) (srfi 151))
(define x (bitwise-and 12 10))
(bitwise-ior x 2.0)
;; expect-error: srfi151_type_error.scm:4:1: bitwise-ior: expected exact integer, got 2.0
