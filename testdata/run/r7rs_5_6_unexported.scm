; R7RS 5.6.1: a library's exports are the only names its importers see;
; stack-peek is exported as top only.
(import (scheme base) (r7rs_inc stack))
(top (let ((s (make-stack))) (push! s 1) s))
(stack-peek (make-stack))
;; expect-error: r7rs_5_6_unexported.scm:5:2: undefined: stack-peek
;; expect-exit: 1
