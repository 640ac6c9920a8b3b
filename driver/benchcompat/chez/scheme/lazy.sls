;; (scheme lazy) for Chez Scheme 9.5 (see base.sls).
(library (scheme lazy)
  (export delay delay-force force make-promise promise?)
  (import (chezscheme))
  ;; Chez's delay/force iterate, so delay-force as (delay (force x)) does
  ;; not run in bounded space; good enough for the benchmarks.
  (define-syntax delay-force
    (syntax-rules () [(_ e) (delay (force e))]))
  (define (make-promise x) (if (promise? x) x (let ([v x]) (delay v))))
  (define (promise? x) (procedure? x)))
