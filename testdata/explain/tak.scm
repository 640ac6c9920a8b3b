;; tak: the call in tail position is a self call (a Go loop in both
;; entries); the argument calls are ordinary int64 calls. Since (< y x)
;; holds in the else branch, x > y >= MinInt64, so (- x 1) is unchecked.
(define (tak x y z)     ; explain: tak: self tail calls compiled as a Go loop ; explain: tak: int64 entry (generic entry on overflow) ; explain: x: fixnum, unboxed ; explain: y: fixnum, unboxed ; explain: z: fixnum, unboxed
  (if (not (< y x))
      z
      (tak (tak (- x 1) y z)     ; explain: -: no overflow check (range proven)
           (tak (- y 1) z x)
           (tak (- z 1) x y))))

(display (tak 18 12 6))
(newline)
