;; Closures and the interpreter's frame layout: captured variables are
;; copied into closures unless they are also assigned (then boxed and
;; shared); letrec variables a closure captures before their init has run
;; are patched in; every evaluation of a binding form makes new bindings;
;; frames of calls that a re-entrant continuation captured survive later
;; calls.
(import (scheme base) (scheme write))

;; Boxed: the closures and the frame share n.
(define (make-counter)
  (let ((n 0))
    (list (lambda () (set! n (+ n 1)) n)
          (lambda () n))))
(define c (make-counter))
((car c)) ((car c))
(display (list ((car c)) ((cadr c)))) (newline)

;; A set! after the closure is made is seen by it.
(define (late)
  (let* ((x 1) (get (lambda () x)))
    (set! x 2)
    (get)))
(display (late)) (newline)

;; A parameter both captured and assigned, in a loop by self tail calls:
;; each iteration has its own box.
(define (collect i acc)
  (if (= i 3)
      (map (lambda (f) (f)) acc)
      (begin (set! i (+ i 0))
             (collect (+ i 1) (cons (lambda () i) acc)))))
(display (collect 0 '())) (newline)

;; Unassigned captured variables are copied: each closure keeps the value
;; of its own iteration of a named let.
(define (thunks n)
  (let loop ((i 0) (acc '()))
    (if (= i n) (reverse acc) (loop (+ i 1) (cons (lambda () (* i i)) acc)))))
(display (map (lambda (f) (f)) (thunks 5))) (newline)

;; Mutual recursion among internal definitions (letrec*): the first
;; closure captures the second before it exists.
(define (parity n)
  (define (ev? k) (if (= k 0) #t (od? (- k 1))))
  (define (od? k) (if (= k 0) #f (ev? (- k 1))))
  (list (ev? n) (od? n)))
(display (parity 7)) (newline)

;; A definition after the procedures that use it, and an init that calls
;; an earlier procedure referring to a later one.
(define (forward)
  (define (f) (g))
  (define (g) (* 2 base))
  (define base 21)
  (define answer (f))
  answer)
(display (forward)) (newline)

;; A closure made inside a non-lambda init captures a later variable.
(define (early)
  (define get (let ((tag 'got)) (lambda () (list tag later))))
  (define later 'later-value)
  (get))
(display (early)) (newline)

;; Deep closure nesting: free variables through three levels.
(define (adder3 a)
  (lambda (b) (lambda (c) (lambda (d) (+ a b c d)))))
(display ((((adder3 1) 10) 100) 1000)) (newline)

;; Rest parameters, captured.
(define (rest-capture . xs) (lambda () (length xs)))
(display ((rest-capture 1 2 3))) (newline)

;; A re-entered continuation resumes frames whose calls returned long ago,
;; while new calls in between reuse the stack.
(define k #f)
(define count 0)
(define (f a b)
  (let ((s (+ a b)))
    (let ((r (call/cc (lambda (c) (set! k c) 0))))
      (list a b s r))))
(define (noise n) (if (= n 0) 0 (+ 1 (noise (- n 1)))))
(define result (f 1 2))
(noise 100)
(display result) (newline)
(set! count (+ count 1))
(if (< count 3) (k (* count 10)))
(display "done") (newline)
;; expect-stdout:
;; (3 3)
;; 2
;; (2 1 0)
;; (0 1 4 9 16)
;; (#f #t)
;; 42
;; (got later-value)
;; 1111
;; 3
;; (1 2 3 0)
;; (1 2 3 10)
;; (1 2 3 20)
;; done
