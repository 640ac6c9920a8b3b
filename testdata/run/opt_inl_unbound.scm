;; A call that runs before its procedure is defined is not inlined: it
;; still raises "unbound variable", in procedures and at top level.
(define (f n) (g n))
(display (guard (e (#t (error-object-message e))) (f 1)))
(newline)
(display (guard (e (#t (error-object-message e))) (g 1)))
(newline)
(define (g n) (+ n 1))
(display (list (f 1) (g 2)))
(newline)
;; expect-stdout:
;; unbound variable: g
;; unbound variable: g
;; (2 3)
