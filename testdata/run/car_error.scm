(define (f x)
  (car x))
(display "before")
(newline)
(f 5)
(display "not reached")
;; expect-stdout:
;; before
;; expect-error: car_error.scm:2:3: car: expected pair, got 5
