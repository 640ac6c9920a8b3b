;; deriv: symbolic differentiation of a sum-of-products expression with
;; quasiquote-built results, repeated; measures list allocation, symbol
;; comparison and map. The result's size is printed.
;; expect-stdout:
;; (+ (* (* 3 x x) (+ (/ 0 3) (/ 1 x) (/ 1 x))) (* (* a x x) (+ (/ 0 a) (/ 1 x) (/ 1 x))) (* (* b x) (+ (/ 0 b) (/ 1 x))) 0)
;; 61
(import (scheme base) (scheme write) (scheme cxr))

(define (deriv a)
  (cond ((not (pair? a)) (if (eq? a 'x) 1 0))
        ((eq? (car a) '+) (cons '+ (map deriv (cdr a))))
        ((eq? (car a) '-) (cons '- (map deriv (cdr a))))
        ((eq? (car a) '*)
         (list '* a (cons '+ (map (lambda (a) (list '/ (deriv a) a)) (cdr a)))))
        ((eq? (car a) '/)
         (list '-
               (list '/ (deriv (cadr a)) (caddr a))
               (list '/ (cadr a) (list '* (caddr a) (caddr a) (deriv (caddr a))))))
        (else (error "deriv: no derivation for" a))))

(define (size x)
  (if (pair? x) (+ (size (car x)) (size (cdr x))) 1))

(define expr '(+ (* 3 x x) (* a x x) (* b x) 5))

(define (run n)
  (let loop ((i 0) (r #f))
    (if (= i n) r (loop (+ i 1) (deriv expr)))))

(write (run 200000)) (newline)
(display (size (deriv expr))) (newline)
