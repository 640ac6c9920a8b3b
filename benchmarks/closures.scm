;; closures: higher-order code: curried adders, compose, fold, filter and
;; map over lists with lambdas capturing loop variables, and a counter
;; object built from closures over set!-mutated state; measures closure
;; allocation and calls of unknown procedures.
;; expect-stdout:
;; 478870050
(import (scheme base) (scheme write))

(define (compose . fs)
  (if (null? fs)
      (lambda (x) x)
      (let ((f (car fs)) (g (apply compose (cdr fs))))
        (lambda (x) (f (g x))))))

(define (curry f) (lambda (a) (lambda (b) (f a b))))

(define (fold f acc lst)
  (if (null? lst) acc (fold f (f (car lst) acc) (cdr lst))))

(define (filter pred lst)
  (cond ((null? lst) '())
        ((pred (car lst)) (cons (car lst) (filter pred (cdr lst))))
        (else (filter pred (cdr lst)))))

(define (iota n)
  (let loop ((i (- n 1)) (l '()))
    (if (< i 0) l (loop (- i 1) (cons i l)))))

(define (make-counter)
  (let ((n 0))
    (lambda (msg)
      (case msg
        ((inc) (set! n (+ n 1)) n)
        ((get) n)
        ((reset) (set! n 0) n)))))

(define (round-trip k lst)
  (let* ((add-k ((curry +) k))
         (f (compose add-k (lambda (x) (* x 2)) add-k))
         (mapped (map f lst))
         (kept (filter (lambda (x) (= 0 (modulo x (+ k 2)))) mapped))
         (counter (make-counter)))
    (for-each (lambda (x) (if (odd? x) (counter 'inc))) mapped)
    (+ (fold (lambda (x acc) (+ x acc)) 0 kept) (counter 'get))))

(define lst (iota 1000))
(define (run n)
  (let loop ((k 0) (sum 0))
    (if (= k n) sum (loop (+ k 1) (+ sum (round-trip (modulo k 10) lst))))))

(display (run 1500)) (newline)
