; Lambdust declarations: #:inline / #:hot-path in a body, (declare (unsafe)).
(define (f x) #:inline #t (* x 2))
(define (g x) #:hot-path #t #:inline #f (+ x 1))
(declare (unsafe))
(display (g (f 3))) (newline)
;; expect-stdout:
;; 7
