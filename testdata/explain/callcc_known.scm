;; A continuation passed to known procedures that only call it (directly
;; or by passing it on, as continuation-passing code does) stays
;; escape-only; invoked in tail position it returns without unwinding.
(define (addc x y k)     ; explain: addc: self tail calls compiled as a Go loop ; explain: addc: not unboxed: calls local procedure k other than as a loop (at 5:17)
  (if (zero? y) (k x) (addc (+ x 1) (- y 1) k)))
(define (fibc x c)     ; explain: fibc: not unboxed: calls local procedure c other than as a loop (at 8:7)
  (if (< x 2)
      (c x)
      (addc (call/cc (lambda (c) (fibc (- x 1) c)))     ; explain: c: escape-only continuation: compiled as panic/recover
            (call/cc (lambda (c) (fibc (- x 2) c)))     ; explain: c: escape-only continuation: compiled as panic/recover
            c)))
(display (call/cc (lambda (k) (fibc 10 k))))     ; explain: k: escape-only continuation: compiled as panic/recover
