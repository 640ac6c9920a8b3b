; R7RS 4.2.9 case-lambda.
(import (scheme base) (scheme case-lambda) (scheme write) (srfi 64))
(test-begin "r7rs-4.2.9")
(define range
  (case-lambda
    ((e) (range 0 e))
    ((b e) (do ((r '() (cons e r))
                (e (- e 1) (- e 1)))
               ((< e b) r)))))
(test-equal '(0 1 2) (range 3))
(test-equal '(3 4) (range 3 5))
(define plus
  (case-lambda
    (() 0)
    ((x) x)
    ((x y) (+ x y))
    ((x y z) (+ (+ x y) z))
    (args (apply + args))))
(test-eqv 0 (plus))
(test-eqv 1 (plus 1))
(test-eqv 3 (plus 1 2))
(test-eqv 6 (plus 1 2 3))
(test-eqv 10 (plus 1 2 3 4))
;; clauses are tried in order: the first that accepts the arguments wins
(define which
  (case-lambda
    ((a) 'one)
    ((a . rest) 'one-or-more)
    (all 'any)))
(test-eq 'any (which))
(test-eq 'one (which 1))
(test-eq 'one-or-more (which 1 2))
(define rest-first
  (case-lambda
    ((a b . c) (list 'at-least-two a b c))
    ((a) (list 'one a))))
(test-equal '(at-least-two 1 2 ()) (rest-first 1 2))
(test-equal '(at-least-two 1 2 (3 4)) (rest-first 1 2 3 4))
(test-equal '(one 1) (rest-first 1))
;; no clause matches: an error
(test-error (rest-first))
(define only-two (case-lambda ((a b) (list a b))))
(test-error (only-two 1))
(test-error (only-two 1 2 3))
;; a case-lambda closes over its environment; clauses may recurse
(define (make-counter)
  (let ((n 0))
    (case-lambda
      (() n)
      ((k) (set! n (+ n k)) n))))
(let ((c (make-counter)))
  (c 5)
  (c 2)
  (test-eqv 7 (c)))
(define count-down
  (case-lambda
    ((n) (count-down n '()))
    ((n acc) (if (= n 0) acc (count-down (- n 1) (cons n acc))))))
(test-equal '(1 2 3) (count-down 3))
;; proper tail calls through case-lambda
(test-eqv 100000 (length (count-down 100000)))
(test-eqv 3 (apply plus '(1 2)))
(test-eq #t (procedure? plus))
(test-end "r7rs-4.2.9")
;; expect-stdout:
;; %%%% Starting test r7rs-4.2.9
;; # of expected passes      21
