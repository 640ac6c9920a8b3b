; R7RS 6.14: emergency-exit ends the program without running the after
; thunks of outstanding dynamic-winds; exit with #f is failure.
(import (scheme base) (scheme process-context) (scheme write))
(display "start")
(newline)
(dynamic-wind
  (lambda () #f)
  (lambda () (emergency-exit 4))
  (lambda () (display "after thunk must not run") (newline)))
(display "not reached")
;; expect-stdout:
;; start
;; expect-exit: 4
