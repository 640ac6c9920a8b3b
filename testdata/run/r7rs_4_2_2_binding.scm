; R7RS 4.2.2 Binding constructs (let, let*, letrec, letrec*, let-values,
; let*-values) and 4.2.3 Sequencing (begin).
(import (scheme base) (scheme write) (scheme inexact) (srfi 64))
(test-begin "r7rs-4.2.2")

(test-group "let"
  (test-eqv 6 (let ((x 2) (y 3)) (* x y)))
  (test-eqv 35 (let ((x 2) (y 3)) (let ((x 7) (z (+ x y))) (* z x))))
  (test-eqv 5 (let () 5))
  ;; inits are evaluated in the outer environment
  (test-equal '(2 1) (let ((a 1) (b 2)) (let ((a b) (b a)) (list a b))))
  ;; the body may begin with definitions
  (test-eqv 12 (let ((x 3)) (define y 4) (* x y)))
  ;; fresh locations each time
  (define procs
    (let loop ((i 0) (acc '()))
      (if (= i 3) acc (loop (+ i 1) (cons (let ((j i)) (lambda () j)) acc)))))
  (test-equal '(2 1 0) (map (lambda (p) (p)) procs))
  ;; a let-bound name shadows a syntactic keyword
  (test-eqv 3 (let ((if (lambda (a b c) (+ a b c)))) (if 1 1 1))))

(test-group "let*"
  (test-eqv 70 (let ((x 2) (y 3)) (let* ((x 7) (z (+ x y))) (* z x))))
  (test-eqv 3 (let* ((x 1) (y (+ x 1))) (+ x y)))
  ;; variables need not be distinct
  (test-eqv 3 (let* ((x 1) (x (+ x 1)) (x (+ x 1))) x))
  (test-eqv 9 (let* () 9))
  (test-eqv 10 (let* ((a 5)) (define b (* a 2)) b)))

(test-group "letrec"
  (test-eq #t (letrec ((even? (lambda (n) (if (zero? n) #t (odd? (- n 1)))))
                       (odd? (lambda (n) (if (zero? n) #f (even? (- n 1))))))
                (even? 88)))
  (test-eqv 120 (letrec ((fact (lambda (n) (if (= n 0) 1 (* n (fact (- n 1)))))))
                  (fact 5)))
  ;; the bound names shadow outer ones inside the inits
  (define (f) 'outer)
  (test-eq 'inner (letrec ((f (lambda () 'inner)) (g (lambda () (f)))) (g))))

(test-group "letrec*"
  (define (means ton)
    (letrec*
        ((mean (lambda (f g) (f (/ (sum g ton) n))))
         (sum (lambda (g ton)
                (if (null? ton)
                    (+)
                    (if (number? ton)
                        (g ton)
                        (+ (sum g (car ton)) (sum g (cdr ton)))))))
         (n (sum (lambda (x) 1) ton)))
      (values (mean values values)
              (mean exp log)
              (mean / /))))
  (call-with-values (lambda () (means '(3 (1 4))))
    (lambda (a g h)
      (test-eqv 8/3 a)
      (test-approximate 2.28942848510666 g 1e-10)
      (test-eqv 36/19 h)))
  ;; later inits may use the values of earlier ones
  (test-eqv 3 (letrec* ((a 1) (b (+ a 1))) (+ a b)))
  (test-equal '(1 2 3)
              (letrec* ((x 1) (y (list x 2)) (z (append y (list 3)))) z)))

(test-group "let-values"
  (test-eqv 35 (let-values (((root rem) (exact-integer-sqrt 32))) (* root rem)))
  (test-equal '(1 2 (3 4)) (let-values (((a b . c) (values 1 2 3 4))) (list a b c)))
  (test-equal '(1 2) (let-values ((all (values 1 2))) all))
  (test-equal '() (let-values ((all (values))) all))
  (test-equal '(1 2 3) (let-values (((a) (values 1)) ((b c) (values 2 3))) (list a b c)))
  ;; inits are evaluated in the outer environment
  (test-equal '(b a)
              (let ((a 'a) (b 'b))
                (let-values (((a) (values b)) ((b) (values a))) (list a b))))
  (test-eqv 5 (let-values () 5))
  (test-eqv 10 (let-values (((x) 5)) (define y (* x 2)) y)))

(test-group "let*-values"
  (test-equal '(x y x y)
              (let ((a 'a) (b 'b) (x 'x) (y 'y))
                (let*-values (((a b) (values x y))
                              ((x y) (values a b)))
                  (list a b x y))))
  (test-equal '(1 2 3) (let*-values (((a) 1) ((b) (+ a 1)) ((c) (+ b 1))) (list a b c)))
  (test-equal '(1 (2 3)) (let*-values (((a . rest) (values 1 2 3))) (list a rest))))

(test-group "4.2.3 begin"
  (define x 0)
  (test-eqv 6 (and (= x 0) (begin (set! x 5) (+ x 1))))
  (let ((p (open-output-string)))
    (parameterize ((current-output-port p))
      (begin (display "4 plus 1 equals ") (display (+ 4 1))))
    (test-equal "4 plus 1 equals 5" (get-output-string p)))
  (test-eqv 3 (begin 1 2 3))
  ;; begin with definitions splices into a body
  (test-eqv 7 (let () (begin (define a 3) (define b 4)) (+ a b)))
  (test-equal '(1 2 3)
              (let ((l '())) (begin (set! l (cons 3 l)) (set! l (cons 2 l)) (set! l (cons 1 l))) l)))

;; top-level begin splices definitions into the program
(begin (define top-a 1) (define top-b (+ top-a 1)))
(test-eqv 2 top-b)
(begin)
(test-assert "an empty top-level begin is allowed" #t)

(test-end "r7rs-4.2.2")
;; expect-stdout:
;; %%%% Starting test r7rs-4.2.2
;; # of expected passes      38
