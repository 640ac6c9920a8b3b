;; ctak: the Takeuchi function with every return through a continuation
;; (Gabriel's escape-heavy benchmark). Every continuation here is used
;; only as an escape.
(define (ctak x y z)
  (call-with-current-continuation
    (lambda (k) (ctak-aux k x y z))))
(define (ctak-aux k x y z)
  (if (not (< y x))
      (k z)
      (call-with-current-continuation
        (lambda (k)
          (ctak-aux
            k
            (call-with-current-continuation
              (lambda (k) (ctak-aux k (- x 1) y z)))
            (call-with-current-continuation
              (lambda (k) (ctak-aux k (- y 1) z x)))
            (call-with-current-continuation
              (lambda (k) (ctak-aux k (- z 1) x y))))))))
(display (ctak 18 12 6)) (newline)
(define (repeat n acc)
  (if (= n 0) acc (repeat (- n 1) (+ acc (ctak 18 12 6)))))
(display (repeat 20 0)) (newline)
;; expect-stdout:
;; 7
;; 140
