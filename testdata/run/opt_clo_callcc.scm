;; call/cc through local procedures that are only called (direct Go calls):
;; escaping from deep inside them, and re-entering a continuation captured
;; inside one.
(import (scheme base) (scheme write))

;; Escape-only: leave a local loop and a local non-tail recursion early.
(define (find-neg lst)
  (call/cc
    (lambda (return)
      (define (walk l) (cond ((null? l) #f) ((< (car l) 0) (return (car l))) (else (walk (cdr l)))))
      (walk lst))))
(define (product lst)
  (call/cc
    (lambda (k)
      (define (prod l) (cond ((null? l) 1) ((= (car l) 0) (k 0)) (else (* (car l) (prod (cdr l))))))
      (prod lst))))
(display (list (find-neg '(1 2 -3 4)) (find-neg '(1 2)) (product '(1 2 3 4)) (product '(1 2 0 4)))) (newline)

;; Re-entrant: a continuation captured inside a direct local procedure,
;; re-entered after the procedure returned.
(define saved #f)
(define count 0)
(define (gen)
  (define (step i)
    (call/cc (lambda (k) (set! saved k)))
    (set! count (+ count 1))
    (* i 10))
  (define (run) (+ 1 (step 4)))
  (run))
(define result (gen))
(display result) (newline)
(if (< count 3) (saved #f))
(display (list result count)) (newline)
;; expect-stdout:
;; (-3 #f 24 0)
;; 41
;; 41
;; 41
;; (41 3)
