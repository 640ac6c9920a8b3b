;; hash-table-ref of a missing key without a failure thunk is an error.
(import (scheme base) (srfi 69))
(define h (make-hash-table))
(hash-table-set! h 'present 1)
(hash-table-ref h 'absent)
;; expect-error: srfi69_ref_error.scm:5:1: hash-table-ref: no value for key absent
