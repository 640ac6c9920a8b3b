; SRFI 2, 8 and 26 syntax (the expander's prelude), imported by their library names.
(import (scheme base) (scheme write) (srfi 2) (srfi 8) (srfi 26))
(receive (q r) (floor/ 17 5) (write (list q r))) (newline)
(receive all (values 1 2) (write all)) (newline)
(write (and-let* ((x 5) ((> x 3)) (y (* x 2))) (+ x y))) (newline)
(write (and-let* ((x 5) ((> x 10))) 'no)) (newline)
(write (map (cut + 1 <>) '(1 2 3))) (newline)
(write ((cut list <> 'b <>) 'a 'c)) (newline)
(write ((cut list 1 <...>) 2 3 4)) (newline)
(define n 0)
(define f (cute list (begin (set! n (+ n 1)) n) <>))
(f 'a) (f 'b)
(write (list (f 'c) n)) (newline)
;; expect-stdout:
;; (3 2)
;; (1 2)
;; 15
;; #f
;; (2 3 4)
;; (a b c)
;; (1 2 3 4)
;; ((1 c) 1)
