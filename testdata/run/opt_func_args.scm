;; Lambdas passed to a known procedure whose parameter is only called are
;; Go functions when compiled (analyze's closures pass, funcParams): the
;; lambdas capture and set! variables, escape with call/cc, raise errors,
;; recurse deeply; calls that may run before the procedure is defined,
;; procedures passed by name keep procedure objects. Tail calls pass Go
;; functions too, as direct Go calls, when the callee tail-calls no other
;; procedure taking Go functions: a loop through such calls (ping, 3*10^6
;; times) still runs in constant space, and one through a callee that does
;; (relay) goes through the trampoline.
(import (scheme base) (scheme write))

;; A call that runs before fold is defined: an error, caught.
(display (guard (e (#t 'not-yet)) (fold (lambda (x a) (+ x a)) 0 '(1 2)))) (newline)

(define (fold f acc lst)
  (if (null? lst) acc (fold f (f (car lst) acc) (cdr lst))))
(define (keep pred lst)
  (cond ((null? lst) '())
        ((pred (car lst)) (cons (car lst) (keep pred (cdr lst))))
        (else (keep pred (cdr lst)))))
(define (twice f g x) (g (f (f x))))

(define (iota n) (let loop ((i (- n 1)) (l '())) (if (< i 0) l (loop (- i 1) (cons i l)))))

;; Captured variables, one of them assigned inside the lambda.
(define (stats lst k)
  (let ((count 0))
    (let ((sum (fold (lambda (x acc) (set! count (+ count 1)) (+ acc (* k x))) 0 lst)))
      (list sum count))))

;; An escape from inside the lambda.
(define (first-over lst limit)
  (call/cc (lambda (return)
             (fold (lambda (x acc) (if (> x limit) (return x) acc)) #f lst))))

;; Non-tail recursion 10^5 deep through keep, with a lambda.
(define (evens n) (length (keep (lambda (x) (even? x)) (iota n))))

;; A tail call (a Go function) and a procedure passed by name (a procedure
;; object).
(define (sum-tail lst) (fold (lambda (x a) (+ x a)) 0 lst))
(define (apply-k k x) #:inline #f (k x))
(define (ping n) (if (= n 0) 'done (apply-k (lambda (m) (ping m)) (- n 1))))
(define (relay k x) #:inline #f (if (k x) (apply-k (lambda (y) (pong y)) (- x 1)) 'done))
(define (pong n) (relay (lambda (m) (> m 0)) n))
(define (sum-by-name lst) (+ 0 (fold + 0 lst)))

;; Parameters called from local procedures that are only called (a named
;; let, an internal define), and one captured by a closure (not a Go
;; function).
(define (count-if pred lst)
  (let loop ((l lst) (n 0))
    (if (null? l) n (loop (cdr l) (if (pred (car l)) (+ n 1) n)))))
(define (my-map f lst)
  (define (walk l) (if (null? l) '() (cons (f (car l)) (walk (cdr l)))))
  (walk lst))
(define (wrap pred) (lambda (x) (pred x)))
(define (local-uses k)
  (list (count-if (lambda (x) (> x k)) '(1 5 10 20))
        (my-map (lambda (x) (* x k)) '(1 2 3))
        ((wrap (lambda (x) (+ x k))) 1)
        (count-if odd? '(1 2 3))))

;; Lambdas of two parameters that are Go functions, given to twice.
(define (compose-test x)
  (twice (lambda (y) (* y 3)) (lambda (z) (- z 1)) x))

(display (stats (iota 10) 2)) (newline)
(display (first-over (iota 100) 41)) (newline)
(display (first-over (iota 10) 41)) (newline)
(display (evens 100000)) (newline)
(display (list (sum-tail (iota 100)) (sum-by-name (iota 100)) (ping 3000000) (pong 1000000))) (newline)
(display (compose-test 5)) (newline)
(display (local-uses 4)) (newline)
(display (fold (lambda (x acc) (+ acc (car x))) 0 '((1) (2) 3))) (newline)
;; expect-stdout:
;; not-yet
;; (90 10)
;; 42
;; #f
;; 50000
;; (4950 4950 done done)
;; 44
;; (3 (4 8 12) 5 2)
;; expect-error: opt_func_args.scm:75:39: car: expected pair, got 3
