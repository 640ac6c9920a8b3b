;; The core forms of the walking skeleton: define, lambda (fixed and rest
;; arguments), if, set!, quote, begin, let, named let, let*, letrec, cond,
;; and, or, when, unless.
(define (show . xs) (for-each display xs) (newline))

(define x 10)
(define (add a b) (+ a b))
(define (count-args . args) (length args))
(define (first-and-rest a . rest) (list a rest))
(show (add x 5) " " (count-args) " " (count-args 1 2 3))
(show (first-and-rest 1 2 3))
(show ((lambda (a b c d e f) (list f e d c b a)) 1 2 3 4 5 6))
(show (if #f 'yes 'no) (if '() 'empty-is-true 'no))
(set! x (* x 2))
(show x)
(show '(a (b . c) #(1 2) "s" #\z 1.5))
(write '(a (b . c) #(1 2) "s" #\z 1.5)) (newline)
(show (begin 1 2 3))
(show (let ((a 1) (b 2)) (let ((a b) (b a)) (list a b))))
(show (let* ((a 1) (b (+ a 1)) (c (* b 2))) (list a b c)))
(show (let loop ((i 0) (acc '())) (if (= i 5) acc (loop (+ i 1) (cons i acc)))))
(show (letrec ((even? (lambda (n) (if (= n 0) #t (odd? (- n 1)))))
               (odd? (lambda (n) (if (= n 0) #f (even? (- n 1))))))
        (list (even? 100) (odd? 7))))
(define (classify n)
  (cond ((< n 0) 'negative)
        ((assv n '((0 . zero) (1 . one))) => cdr)
        ((> n 100))
        (else 'positive)))
(show (map classify '(-5 0 1 50 200)))
(show (and) (and 1 2) (and #f (car '())) (or) (or #f 3) (or 1 (car '())))
(when (> x 5) (display "when-") (show "ran"))
(unless (> x 5) (show "unless ran"))
(show (case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite) (else 'other)))
(show (do ((i 0 (+ i 1)) (s 0 (+ s i))) ((= i 5) s)))
;; internal definitions have letrec* semantics
(define (f)
  (define a 1)
  (define (g) (* a 10))
  (define b (+ a (g)))
  b)
(show (f))
;; closures capture per-iteration bindings of a named let
(define procs
  (let loop ((i 0) (acc '()))
    (if (= i 3) acc (loop (+ i 1) (cons (lambda () i) acc)))))
(show (map (lambda (p) (p)) procs))
;; set! on a captured variable is shared by every closure over it
(define (make-counter)
  (let ((n 0))
    (lambda () (set! n (+ n 1)) n)))
(define c (make-counter))
(c) (c)
(show (c))
(show (apply + 1 2 '(3 4)))
(show (fact-big 25))
(define (fact-big n) (if (= n 0) 1 (* n (fact-big (- n 1)))))
;; expect-error: core_forms.scm:56:8: unbound variable: fact-big
;; expect-stdout:
;; 15 0 3
;; (1 (2 3))
;; (6 5 4 3 2 1)
;; noempty-is-true
;; 20
;; (a (b . c) #(1 2) s z 1.5)
;; (a (b . c) #(1 2) "s" #\z 1.5)
;; 3
;; (2 1)
;; (1 2 4)
;; (4 3 2 1 0)
;; (#t #t)
;; (negative zero one positive #t)
;; #t2#f#f31
;; when-ran
;; composite
;; 10
;; 11
;; (2 1 0)
;; 3
;; 10
