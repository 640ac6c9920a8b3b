; R7RS 4.1 Primitive expression types: variable references, literals,
; procedure calls, lambda, if, set!.
(import (scheme base) (scheme write) (srfi 64))
(test-begin "r7rs-4.1")

(test-group "4.1.1 variable references"
  (define x 28)
  (test-eqv 28 x)
  (let ((x 'inner)) (test-eq 'inner x))
  (test-eqv 28 x))

(test-group "4.1.2 literal expressions"
  (test-eq 'a (quote a))
  (test-equal '#(a b c) (quote #(a b c)))
  (test-equal (list '+ 1 2) (quote (+ 1 2)))
  (test-eq 'a 'a)
  (test-equal (vector 'a 'b 'c) '#(a b c))
  (test-equal '() '())
  (test-assert (null? '()))
  (test-equal (list '+ 1 2) '(+ 1 2))
  (test-equal (list 'quote 'a) '(quote a))
  (test-equal (list 'quote 'a) ''a)
  (test-eqv 145932 '145932)
  (test-eqv 145932 145932)
  (test-equal "abc" '"abc")
  (test-equal "abc" "abc")
  (test-eqv #\a '#\a)
  (test-eqv #\a #\a)
  (test-equal (vector 'a 10) '#(a 10))
  (test-equal (vector 'a 10) #(a 10))
  (test-equal (bytevector 64 65) '#u8(64 65))
  (test-equal (bytevector 64 65) #u8(64 65))
  (test-eq #t '#t)
  (test-eq #t #t)
  (test-eq #f #false)
  (test-assert (symbol? (car '(quote a))))
  (test-eqv 2 (length ''a)))

(test-group "4.1.3 procedure calls"
  (test-eqv 7 (+ 3 4))
  (test-eqv 12 ((if #f + *) 3 4))
  (test-eqv 5 ((lambda (f) (f 2 3)) +))
  (test-equal '(1 2 3) ((car (list list)) 1 2 3))
  (test-eqv 3 (apply + (list 1 2))))

(test-group "4.1.4 procedures"
  (test-assert (procedure? (lambda (x) (+ x x))))
  (test-eqv 8 ((lambda (x) (+ x x)) 4))
  (define reverse-subtract (lambda (x y) (- y x)))
  (test-eqv 3 (reverse-subtract 7 10))
  (define add4 (let ((x 4)) (lambda (y) (+ x y))))
  (test-eqv 10 (add4 6))
  (test-equal '(3 4 5 6) ((lambda x x) 3 4 5 6))
  (test-equal '() ((lambda x x)))
  (test-equal '(5 6) ((lambda (x y . z) z) 3 4 5 6))
  (test-equal '() ((lambda (x y . z) z) 3 4))
  (test-equal '(3 4 ()) ((lambda (x y . z) (list x y z)) 3 4))
  (test-eqv 42 ((lambda () 42)))
  ;; the body may start with definitions (a letrec* body)
  (test-eqv 6 ((lambda (n) (define a 1) (define b (+ a 1)) (* n a b)) 3))
  ;; each call gets fresh locations
  (define (make-counter)
    (let ((n 0)) (lambda () (set! n (+ n 1)) n)))
  (define c1 (make-counter))
  (define c2 (make-counter))
  (c1) (c1)
  (test-eqv 3 (c1))
  (test-eqv 1 (c2))
  ;; the rest list is newly allocated
  (define (rest . r) r)
  (define args (list 1 2 3))
  (test-assert (not (eq? args (apply rest args))))
  (test-equal args (apply rest args))
  ;; procedures are tagged with a location: eqv? on the same one
  (let ((p (lambda (x) x)))
    (test-assert (eqv? p p))
    (test-assert (eq? p p)))
  ;; closures capture the environment in effect when evaluated
  (define (adder n) (lambda (m) (+ n m)))
  (test-eqv 15 ((adder 10) 5))
  (test-eqv 7 ((adder 2) 5))
  (test-error (car ((lambda x x)))))

(test-group "4.1.5 conditionals"
  (test-eq 'yes (if (> 3 2) 'yes 'no))
  (test-eq 'no (if (> 2 3) 'yes 'no))
  (test-eqv 1 (if (> 3 2) (- 3 2) (+ 3 2)))
  (test-eq 'true (if '() 'true 'false))
  (test-eq 'true (if 0 'true 'false))
  (test-eq 'true (if "" 'true 'false))
  (test-eq 'false (if #f 'true 'false))
  (test-eqv 2 (if #t 2))
  ;; only one branch is evaluated
  (test-eq 'ok (if #t 'ok (car '())))
  (test-eq 'ok (if #f (car '()) 'ok)))

(test-group "4.1.6 assignments"
  (define x 2)
  (test-eqv 3 (+ x 1))
  (set! x 4)
  (test-eqv 5 (+ x 1))
  (let ((y 1))
    (set! y (+ y 10))
    (test-eqv 11 y))
  ;; set! on a captured variable is seen by the closure
  (define z 1)
  (define (get-z) z)
  (set! z 'changed)
  (test-eq 'changed (get-z))
  (define (make-acc)
    (let ((total 0))
      (lambda (n) (set! total (+ total n)) total)))
  (define acc (make-acc))
  (acc 5)
  (test-eqv 15 (acc 10)))

(test-end "r7rs-4.1")
;; expect-stdout:
;; %%%% Starting test r7rs-4.1
;; # of expected passes      68
