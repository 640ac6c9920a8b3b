;; Local procedures that are only called become Go functions (analyze's
;; closures pass); those that escape stay closures. Both must keep
;; Scheme's binding semantics: per-iteration bindings captured by closures,
;; set! of captured variables seen by every closure sharing them.
(import (scheme base) (scheme write))

;; Closures capturing the variables of a named let, one binding per
;; iteration.
(define (thunks n)
  (let loop ((i 0) (acc '()))
    (if (= i n) (reverse acc) (loop (+ i 1) (cons (lambda () (* i i)) acc)))))
(display (map (lambda (t) (t)) (thunks 5))) (newline)

;; do loops bind fresh variables each iteration too.
(define (do-thunks n)
  (do ((i 0 (+ i 1)) (acc '() (cons (lambda () i) acc)))
      ((= i n) (map (lambda (t) (t)) acc))))
(display (do-thunks 4)) (newline)

;; A direct local procedure that set!s a variable of its enclosing
;; procedure, called from a closure passed to for-each.
(define (count-evens lst)
  (define n 0)
  (define (bump!) (set! n (+ n 1)))
  (for-each (lambda (x) (if (even? x) (bump!))) lst)
  n)
(display (count-evens '(1 2 3 4 5 6 8))) (newline)

;; The same with the counter captured and mutated through two local
;; procedures, one of which escapes (returned) and one that does not.
(define (make-acc start)
  (define total start)
  (define (add! x) (set! total (+ total x)) total)
  (define (get) total)
  (add! 10)
  (list get (lambda (x) (add! x))))
(let* ((acc (make-acc 5)) (get (car acc)) (add (cadr acc)))
  (add 1) (add 2)
  (display (list (get) (add 0))) (newline))

;; A local procedure used both as a value (escapes) and called.
(define (twice-all lst)
  (define (twice x) (* 2 x))
  (cons (twice 100) (map twice lst)))
(display (twice-all '(1 2 3))) (newline)

;; Local procedures without free variables (lifted to top-level Go
;; functions), with rest arguments, and calling each other non-tail.
(define (stats . xs)
  (define (sum l) (if (null? l) 0 (+ (car l) (sum (cdr l)))))
  (define (count l) (if (null? l) 0 (+ 1 (count (cdr l)))))
  (define (all first . rest) (cons first rest))
  (all (sum xs) (count xs) (sum (all 1 2 3))))
(display (stats 4 5 6)) (newline)

;; A local procedure whose free variable is a parameter of the enclosing
;; loop, captured afresh on each iteration.
(define (table n)
  (let rows ((i 1) (out '()))
    (define (cell j) (* i j))
    (if (> i n) (reverse out) (rows (+ i 1) (cons (list (cell 1) (cell 2) (cell 3)) out)))))
(display (table 3)) (newline)

;; Non-tail recursion of a local procedure, moderately deep.
(define (depth n)
  (define (down i) (if (= i 0) 0 (+ 1 (down (- i 1)))))
  (down n))
(display (depth 100000)) (newline)

;; A procedure defined after a non-procedure internal definition that
;; calls an earlier one.
(define (ordered x)
  (define (double y) (* 2 y))
  (define d (double x))
  (define (add-d y) (+ y d))
  (add-d (double d)))
(display (ordered 3)) (newline)
;; expect-stdout:
;; (0 1 4 9 16)
;; (3 2 1 0)
;; 4
;; (18 18)
;; (200 2 4 6)
;; (15 3 6)
;; ((1 2 3) (2 4 6) (3 6 9))
;; 100000
;; 18
