; R7RS 4.3.3: syntax-error reports its message and arguments at expansion
; time, at the position of the macro use; nothing runs.
(import (scheme base) (scheme write))
(define-syntax must-be-pair
  (syntax-rules ()
    ((_ (a . b)) 'ok)
    ((_ other) (syntax-error "expected a pair" other))))
(display "not printed: expansion fails first")
(must-be-pair 5)
;; expect-error: r7rs_4_3_syntax_error.scm:9:1: expected a pair 5
;; expect-exit: 1
