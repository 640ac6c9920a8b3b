;; A program that changes cdrs (set-cdr! here; also SRFI 1's linear-update
;; procedures, eval and load) cannot trust that a pair made as a list stays
;; one: the types pass then keeps the checks of car, cdr and length on
;; values that were lists when made. Compiled with trusted list types, the
;; calls below would read past the dotted tail instead of reporting it.
(import (scheme base) (scheme write))

(define (walk lst)
  (let loop ((l lst) (n 0))
    (if (null? l) n (loop (cdr l) (+ n 1)))))
(define (size lst) (length lst))

(let ((x (list 1 2 3)))
  (set-cdr! (cddr x) 4)
  (display (guard (e ((error-object? e) (error-object-message e)))
             (size x)))
  (newline)
  (walk x))
;; expect-stdout:
;; length: expected proper list, got (1 2 3 . 4)
;; expect-error: opt_types_mutated.scm:10:27: cdr: expected pair, got 4
