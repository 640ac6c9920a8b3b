;; Proper tail calls in every tail context of R7RS 3.5: each loop runs 3*10^5
;; (or 10^7) iterations through an unknown procedure in the named context,
;; which would exhaust memory if the context grew the stack.
(define n 300000)
(define (id x) x)
(define (loop-if k) (if (= k 0) 'if ((id loop-if) (- k 1))))
(display (loop-if n)) (newline)
(define (loop-cond k)
  (cond ((= k 0) 'cond)
        ((odd? k) ((id loop-cond) (- k 1)))
        (else ((id loop-cond) (- k 1)))))
(display (loop-cond n)) (newline)
(define (loop-cond-arrow k)
  (cond ((= k 0) 'cond=>)
        ((- k 1) => (id loop-cond-arrow))))
(display (loop-cond-arrow n)) (newline)
(define (loop-case k)
  (case (if (= k 0) 'stop (modulo k 3))
    ((stop) 'case)
    ((0 1) ((id loop-case) (- k 1)))
    (else => (lambda (r) ((id loop-case) (- k 1))))))
(display (loop-case n)) (newline)
(define (loop-and k) (and #t (if (= k 0) 'and ((id loop-and) (- k 1)))))
(display (loop-and n)) (newline)
(define (loop-or k) (or #f (if (= k 0) 'or ((id loop-or) (- k 1)))))
(display (loop-or n)) (newline)
(define (loop-when k) (when #t (if (= k 0) 'when ((id loop-when) (- k 1)))))
(display (loop-when n)) (newline)
(define (loop-unless k) (unless #f (if (= k 0) 'unless ((id loop-unless) (- k 1)))))
(display (loop-unless n)) (newline)
(define (loop-let k) (let ((j (- k 1))) (if (< j 0) 'let ((id loop-let) j))))
(display (loop-let n)) (newline)
(define (loop-let* k) (let* ((i k) (j (- i 1))) (if (< j 0) 'let* ((id loop-let*) j))))
(display (loop-let* n)) (newline)
(define (loop-letrec k) (letrec ((j (- k 1))) (if (< j 0) 'letrec ((id loop-letrec) j))))
(display (loop-letrec n)) (newline)
(define (loop-begin k) (begin 1 (if (= k 0) 'begin ((id loop-begin) (- k 1)))))
(display (loop-begin n)) (newline)
(define (loop-do k) (do ((i 0 (+ i 1))) ((= i 1) (if (= k 0) 'do ((id loop-do) (- k 1))))))
(display (loop-do n)) (newline)
(define (loop-apply k) (if (= k 0) 'apply (apply (id loop-apply) (list (- k 1)))))
(display (loop-apply n)) (newline)
(define (loop-apply2 k) (if (= k 0) 'apply-spread (apply loop-apply2 (- k 1) '())))
(display (loop-apply2 n)) (newline)
;; apply of apply
(define (loop-apply-apply k) (if (= k 0) 'apply-apply (apply apply (list loop-apply-apply (list (- k 1))))))
(display (loop-apply-apply n)) (newline)
;; call-with-values: the consumer is called in tail position.
(define (loop-cwv k) (if (= k 0) 'cwv (call-with-values (lambda () (- k 1)) (id loop-cwv))))
(display (loop-cwv n)) (newline)
;; A lambda body after internal definitions.
(define (loop-body k) (define j (- k 1)) (if (< j 0) 'body ((id loop-body) j)))
(display (loop-body n)) (newline)
;; Mutual recursion between procedures, 10^7 deep.
(define (my-even? k) (if (= k 0) #t (my-odd? (- k 1))))
(define (my-odd? k) (if (= k 0) #f (my-even? (- k 1))))
(display (list (my-even? 10000000) (my-odd? 10000000) (my-even? 10000001))) (newline)
;; The same through local procedures and through variables that could be
;; reassigned.
(define (local-parity k)
  (letrec ((ev? (lambda (k) (if (= k 0) 'even (od? (- k 1)))))
           (od? (lambda (k) (if (= k 0) 'odd (ev? (- k 1))))))
    (ev? k)))
(display (local-parity 10000001)) (newline)
(define ev2 #f)
(define od2 #f)
(set! ev2 (lambda (k) (if (= k 0) 'even (od2 (- k 1)))))
(set! od2 (lambda (k) (if (= k 0) 'odd (ev2 (- k 1)))))
(display (ev2 10000000)) (newline)
;; A named let loop whose body calls out in tail position.
(define (count-to k) (let lp ((i 0)) (if (= i k) i (lp (+ i 1)))))
(display (count-to n)) (newline)
;; dynamic-wind's thunk is not in tail position, but the loop around it is.
(define (loop-dw k acc)
  (if (= k 0) acc
      (loop-dw (- k 1) (dynamic-wind (lambda () #f) (lambda () (+ acc 1)) (lambda () #f)))))
(display (loop-dw 100000 0)) (newline)
;; expect-stdout:
;; if
;; cond
;; cond=>
;; case
;; and
;; or
;; when
;; unless
;; let
;; let*
;; letrec
;; begin
;; do
;; apply
;; apply-spread
;; apply-apply
;; cwv
;; body
;; (#t #f #f)
;; odd
;; even
;; 300000
;; 100000
