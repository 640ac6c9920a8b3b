;; library.scm: a program that imports a user library (geometry/shapes.sld)
;; and a runtime SRFI, with import sets.
;; Run it: lambdustc run examples/library.scm
(import (scheme base)
        (scheme write)
        (prefix (geometry shapes) geo:)
        (only (srfi 132) list-sort))

(define rects (list (geo:make-rect 3 4) (geo:make-rect 1 1) (geo:make-rect 2 5)))
(write (list-sort < (map geo:area rects)))
(newline)
(write (map geo:perimeter rects))
(newline)
;; expect-stdout:
;; (1 10 12)
;; (14 4 14)
