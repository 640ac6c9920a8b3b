(display "x") (newline)
(raise 'boom)
;; expect-error: raise_object.scm:2:1: uncaught exception: boom
;; expect-stdout:
;; x
