;; hello.scm: the smallest Lambdust program.
(display "Hello, world!")
(newline)
;; expect-stdout:
;; Hello, world!
