;; vector-unfold's procedure must return the element and one value per seed.
(import (scheme base) (srfi 133))
(vector-unfold (lambda (i s) s) 3 0)
;; expect-error: srfi133_unfold_error.scm:3:1: vector-unfold: expected 2 values (the element and the new seeds) from the procedure, got 1
