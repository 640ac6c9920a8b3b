(import (scheme base) (no such library))
(display "never")
;; expect-error: library_errors.scm:1:23: import: unknown library (no such library) (looked in the runtime's libraries or no/such/library.sld in ...
;; expect-exit: 1
