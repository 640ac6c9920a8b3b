;; Constant folding (the inline pass): pure primitives on constants are
;; evaluated at compile time; the results must be what the run-time
;; operations give, in both modes.
(define big 9223372036854775807)
(display (list (+ 1 2) (* 6 7) (- 10) (/ 1 3) (/ 6 3) (exact->inexact 1/4)))
(newline)
(display (list (< 1 2 3) (= 1 1.0) (max 1 2.5) (quotient -7 2) (modulo -7 2) (expt 2 10)))
(newline)
;; overflowing fixnum arithmetic is kept as an operation and still promotes
(display (list (+ 9223372036854775807 1) (* 4611686018427387904 4) (- -9223372036854775808)))
(newline)
(display (list (char-upcase #\a) (char->integer #\A) (string-length "hello") (string-ref "abc" 2)))
(newline)
(display (list (not #f) (not 0) (null? '()) (pair? '(1)) (eqv? 2 2) (eq? #\a #\a) (symbol? 'x)))
(newline)
;; if on a constant test, and let bindings of constants
(display (if (> 2 1) 'then 'else))
(display (let ((x 3) (y 4)) (if (< x y) (* x y) 0)))
(newline)
;; literals keep their identity: not copied by propagation
(display (let ((x '(a))) (list (eq? x x) (eqv? x x))))
(display (let ((s "str")) (eq? s s)))
(newline)
;; a direct lambda application becomes a let
(display ((lambda (a b) (list b a)) 1 2))
(display ((lambda (a . rest) (list a rest)) 1 2 3))
(newline)
;; a fold that would raise is left to run time, under a handler here
(display (guard (e (#t (error-object-message e))) (+ 1 (vector-ref (vector 1 2) 5))))
(newline)
(display (guard (e (#t (error-object-message e))) (quotient 1 0)))
(newline)
(display (guard (e (#t 'caught)) (car 5)))
(newline)
;; expect-stdout:
;; (3 42 -10 1/3 2 0.25)
;; (#t #t 2.5 -3 1 1024)
;; (9223372036854775808 18446744073709551616 9223372036854775808)
;; (A 65 5 c)
;; (#t #f #t #t #t #t #t)
;; then12
;; (#t #t)#t
;; (2 1)(1 (2 3))
;; vector-ref: index 5 out of range for vector of length 2
;; quotient: division by zero
;; caught
