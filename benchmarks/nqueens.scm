;; nqueens: counts the placements of n non-attacking queens by
;; backtracking over lists of remaining rows; measures list allocation,
;; short lists and recursion.
;; expect-stdout:
;; 92
;; 14200
(import (scheme base) (scheme write))

(define (iota1 n)
  (let loop ((i n) (l '()))
    (if (= i 0) l (loop (- i 1) (cons i l)))))

(define (queens board-size)
  (define (ok? row dist placed)
    (or (null? placed)
        (and (not (= (car placed) (+ row dist)))
             (not (= (car placed) (- row dist)))
             (ok? row (+ dist 1) (cdr placed)))))
  (define (try x y z)
    (if (null? x)
        (if (null? y) 1 0)
        (+ (if (ok? (car x) 1 z)
               (try (append (cdr x) y) '() (cons (car x) z))
               0)
           (try (cdr x) (cons (car x) y) z))))
  (try (iota1 board-size) '() '()))

(display (queens 8)) (newline)
(display (queens 12)) (newline)
