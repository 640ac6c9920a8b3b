;; format rejects directives SRFI 28 does not define.
(import (scheme base) (scheme write) (srfi 28))
(display (format "~a and ~d" 1 2))
;; expect-error: srfi28_directive_error.scm:3:10: format: unknown directive ~d in format string "~a and ~d" (SRFI 28 has ~a ~s ~% ~~)
