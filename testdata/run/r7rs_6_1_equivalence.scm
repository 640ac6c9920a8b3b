; R7RS 6.1 Equivalence predicates: eqv?, eq?, equal?.
(import (scheme base) (scheme cxr) (scheme write) (srfi 64))
(test-begin "r7rs-6.1")

(test-group "eqv? true cases"
  (test-assert (eqv? 'a 'a))
  (test-assert (eqv? #t #t))
  (test-assert (eqv? #f #f))
  (test-assert (eqv? 2 2))
  (test-assert (eqv? 100000000000000000000 100000000000000000000))
  (test-assert (eqv? 1/2 (/ 2 4)))
  (test-assert (eqv? 2.5 2.5))
  (test-assert (eqv? #\a #\a))
  (test-assert (eqv? '() '()))
  (let ((p (lambda (x) x)))
    (test-assert (eqv? p p)))
  (let ((v (vector 1 2)))
    (test-assert (eqv? v v)))
  (test-assert (eqv? (string->symbol "abc") 'abc)))

(test-group "eqv? false cases"
  (test-assert (not (eqv? 'a 'b)))
  (test-assert (not (eqv? 2 2.0)))
  (test-assert (not (eqv? 1/2 0.5)))
  (test-assert (not (eqv? 0.0 -0.0)))
  (test-assert (not (eqv? '() '(a))))
  (test-assert (not (eqv? (cons 1 2) (cons 1 2))))
  (test-assert (not (eqv? (lambda () 1) (lambda () 2))))
  (test-assert (not (eqv? #f 'nil)))
  (test-assert (not (eqv? #f '())))
  (test-assert (not (eqv? (string #\a) (string #\a))))
  (test-assert (not (eqv? #\a #\b)))
  (test-assert (not (eqv? 2 3))))

(test-group "eqv? and local state"
  (define gen-counter
    (lambda ()
      (let ((n 0))
        (lambda () (set! n (+ n 1)) n))))
  (let ((g (gen-counter)))
    (test-assert (eqv? g g)))
  (test-assert (not (eqv? (gen-counter) (gen-counter))))
  (test-assert (let ((x '(a))) (eqv? x x))))

(test-group "eq?"
  (test-assert (eq? 'a 'a))
  (test-assert (not (eq? (list 'a) (list 'a))))
  (test-assert (eq? '() '()))
  (test-assert (eq? car car))
  (test-assert (let ((x '(a))) (eq? x x)))
  (test-assert (let ((x '#())) (eq? x x)))
  (test-assert (let ((p (lambda (x) x))) (eq? p p)))
  (test-assert (eq? #t #t))
  (test-assert (not (eq? 'a 'b)))
  (test-assert (eq? #\x #\x))
  ;; eq? on small exact integers: our fixnums are immediate
  (test-assert (eq? 7 7)))

(test-group "equal?"
  (test-assert (equal? 'a 'a))
  (test-assert (equal? '(a) '(a)))
  (test-assert (equal? '(a (b) c) '(a (b) c)))
  (test-assert (equal? "abc" "abc"))
  (test-assert (not (equal? "abc" "abC")))
  (test-assert (equal? 2 2))
  (test-assert (not (equal? 2 2.0)))
  (test-assert (equal? (make-vector 5 'a) (make-vector 5 'a)))
  (test-assert (equal? #(1 (2 "x") #(3)) (vector 1 (list 2 "x") (vector 3))))
  (test-assert (equal? #u8(1 2 3) (bytevector 1 2 3)))
  (test-assert (not (equal? #u8(1 2 3) #u8(1 2))))
  (test-assert (not (equal? '(1 2) '(1 2 3))))
  (test-assert (not (equal? '(1 . 2) '(1 2))))
  (test-assert (equal? '(1 . 2) (cons 1 2)))
  (test-assert (not (equal? #(1 2) '(1 2))))
  (test-assert (equal? 1/3 (/ 2 6)))
  ;; equal? must terminate on circular structures
  (let ((a (list 1 2)) (b (list 1 2)))
    (set-cdr! (cdr a) a)
    (set-cdr! (cdr b) b)
    (test-assert (equal? a b)))
  (let ((a (list 1 2)) (b (list 1 2 1 2)))
    (set-cdr! (cdr a) a)
    (set-cdr! (cdddr b) b)
    (test-assert (equal? a b)))
  (let ((v (vector 1 #f)) (w (vector 1 #f)))
    (vector-set! v 1 v)
    (vector-set! w 1 w)
    (test-assert (equal? v w)))
  ;; a long list does not overflow the stack
  (test-assert (equal? (make-list 1000000 'x) (make-list 1000000 'x)))
  (let loop ((i 0) (a '()) (b '()))
    (if (< i 100000)
        (loop (+ i 1) (list a) (list b))
        (test-assert "deep nesting" (equal? a b)))))

(test-end "r7rs-6.1")
;; expect-stdout:
;; %%%% Starting test r7rs-6.1
;; # of expected passes      59
