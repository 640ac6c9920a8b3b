; R7RS 4.2.5 Delayed evaluation: delay, delay-force, force, make-promise,
; promise?.
(import (scheme base) (scheme write) (scheme lazy) (srfi 64))
(test-begin "r7rs-4.2.5")

(test-eqv 3 (force (delay (+ 1 2))))
(test-equal '(3 3) (let ((p (delay (+ 1 2)))) (list (force p) (force p))))

(define integers
  (letrec ((next (lambda (n) (delay (cons n (next (+ n 1)))))))
    (next 0)))
(define head (lambda (stream) (car (force stream))))
(define tail (lambda (stream) (cdr (force stream))))
(test-eqv 2 (head (tail (tail integers))))

(define (stream-filter p? s)
  (delay-force
   (if (null? (force s))
       (delay '())
       (let ((h (car (force s)))
             (t (cdr (force s))))
         (if (p? h)
             (delay (cons h (stream-filter p? t)))
             (stream-filter p? t))))))
(test-eqv 5 (head (tail (tail (stream-filter odd? integers)))))

(define count 0)
(define p
  (delay (begin (set! count (+ count 1))
                (if (> count x)
                    count
                    (force p)))))
(define x 5)
(test-assert (promise? p))
(test-eqv 6 (force p))
(test-assert (promise? p))
(test-eqv 6 (begin (set! x 10) (force p)))

;; the expression is evaluated only once
(define evals 0)
(define q (delay (begin (set! evals (+ evals 1)) 'v)))
(test-eqv 0 evals)
(force q) (force q) (force q)
(test-eqv 1 evals)

;; promise? and make-promise
(test-assert (promise? (delay 1)))
(test-assert (promise? (delay-force (delay 1))))
(test-assert (promise? (make-promise 1)))
(test-assert (not (promise? 1)))
(test-assert (not (promise? (lambda () 1))))
(test-eqv 7 (force (make-promise 7)))
(let ((pr (delay 1)))
  (test-eq pr (make-promise pr)))
;; force on a non-promise returns it (an allowed extension, and Lambdust's behavior)
(test-eqv 4 (force 4))
;; procedures like list do not force promises
(test-assert (promise? (car (list (delay (* 3 7)) 13))))

;; delay-force iterates: a long chain runs in constant space
(define (loop n) (delay-force (if (= n 0) (delay 'bottom) (loop (- n 1)))))
(test-eq 'bottom (force (loop 100000)))
(test-eqv 10 (force (delay-force (make-promise 10))))

;; an error while forcing propagates, and the promise can be forced again
(define tries 0)
(define flaky (delay (begin (set! tries (+ tries 1))
                            (if (= tries 1) (raise 'first) tries))))
(test-eq 'first (guard (e (#t e)) (force flaky)))
(test-eqv 2 (force flaky))
(test-eqv 2 (force flaky))

;; delay captures the lexical environment
(define (make-lazy-sum a b) (delay (+ a b)))
(test-eqv 30 (force (make-lazy-sum 10 20)))

(test-end "r7rs-4.2.5")
;; expect-stdout:
;; %%%% Starting test r7rs-4.2.5
;; # of expected passes      25
