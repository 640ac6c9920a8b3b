; R7RS 6.14: (exit #f) reports abnormal termination (status 1), and output
; written before it is flushed.
(import (scheme base) (scheme process-context) (scheme write))
(write-string "flushed")
(newline)
(exit #f)
;; expect-stdout:
;; flushed
;; expect-exit: 1
