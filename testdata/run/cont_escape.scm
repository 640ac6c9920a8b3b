;; Escaping continuations (R7RS 6.10): early exit from for-each and from
;; nested procedure calls, exception-like throws, continuations called with
;; several values or none, and a continuation that outlives nothing.
(define (find-first pred lst)
  (call-with-current-continuation
    (lambda (return)
      (for-each (lambda (x) (if (pred x) (return x))) lst)
      #f)))
(display (find-first even? '(1 3 5 6 7 8))) (newline)
(display (find-first even? '(1 3 5))) (newline)
;; The report's example (6.10).
(display (call-with-current-continuation
  (lambda (exit)
    (for-each (lambda (x) (if (negative? x) (exit x)))
              '(54 0 37 -3 245 19))
    #t)))
(newline)
(define list-length
  (lambda (obj)
    (call-with-current-continuation
      (lambda (return)
        (letrec ((r (lambda (obj)
                      (cond ((null? obj) 0)
                            ((pair? obj) (+ (r (cdr obj)) 1))
                            (else (return #f))))))
          (r obj))))))
(display (list (list-length '(1 2 3 4)) (list-length '(a b . c)))) (newline)
;; A throw out of deep non-tail recursion.
(define (product lst)
  (call/cc
    (lambda (k)
      (let loop ((l lst))
        (cond ((null? l) 1)
              ((= (car l) 0) (k 'zero))
              (else (* (car l) (loop (cdr l)))))))))
(display (list (product '(1 2 3 4)) (product '(1 2 0 4)))) (newline)
;; Escaping through map, from inside vector-for-each and string-for-each.
(display (call/cc (lambda (k) (map (lambda (x) (if (= x 3) (k 'out-of-map) x)) '(1 2 3 4))))) (newline)
(display (call/cc (lambda (k) (vector-for-each (lambda (x) (if (> x 1) (k x))) #(1 2 3))))) (newline)
(display (call/cc (lambda (k) (string-for-each (lambda (c) (if (char=? c #\b) (k c))) "abc")))) (newline)
;; Normal return from the receiver.
(display (+ 1 (call/cc (lambda (k) 41)))) (newline)
;; The receiver returning k's argument both ways.
(display (+ 1 (call/cc (lambda (k) (k 10) 20)))) (newline)
;; Multiple values through a continuation.
(call-with-values
  (lambda () (call/cc (lambda (k) (k 1 2 3))))
  (lambda (a b c) (display (list a b c)) (newline)))
(call-with-values
  (lambda () (call/cc (lambda (k) (k))))
  (lambda args (display args) (newline)))
;; Nested call/cc: the inner escape goes to the outer point.
(display (call/cc (lambda (outer)
  (+ 100 (call/cc (lambda (inner) (outer 'outer-wins)))))))
(newline)
(display (call/cc (lambda (outer)
  (+ 100 (call/cc (lambda (inner) (inner 5)))))))
(newline)
;; An exception-like throw: a throw procedure stored in a variable.
(define throw #f)
(define (safe-div a b)
  (call/cc (lambda (k)
    (set! throw k)
    (if (= b 0) (throw 'division-by-zero) (/ a b)))))
(display (list (safe-div 10 2) (safe-div 1 0))) (newline)
;; call/cc in a loop: a fresh continuation each time; 10^5 escapes.
(define (count-escapes n)
  (let loop ((i 0) (acc 0))
    (if (= i n) acc
        (loop (+ i 1) (+ acc (call/cc (lambda (k) (k 1) 0)))))))
(display (count-escapes 100000)) (newline)
;; A continuation is a procedure.
(display (call/cc procedure?)) (newline)
;; expect-stdout:
;; 6
;; #f
;; -3
;; (4 #f)
;; (24 zero)
;; out-of-map
;; 2
;; b
;; 42
;; 11
;; (1 2 3)
;; ()
;; outer-wins
;; 105
;; (5 division-by-zero)
;; 100000
;; #t
