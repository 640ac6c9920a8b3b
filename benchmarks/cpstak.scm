;; cpstak: the Takeuchi function in continuation-passing style; every call
;; allocates a closure for its continuation, so this measures closure
;; creation and calls of unknown procedures in tail position.
;; expect-stdout:
;; 7
;; 700
(import (scheme base) (scheme write))

(define (cpstak x y z)
  (define (tak x y z k)
    (if (not (< y x))
        (k z)
        (tak (- x 1) y z
             (lambda (v1)
               (tak (- y 1) z x
                    (lambda (v2)
                      (tak (- z 1) x y
                           (lambda (v3)
                             (tak v1 v2 v3 k)))))))))
  (tak x y z (lambda (a) a)))

(define (repeat n acc)
  (if (= n 0)
      acc
      (repeat (- n 1) (+ acc (cpstak 18 12 6)))))

(display (cpstak 18 12 6)) (newline)
(display (repeat 100 0)) (newline)
