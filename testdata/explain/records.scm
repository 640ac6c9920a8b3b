;; Record procedures called directly compile to inline field access.
(define-record-type point
  (make-point x y)
  point?     ; explain: point?: record predicate, compiled inline where called after its definition
  (x point-x set-point-x!)     ; explain: point-x: record accessor, compiled inline where called after its definition ; explain: set-point-x!: record modifier, compiled inline where called after its definition
  (y point-y))     ; explain: point-y: record accessor, compiled inline where called after its definition
(define p (make-point 1 2))
(set-point-x! p (+ (point-x p) (point-y p)))
(display (point? p))
