; R7RS 4.1.7 Inclusion: include and include-ci at top level, in a body and
; as an expression; several files in order; case folding with include-ci.
(import (scheme base) (scheme write) (srfi 64))
(test-begin "r7rs-4.1.7")

(include "r7rs_inc/defs.scm")
(test-eqv 42 included-value)
(test-eqv 10 (included-double 5))

(include "r7rs_inc/defs.scm" "r7rs_inc/more.scm")
(test-eq 'more more-value)

(include-ci "r7rs_inc/upper.scm")
(test-equal '(loud 1) (shout 1))
(test-eq 'folded mixedcase)

;; include without -ci keeps case
(define counter 0)
(test-eqv 100 (include "r7rs_inc/exprs.scm"))
(test-eqv 1 counter)
(test-eqv 200 (let () (include "r7rs_inc/exprs.scm")))

;; in a body, included definitions are internal definitions
(define (local-included)
  (include "r7rs_inc/more.scm")
  (list more-value))
(test-equal '(more) (local-included))

(include "r7rs_inc/nested.scm")
(test-eq 'nested nested-value)

(test-end "r7rs-4.1.7")
;; expect-stdout:
;; %%%% Starting test r7rs-4.1.7
;; # of expected passes      10
