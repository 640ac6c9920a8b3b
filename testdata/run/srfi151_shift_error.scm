;; Shifting a non-zero integer left by an absurd count is refused, not
;; attempted.
(import (scheme base) (srfi 151))
(arithmetic-shift 1 (expt 10 12))
;; expect-error: srfi151_shift_error.scm:4:1: arithmetic-shift: shift count 1000000000000 too large
