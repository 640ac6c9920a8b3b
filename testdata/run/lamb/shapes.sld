(define-library (lamb shapes)
  (export make-square square-side area)
  (import (scheme base) (prefix (lamb util) u:))
  (begin
    (define-record-type <square> (make-square side) square? (side square-side))
    (define (area s) (u:double (* (square-side s) (square-side s))))))
