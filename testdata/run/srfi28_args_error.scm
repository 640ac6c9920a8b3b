;; format with fewer objects than directives is an error.
(import (scheme base) (scheme write) (srfi 28))
(display (format "~a: ~s~%" 'only-one))
;; expect-error: srfi28_args_error.scm:3:10: format: too few arguments for format string "~a: ~s~%"
