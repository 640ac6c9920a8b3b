(import (only (scheme base) car))
(car (list 1 2))
;; expect-error: library_unbound.scm:2:7: undefined: list
;; expect-exit: 1
