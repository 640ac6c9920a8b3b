(display "bye")
(newline)
(exit 3)
(display "not reached")
;; expect-exit: 3
;; expect-stdout:
;; bye
