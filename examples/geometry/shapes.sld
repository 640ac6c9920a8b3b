;; A user library: (import (geometry shapes)) finds this file because it is
;; geometry/shapes.sld under the program's directory (or under -I DIR).
(define-library (geometry shapes)
  (export make-rect rect? area perimeter)
  (import (scheme base))
  (begin
    (define-record-type rect
      (make-rect width height)
      rect?
      (width rect-width)
      (height rect-height))
    (define (area r) (* (rect-width r) (rect-height r)))
    (define (perimeter r) (* 2 (+ (rect-width r) (rect-height r))))))
