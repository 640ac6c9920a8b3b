;; fibc: Fibonacci where every addition's operands come back through an
;; escape-only call/cc (each continuation is invoked once, before its
;; capture returns); measures the cost of capturing and invoking escaping
;; continuations in non-tail positions.
;; expect-stdout:
;; 121393
(import (scheme base) (scheme write))

(define (succ n) (+ n 1))
(define (pred n) (- n 1))

(define (addc x y k)
  (if (zero? y)
      (k x)
      (addc (succ x) (pred y) k)))

(define (fibc x c)
  (if (zero? x)
      (c 0)
      (if (zero? (pred x))
          (c 1)
          (addc (call-with-current-continuation (lambda (c) (fibc (pred x) c)))
                (call-with-current-continuation (lambda (c) (fibc (pred (pred x)) c)))
                c))))

(display (call-with-current-continuation (lambda (k) (fibc 26 k)))) (newline)
