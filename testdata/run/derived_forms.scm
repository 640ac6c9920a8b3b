; Derived expressions of R7RS 4.2 that rewrite to runtime primitives.
; quasiquote (4.2.8), examples from the report
(write `(list ,(+ 1 2) 4)) (newline)
(write (let ((name 'a)) `(list ,name ',name))) (newline)
(write `(a ,(+ 1 2) ,@(map abs '(4 -5 6)) b)) (newline)
(write `((foo ,(- 10 3)) ,@(cdr '(c)) . ,(car '(cons)))) (newline)
(write `#(10 5 ,(sqrt 4) ,@(map sqrt '(16 9)) 8)) (newline)
(write (let ((foo '(foo bar)) (@baz 'baz)) `(list ,@foo , @baz))) (newline)
(write `(a `(b ,(c) ,',(+ 1 2)))) (newline)
(write `(a `(b ,(a1 ,(+ 1 3) d) e) f)) (newline)
(write (let ((name1 'x) (name2 'y)) `(a `(b ,,name1 ,',name2 d) e))) (newline)
(write `(1 ,@'() 2)) (newline)

; define-values, let-values, let*-values (4.2.2, 5.3.3)
(define-values (q r) (floor/ 17 5))
(write (list q r)) (newline)
(define-values (first . others) (values 1 2 3))
(write (list first others)) (newline)
(define (body-dv)
  (define-values (a b) (values 10 20))
  (define c (+ a b))
  c)
(write (body-dv)) (newline)
(write (let-values (((root rem) (exact-integer-sqrt 32))) (* root rem))) (newline)
(write (let ((a 'a) (b 'b) (x 'x) (y 'y))
  (let*-values (((a b) (values x y))
                ((x y) (values a b)))
    (list a b x y)))) (newline)
(write (let-values ((all (values 1 2)) ((x) (values 3))) (list all x))) (newline)

; case-lambda (4.2.9)
(define range
  (case-lambda
    ((e) (range 0 e))
    ((b e) (do ((r '() (cons e r)) (e (- e 1) (- e 1))) ((< e b) r)))))
(write (range 3)) (newline)
(write (range 3 5)) (newline)
(define plus (case-lambda (() 0) ((x) x) ((x y) (+ x y)) ((x y . z) (apply plus (+ x y) z))))
(write (list (plus) (plus 1) (plus 1 2) (plus 1 2 3 4))) (newline)

; delay, delay-force, make-promise, force (4.2.5)
(write (force (delay (+ 1 2)))) (newline)
(write (let ((p (delay (+ 1 2)))) (list (force p) (force p)))) (newline)
(define integers
  (letrec ((next (lambda (n) (delay (cons n (next (+ n 1)))))))
    (next 0)))
(define (head stream) (car (force stream)))
(define (tail stream) (cdr (force stream)))
(write (head (tail (tail integers)))) (newline)
(define (stream-drop s n)
  (delay-force (if (zero? n) s (stream-drop (tail s) (- n 1)))))
(write (head (stream-drop integers 1000))) (newline)
(define count 0)
(define p2 (delay (begin (set! count (+ count 1)) (if (> count x) count (force p2)))))
(define x 5)
(write (force p2)) (newline)
(set! x 10)
(write (force p2)) (newline)
(write (promise? (make-promise 3))) (write (force (make-promise 7))) (newline)

; parameterize (4.2.6)
(define radix (make-parameter 10 (lambda (x) (if (and (exact-integer? x) (<= 2 x 16)) x (error "invalid radix")))))
(define (f n) (number->string n (radix)))
(write (f 12)) (write (parameterize ((radix 2)) (f 12))) (write (f 12)) (newline)

; guard (4.2.7)
(write (guard (condition
                ((assq 'a condition) => cdr)
                ((assq 'b condition)))
  (raise (list (cons 'a 42))))) (newline)
(write (guard (condition
                ((assq 'a condition) => cdr)
                ((assq 'b condition)))
  (raise (list (cons 'b 23))))) (newline)
(write (guard (e ((string? e) (string-append "caught " e)))
  (guard (e2 ((number? e2) 'number))
    (raise "inner")))) (newline)
(write (guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e))))
  (error "bad thing:" 1 2))) (newline)
(write (with-exception-handler
  (lambda (e) 10)
  (lambda () (+ 1 (guard (e ((string? e) 'no)) (raise-continuable 'sym))))))
(newline)

; define-record-type (5.5)
(define-record-type <pare>
  (kons x y)
  pare?
  (x kar set-kar!)
  (y kdr))
(write (pare? (kons 1 2))) (write (pare? (cons 1 2)))
(write (kar (kons 1 2))) (write (kdr (kons 1 2)))
(write (let ((k (kons 1 2))) (set-kar! k 3) (kar k))) (newline)
(define (local-record)
  (define-record-type point (make-point x y) point? (x point-x) (y point-y))
  (point-x (make-point 5 6)))
(write (local-record)) (newline)

; cond-expand (4.2.1)
(cond-expand
  ((and r7rs (not no-such-feature)) (display "r7rs") (newline))
  (else (display "other") (newline)))
(write (cond-expand (no-such-feature 1) ((or no-such-feature r7rs) 2) (else 3))) (newline)
;; expect-stdout:
;; (list 3 4)
;; (list a (quote a))
;; (a 3 4 5 6 b)
;; ((foo 7) . cons)
;; #(10 5 2 4 3 8)
;; (list foo bar baz)
;; (a (quasiquote (b (unquote (c)) (unquote (quote 3)))))
;; (a (quasiquote (b (unquote (a1 4 d)) e)) f)
;; (a (quasiquote (b (unquote x) (unquote (quote y)) d)) e)
;; (1 2)
;; (3 2)
;; (1 (2 3))
;; 30
;; 35
;; (x y x y)
;; ((1 2) 3)
;; (0 1 2)
;; (3 4)
;; (0 1 3 10)
;; 3
;; (3 3)
;; 2
;; 1000
;; 6
;; 6
;; #t7
;; "12""1100""12"
;; 42
;; (b . 23)
;; "caught inner"
;; ("bad thing:" (1 2))
;; 11
;; #t#f123
;; 5
;; r7rs
;; 2
