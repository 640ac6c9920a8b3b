;; An int64 entry must not call a procedure that may not be defined yet:
;; f runs before g's definition, and must raise as the generic code does.
(define (f n) (+ (g n) 1))
(display (guard (e (#t (error-object-message e))) (f 1)))
(newline)
(define (g n) n)
(display (f 1))
(newline)
;; expect-stdout:
;; unbound variable: g
;; 2
