; R7RS 4.2.4 Iteration: do and named let.
(import (scheme base) (scheme write) (srfi 64))
(test-begin "r7rs-4.2.4")

(test-group "do"
  (test-equal #(0 1 2 3 4)
              (do ((vec (make-vector 5)) (i 0 (+ i 1))) ((= i 5) vec) (vector-set! vec i i)))
  (test-eqv 25 (let ((x '(1 3 5 7 9)))
                 (do ((x x (cdr x)) (sum 0 (+ sum (car x)))) ((null? x) sum))))
  ;; a variable without a step keeps its value
  (test-equal '(5 k) (do ((i 0 (+ i 1)) (k 'k)) ((= i 5) (list i k))))
  ;; the result expressions are evaluated in order, the last one returned
  (test-eq 'last (do ((i 0 (+ i 1))) ((= i 2) 'first 'last)))
  ;; no result expressions: unspecified, but the loop runs
  (let ((n 0))
    (do ((i 0 (+ i 1))) ((= i 4)) (set! n (+ n i)))
    (test-eqv 6 n))
  ;; the test is evaluated before the first iteration
  (test-eqv 0 (let ((runs 0)) (do ((i 0 (+ i 1))) (#t runs) (set! runs (+ runs 1)))))
  ;; steps are evaluated with the old values (in parallel)
  (test-equal '(5 8) (do ((a 1 b) (b 1 (+ a b)) (i 0 (+ i 1))) ((= i 4) (list a b)) ))
  ;; fresh locations each iteration: closures see their own iteration
  (let ((ps (do ((i 0 (+ i 1)) (acc '() (cons (lambda () i) acc))) ((= i 3) acc))))
    (test-equal '(2 1 0) (map (lambda (p) (p)) ps)))
  ;; the inits are outside the region of the variables
  (test-eqv 10 (let ((i 10)) (do ((i i (- i 1)) (first i)) ((= i 0) first))))
  ;; a long loop runs in constant space
  (test-eqv 1000000 (do ((i 0 (+ i 1))) ((= i 1000000) i))))

(test-group "named let"
  (test-equal '((6 1 3) (-5 -2))
              (let loop ((numbers '(3 -2 1 6 -5)) (nonneg '()) (neg '()))
                (cond ((null? numbers) (list nonneg neg))
                      ((>= (car numbers) 0)
                       (loop (cdr numbers) (cons (car numbers) nonneg) neg))
                      ((< (car numbers) 0)
                       (loop (cdr numbers) nonneg (cons (car numbers) neg))))))
  (test-eqv 3628800 (let fact ((n 10)) (if (= n 0) 1 (* n (fact (- n 1))))))
  (test-eqv 1000000 (let count ((i 0)) (if (= i 1000000) i (count (+ i 1)))))
  ;; the name is bound only in the body, not in the inits
  (test-eq 'outer (let ((loop (lambda () 'outer)))
                    (let loop ((x (loop))) x)))
  ;; the procedure can escape and be called later
  (let ((p (let self ((n 0)) (if (= n 0) self n))))
    (test-eqv 5 (p 5)))
  (test-eqv 0 (let loop () 0))
  (test-equal '(c b a) (let rev ((l '(a b c)) (acc '()))
                         (if (null? l) acc (rev (cdr l) (cons (car l) acc))))))

(test-end "r7rs-4.2.4")
;; expect-stdout:
;; %%%% Starting test r7rs-4.2.4
;; # of expected passes      17
