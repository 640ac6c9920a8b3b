;; An equivalence procedure other than eq?, eqv?, equal?, string=? and
;; string-ci=? needs an explicit hash function.
(import (scheme base) (srfi 69))
(define (same? a b) (= a b))
(define h (make-hash-table same?))
;; expect-error: srfi69_hash_error.scm:5:11: make-hash-table: a hash function is required for equivalence procedure #<procedure same?>
